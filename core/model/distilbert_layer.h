// One DistilBERT layer (transformers' TransformerBlock): multi-head
// self-attention, residual + sa_layer_norm, the feed-forward block (FFN),
// residual + output_layer_norm. The arithmetic is BERT's; the module names are
// DistilBERT's, so its checkpoints load by name.
// A pruned layer has N' of the N heads: q_lin, k_lin, v_lin [N' · D, H], out_lin [H, N' · D].
// Shapes: B batch, T tokens, H hidden (dim), F feed-forward width (hidden_dim).
#pragma once

#include "model/adaptable_linear.h"
#include "model/attention_heads.h"
#include "model/dropout.h"
#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

// transformers' MultiHeadSelfAttention: q_lin, k_lin, v_lin, then out_lin
// (no dropout after out_lin, unlike BERT's self-output).
class MultiHeadSelfAttentionImpl : public torch::nn::Module {
public:
    // With the heads config.prunedHeads leaves to layer `layer`.
    MultiHeadSelfAttentionImpl(const ModelConfig& config, int64_t layer);

    // As BertSelfAttention::forward, then out_lin: [B, T, H].
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    // transformers' MultiHeadSelfAttention.prune_heads: q_lin, k_lin and v_lin
    // lose the heads' rows, out_lin the matching input columns. `heads` are
    // original numbers; pruned ones are ignored (AttentionHeads::remove).
    void pruneHeads(const std::vector<int64_t>& heads);
    const AttentionHeads& heads() const { return heads_; }

    AdaptableLinear q_lin{nullptr}, k_lin{nullptr}, v_lin{nullptr}, out_lin{nullptr};
    Dropout dropout{nullptr};

private:
    AttentionHeads heads_;
};
TORCH_MODULE(MultiHeadSelfAttention);

// transformers' FFN: lin1, activation, lin2, dropout.
class DistilBertFeedForwardImpl : public torch::nn::Module {
public:
    explicit DistilBertFeedForwardImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, T, H]

    AdaptableLinear lin1{nullptr}, lin2{nullptr};
    Dropout dropout{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(DistilBertFeedForward);

class TransformerBlockImpl : public torch::nn::Module {
public:
    // `layer`: its index in the transformer, which selects its pruned heads.
    TransformerBlockImpl(const ModelConfig& config, int64_t layer);

    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    MultiHeadSelfAttention attention{nullptr};
    torch::nn::LayerNorm sa_layer_norm{nullptr};
    DistilBertFeedForward ffn{nullptr};
    torch::nn::LayerNorm output_layer_norm{nullptr};
};
TORCH_MODULE(TransformerBlock);

}  // namespace bertbench
