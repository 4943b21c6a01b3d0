// HeadMask -> transformers' head_mask tensor [layers, heads] for ForwardOptions.
#pragma once

#include "inference/head_mask.h"

#include <torch/torch.h>

namespace bertbench {

// Undefined for an empty mask (every head on, nothing multiplied); a mask of
// another model's shape is a UsageError.
torch::Tensor headMaskTensor(const HeadMask& mask, int64_t layers, int64_t heads, torch::Device device);

}  // namespace bertbench
