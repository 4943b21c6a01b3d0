// y = x Wᵀ + b for every linear layer of the models, on the backend that
// matmulBackend() chose: oneDNN (forward and both backward products, see
// onednn_matmul.h) for float32 on the CPU without autocast, torch::linear
// otherwise (CUDA, bfloat16, autocast, or the BLAS backend).
// Shapes: I input width, O output width.
#pragma once

#include <torch/torch.h>

namespace bertbench {

class PackedWeightCache;

// x [..., I], weight [O, I], bias [O] or undefined -> [..., O]. With a cache, an
// inference call on a few rows (a sentence being predicted) reads the weight
// in oneDNN's reordered layout, made once while the weight is unchanged.
torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                     PackedWeightCache* cache = nullptr);

}  // namespace bertbench
