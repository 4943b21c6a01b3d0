// Inverted dropout for training on the CPU (zero each element with
// probability p, scale the others by 1/(1-p), as torch::dropout does) with
// masks from a counter-based hash instead of ATen's serial Bernoulli sampler.
// ATen draws one double from the Mersenne Twister per element, on one thread:
// 16 % of a training step of the mini preset. Here one 64-bit draw from the
// device's default generator seeds the whole tensor, and element i's mask bit
// is a hash of (seed, i): parallel, vectorised, the same on any number of
// threads, and reproducible from the generator's state, which checkpoints
// save. The mask is kept as bytes for backward (ATen keeps a float tensor).
#pragma once

#include <torch/torch.h>

namespace bertbench {

// x with dropout applied, differentiable. Float32 CPU tensors use the hashed
// masks; anything else goes to torch::dropout.
torch::Tensor hashedDropout(const torch::Tensor& x, double p);

}  // namespace bertbench
