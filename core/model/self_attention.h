// Multi-head self-attention (transformers' BertSelfAttention) and the attention
// half of a layer (BertAttention = self-attention + residual output).
// Shapes: B batch, T tokens, H hidden, N heads, D = H / N head width.
#pragma once

#include "model/adaptable_linear.h"
#include "model/model_config.h"
#include "model/residual_output.h"

#include <torch/torch.h>

namespace bertbench {

class BertSelfAttentionImpl : public torch::nn::Module {
public:
    explicit BertSelfAttentionImpl(const ModelConfig& config);

    // hidden: [B, T, H]; additiveMask: [B, 1, 1, T] (0 keep, very negative drop) or
    // undefined. Returns the context [B, T, H]; when probabilities is non-null it
    // receives the post-softmax attention [B, N, T, T] (before dropout).
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    AdaptableLinear query{nullptr}, key{nullptr}, value{nullptr};
    torch::nn::Dropout dropout{nullptr};

private:
    int64_t heads_;
};
TORCH_MODULE(BertSelfAttention);

class BertAttentionImpl : public torch::nn::Module {
public:
    explicit BertAttentionImpl(const ModelConfig& config);

    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    BertSelfAttention self{nullptr};
    ResidualOutput output{nullptr};
};
TORCH_MODULE(BertAttention);

}  // namespace bertbench
