// Which of a layer's attention heads remain after pruning (transformers keeps
// this as BertAttention.pruned_heads and num_attention_heads). Heads keep the
// numbers they had in the unpruned model, so a head mask, a pruned_heads entry
// and the attention grid all speak of the original heads.
// Shapes: N heads before pruning, N' remaining, D head width.
#pragma once

#include "model/model_config.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

class AttentionHeads {
public:
    // The heads config.prunedHeads leaves to `layer`.
    AttentionHeads(const ModelConfig& config, int64_t layer);

    int64_t count() const { return int64_t(remaining_.size()); }  // N'
    int64_t width() const { return count() * headDim_; }          // N' · D: the projections' width
    const std::vector<int64_t>& remaining() const { return remaining_; }  // original numbers, ascending

    // The layer's row of a head mask over the original heads [N] -> the factors
    // of the remaining heads [N'] (the row itself when nothing is pruned).
    torch::Tensor maskOfRemaining(const torch::Tensor& originalRow) const;

    // transformers' find_pruneable_heads_and_indices, then the removal: drops
    // those of `heads` (original numbers) still present and returns the
    // positions [(N' - removed) · D] of the projection rows to keep, or an
    // undefined tensor when none of them was present. UsageError, with nothing
    // changed, for a head the layer never had or for removing its last head.
    torch::Tensor remove(const std::vector<int64_t>& heads);

private:
    int64_t layer_, original_, headDim_;
    std::vector<int64_t> remaining_;
};

}  // namespace bertbench
