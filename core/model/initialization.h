// BERT's weight initialisation (transformers' BertPreTrainedModel._init_weights):
// weights ~ N(0, initializer_range²), biases 0, LayerNorm weight 1 / bias 0, the
// [PAD] row of the word embeddings 0.
#pragma once

#include "model/bert_config.h"

#include <torch/torch.h>

#include <string>
#include <vector>

namespace bertbench {

// Initialises every parameter of model (or only those named in `only`, when
// given). Draws from torch's global generator: seed it for reproducible models.
void initializeBertWeights(torch::nn::Module& model, const BertConfig& config,
                           const std::vector<std::string>& only = {});

}  // namespace bertbench
