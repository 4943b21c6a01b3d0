// Multi-head self-attention (transformers' BertSelfAttention) and the attention
// half of a layer (BertAttention = self-attention + residual output).
// A pruned layer (transformers' prune_heads) has fewer heads N' and narrower
// projections [N' · D, H].
// Shapes: B batch, T tokens, H hidden, N heads, D = H / N head width, N' remaining heads.
#pragma once

#include "model/adaptable_linear.h"
#include "model/attention_heads.h"
#include "model/dropout.h"
#include "model/model_config.h"
#include "model/residual_output.h"

#include <torch/torch.h>

namespace bertbench {

class BertSelfAttentionImpl : public torch::nn::Module {
public:
    // With the heads config.prunedHeads leaves to layer `layer`.
    BertSelfAttentionImpl(const ModelConfig& config, int64_t layer);

    // hidden: [B, T, H]; additiveMask: [B, 1, 1, T] (0 keep, very negative drop) or
    // undefined; headMask: the layer's row [N] over the original heads (a pruned
    // head's factor is unused) or undefined. Returns the context [B, T, N' · D];
    // when probabilities is non-null it receives the post-softmax attention
    // [B, N', T, T] (before dropout) of the remaining heads.
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    // Removes the rows of query, key and value that belong to `heads`
    // (original numbers; pruned ones are ignored) and returns the positions of
    // the context features kept (AttentionHeads::remove), undefined if none went.
    torch::Tensor pruneHeads(const std::vector<int64_t>& heads);
    const AttentionHeads& heads() const { return heads_; }

    AdaptableLinear query{nullptr}, key{nullptr}, value{nullptr};
    Dropout dropout{nullptr};

private:
    AttentionHeads heads_;
};
TORCH_MODULE(BertSelfAttention);

class BertAttentionImpl : public torch::nn::Module {
public:
    BertAttentionImpl(const ModelConfig& config, int64_t layer);

    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    // transformers' BertAttention.prune_heads: query, key and value lose the
    // heads' rows, output.dense the matching input columns.
    void pruneHeads(const std::vector<int64_t>& heads);

    BertSelfAttention self{nullptr};
    ResidualOutput output{nullptr};
};
TORCH_MODULE(BertAttention);

}  // namespace bertbench
