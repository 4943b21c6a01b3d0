// a [..., M, K] · b [..., K, N] -> [..., M, N] for attention's scores and
// context, on oneDNN (one call for every head of every example, see
// onednn_matmul.h; both backward products likewise) for float32 on the CPU
// without autocast when the backend is oneDNN, torch::matmul otherwise.
// Leading sizes must be equal (no broadcasting), as attention's are.
#pragma once

#include <torch/torch.h>

namespace bertbench {

torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b);

}  // namespace bertbench
