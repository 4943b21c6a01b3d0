// Floating-point operations of BERT's matrix products, for reporting achieved
// GFLOP/s. Counts 2·m·n·k per product (a multiply and an add); element-wise work
// (softmax, GELU, LayerNorm) is left out, as is customary.
#pragma once

#include "model/model_config.h"

#include <cstdint>

namespace bertbench {

// Forward pass of the encoder, pooler and classifier for `batch` sequences of
// `tokens` tokens each.
double forwardMatmulFlops(const ModelConfig& config, int64_t batch, int64_t tokens);

// A training step: the forward pass plus a backward pass of twice its cost
// (gradients for both the inputs and the weights of every product).
double trainingStepFlops(const ModelConfig& config, int64_t batch, int64_t tokens);

}  // namespace bertbench
