#include "model/input_batch.h"

#include <algorithm>

namespace bertbench {

BertInputs padBatch(const std::vector<const Encoding*>& encodings, int32_t padId, size_t length,
                    torch::Device device) {
    size_t longest = 0;
    for (const auto* e : encodings) longest = std::max(longest, e->inputIds.size());
    const size_t tokens = std::max(length, longest);
    const auto batch = static_cast<int64_t>(encodings.size());

    auto ids = torch::full({batch, int64_t(tokens)}, int64_t(padId), torch::kInt64);
    auto types = torch::zeros({batch, int64_t(tokens)}, torch::kInt64);
    auto mask = torch::zeros({batch, int64_t(tokens)}, torch::kInt64);
    auto idsA = ids.accessor<int64_t, 2>();
    auto typesA = types.accessor<int64_t, 2>();
    auto maskA = mask.accessor<int64_t, 2>();
    for (int64_t b = 0; b < batch; ++b) {
        const auto& e = *encodings[size_t(b)];
        for (size_t t = 0; t < e.inputIds.size(); ++t) {
            idsA[b][int64_t(t)] = e.inputIds[t];
            typesA[b][int64_t(t)] = e.tokenTypeIds[t];
            maskA[b][int64_t(t)] = e.attentionMask[t];
        }
    }
    return {ids.to(device), types.to(device), mask.to(device)};
}

}  // namespace bertbench
