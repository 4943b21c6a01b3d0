// A forward pass's attention probabilities as plain AttentionMaps, for the
// first text of the batch: [layers, heads, T, T] over the model's original
// heads (a pruned head's map is all zero). The Predictor and the training's
// attention probes both read their maps this way.
#pragma once

#include "inference/prediction.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

struct ModelConfig;

// attentions: one [B, heads left, T, T] tensor per layer, as the encoder returns them.
AttentionMaps attentionMapsOf(const std::vector<torch::Tensor>& attentions, const ModelConfig& config);

}  // namespace bertbench
