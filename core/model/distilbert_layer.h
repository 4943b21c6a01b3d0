// One DistilBERT layer (transformers' TransformerBlock): multi-head
// self-attention, residual + sa_layer_norm, the feed-forward block (FFN),
// residual + output_layer_norm. The arithmetic is BERT's; the module names are
// DistilBERT's, so its checkpoints load by name.
// Shapes: B batch, T tokens, H hidden (dim), F feed-forward width (hidden_dim).
#pragma once

#include "model/adaptable_linear.h"
#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

// transformers' MultiHeadSelfAttention: q_lin, k_lin, v_lin, then out_lin
// (no dropout after out_lin, unlike BERT's self-output).
class MultiHeadSelfAttentionImpl : public torch::nn::Module {
public:
    explicit MultiHeadSelfAttentionImpl(const ModelConfig& config);

    // See scaledDotProductAttention for the mask and probabilities.
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    AdaptableLinear q_lin{nullptr}, k_lin{nullptr}, v_lin{nullptr}, out_lin{nullptr};
    torch::nn::Dropout dropout{nullptr};

private:
    int64_t heads_;
};
TORCH_MODULE(MultiHeadSelfAttention);

// transformers' FFN: lin1, activation, lin2, dropout.
class DistilBertFeedForwardImpl : public torch::nn::Module {
public:
    explicit DistilBertFeedForwardImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, T, H]

    AdaptableLinear lin1{nullptr}, lin2{nullptr};
    torch::nn::Dropout dropout{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(DistilBertFeedForward);

class TransformerBlockImpl : public torch::nn::Module {
public:
    explicit TransformerBlockImpl(const ModelConfig& config);

    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    MultiHeadSelfAttention attention{nullptr};
    torch::nn::LayerNorm sa_layer_norm{nullptr};
    DistilBertFeedForward ffn{nullptr};
    torch::nn::LayerNorm output_layer_norm{nullptr};
};
TORCH_MODULE(TransformerBlock);

}  // namespace bertbench
