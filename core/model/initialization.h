// The weight initialisation every family shares (transformers'
// _init_weights of BertPreTrainedModel, DistilBertPreTrainedModel and
// RobertaPreTrainedModel): linear and embedding weights ~ N(0,
// initializer_range²), biases 0, LayerNorm weight 1 / bias 0, an embedding's
// padding row 0; DistilBERT's sinusoidal positions when its config asks.
#pragma once

#include "model/model_config.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace bertbench {

// Initialises every parameter of model (or only those named in `only`, when
// given). Draws from torch's global generator: seed it for reproducible models.
void initializeWeights(torch::nn::Module& model, const ModelConfig& config, const std::vector<std::string>& only = {});

}  // namespace bertbench
