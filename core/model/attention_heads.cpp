#include "model/attention_heads.h"

#include "common/errors.h"

#include <algorithm>
#include <string>

namespace bertbench {

namespace {
torch::Tensor indexOf(const std::vector<int64_t>& positions) {
    return torch::tensor(positions, torch::kInt64);
}
}  // namespace

AttentionHeads::AttentionHeads(const ModelConfig& config, int64_t layer)
    : layer_(layer), original_(config.numAttentionHeads), headDim_(config.headDim()),
      remaining_(config.remainingHeads(layer)) {}

torch::Tensor AttentionHeads::maskOfRemaining(const torch::Tensor& originalRow) const {
    if (count() == original_) return originalRow;
    // Made per call (a few integers): an index kept from a module built under
    // InferenceMode could not be saved for the backward pass of a head-mask
    // gradient (head importance).
    return originalRow.index_select(0, indexOf(remaining_).to(originalRow.device()));
}

torch::Tensor AttentionHeads::remove(const std::vector<int64_t>& heads) {
    std::vector<int64_t> kept;
    for (const auto head : heads)
        if (head < 0 || head >= original_)
            throw UsageError("layer " + std::to_string(layer_) + " has no head " + std::to_string(head) +
                             " (its heads are 0.." + std::to_string(original_ - 1) + ")");
    for (const auto head : remaining_)
        if (std::find(heads.begin(), heads.end(), head) == heads.end()) kept.push_back(head);
    if (kept.size() == remaining_.size()) return {};
    if (kept.empty())
        throw UsageError("pruning would remove every head of layer " + std::to_string(layer_) +
                         "; at least one head per layer must remain");

    // Each remaining head owns D consecutive rows of query, key and value, in
    // the order of remaining_.
    std::vector<int64_t> rows;
    for (size_t position = 0; position < remaining_.size(); ++position)
        if (std::find(kept.begin(), kept.end(), remaining_[position]) != kept.end())
            for (int64_t d = 0; d < headDim_; ++d) rows.push_back(int64_t(position) * headDim_ + d);
    remaining_ = std::move(kept);
    return indexOf(rows);
}

}  // namespace bertbench
