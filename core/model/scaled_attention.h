// The attention arithmetic every family shares (BertSelfAttention, DistilBERT's
// MultiHeadSelfAttention): split heads, softmax(q kᵀ / √D + mask), dropout,
// weight the values, merge heads. Only the projections around it are named
// differently per family.
// Shapes: B batch, T tokens, H hidden, N heads, D = H / N head width.
#pragma once

#include <torch/torch.h>

namespace bertbench {

// q, k, v: projected [B, T, H]; additiveMask: [B, 1, 1, T] or undefined.
// Returns the context [B, T, H]; when probabilities is non-null it receives the
// post-softmax attention [B, N, T, T] (before dropout).
torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        int64_t heads, const torch::Tensor& additiveMask,
                                        torch::nn::Dropout& dropout, torch::Tensor* probabilities);

}  // namespace bertbench
