// Mixed-precision training's forward pass: while an AutocastScope with
// bfloat16 lives, LibTorch's autocast runs matrix products (linear, matmul) in
// bfloat16 on `device` and keeps precision-sensitive operations (softmax,
// LayerNorm, losses) in float32; parameters, gradients and the optimizer state
// stay float32. Autocast is per thread, so the scope covers the calling
// thread's forward pass only; backward follows the recorded types.
#pragma once

#include "training/training_options.h"

#include <torch/torch.h>

namespace bertbench {

class AutocastScope {
public:
    // Float32 leaves autocast as it is.
    AutocastScope(TrainingPrecision precision, torch::Device device);
    ~AutocastScope();
    AutocastScope(const AutocastScope&) = delete;
    AutocastScope& operator=(const AutocastScope&) = delete;

private:
    bool active_ = false;
    bool cuda_ = false;
    bool wasEnabled_ = false;
    at::ScalarType previousType_ = at::kBFloat16;
};

}  // namespace bertbench
