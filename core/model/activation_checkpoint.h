// Activation checkpointing (Chen et al. 2016; torch.utils.checkpoint's
// reentrant variant): a layer run through checkpointed() keeps only its input
// for the backward pass, not the dozen intermediate tensors of attention and
// feed-forward, and is run a second time during backward to rebuild them. It
// costs about one more forward pass per step; it changes no result, because
// the second run starts from the random state of the first, so dropout draws
// the same masks.
// Shapes: B batch, T tokens, H hidden.
#pragma once

#include <torch/torch.h>

#include <functional>

namespace bertbench {

// layer(hidden [B, T, H]) -> [B, T, H], under the current grad mode's rules:
// with gradients off it is simply layer(hidden).
torch::Tensor checkpointed(const std::function<torch::Tensor(const torch::Tensor&)>& layer,
                           const torch::Tensor& hidden);

}  // namespace bertbench
