// The attention arithmetic every family shares (BertSelfAttention, DistilBERT's
// MultiHeadSelfAttention): split heads, softmax(q kᵀ / √D + mask), dropout,
// weight the values, merge heads. Only the projections around it are named
// differently per family.
// Shapes: B batch, T tokens, H hidden, N heads, D = H / N head width.
#pragma once

#include "model/dropout.h"

#include <torch/torch.h>

namespace bertbench {

// q, k, v: projected [B, T, N · D] (N · D = H unless heads were pruned);
// additiveMask: [B, 1, 1, T] or undefined; headMask: [N] factors for these
// heads (transformers' head_mask row: 0 switches a head off), or undefined.
// Returns the context [B, T, N · D]; when
// probabilities is non-null it receives the post-softmax attention
// [B, N, T, T] (before dropout), times the head mask as transformers returns it.
torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        int64_t heads, const torch::Tensor& additiveMask,
                                        Dropout& dropout, torch::Tensor* probabilities,
                                        const torch::Tensor& headMask = {});

}  // namespace bertbench
