// Float32 matrix products on the CPU through oneDNN's matmul primitive.
// Shapes: M rows, K shared width, N columns.
//
// Inputs are 2-D float32 CPU tensors that are contiguous or the transpose of a
// contiguous tensor (a weight's .t() is passed as it is, never copied); others
// are made contiguous first. Primitives are cached per shape and thread, so a
// training step with dynamic padding pays oneDNN's set-up once per new length.
#pragma once

#include <torch/torch.h>

#include <memory>
#include <mutex>

namespace bertbench {

// a [M, K] · b [K, N] (+ bias [N]) -> a new contiguous [M, N].
torch::Tensor onednnMatmul(const torch::Tensor& a, const torch::Tensor& b, const torch::Tensor& bias = {});

// One product per leading index, all in one primitive call: a [..., M, K] ·
// b [..., K, N] -> a new contiguous [..., M, N], with equal leading sizes (no
// broadcasting). Any strides, such as attention's heads split from a [B, T, H]
// tensor by view and transpose, are read as they are where a fast kernel
// takes them, and copied to contiguous tensors where only the slow reference
// kernel would. torch::matmul instead runs one small BLAS call per leading
// index: for BERT-base's attention, 384 calls of a few microseconds of work
// and tens of microseconds of overhead each, a quarter of a training step.
torch::Tensor onednnBatchedMatmul(const torch::Tensor& a, const torch::Tensor& b);

// A weight [N, K] kept in the memory layout oneDNN prefers for x [M, K] · weightᵀ,
// made once and reused while the weight is unchanged (same storage, same
// version counter): for a thin x (a sentence being predicted) reading the
// weight dominates, and the reordered layout is read ~10x faster than the
// plain one. Safe to share between threads. Costs one extra copy of the weight
// while the model predicts; linear() drops it when training resumes.
class PackedWeightCache {
public:
    torch::Tensor linear(const torch::Tensor& rows, const torch::Tensor& weight, const torch::Tensor& bias);
    void clear();

private:
    struct Packed;
    std::shared_ptr<const Packed> packedFor(const torch::Tensor& rows, const torch::Tensor& weight);

    std::mutex mutex_;
    std::shared_ptr<const Packed> packed_;
};

}  // namespace bertbench
