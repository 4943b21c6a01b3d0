// The same text through two models of one architecture (e.g. the pretrained
// folder and the run fine-tuned from it): what changed in each head's
// attention. Plain values for the GUI's difference maps and the CLI.
#pragma once

#include "inference/prediction.h"

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

namespace bertbench {

struct ModelBundle;

struct HeadChange {
    int layer = 0, head = 0;
    double divergence = 0;  // mean Jensen–Shannon divergence (bits, 0…1) of the heads' attention rows
};

struct AttentionComparison {
    Prediction first, second;  // the text through each model, with attentions
    AttentionMaps difference;  // second − first, per layer, head, from-token, to-token
    std::vector<HeadChange> ranking;  // every head, the most changed first
    size_t sampleSize = 0;            // texts the ranking averages over
};

// Jensen–Shannon divergence in bits (0 identical … 1 disjoint) of two
// distributions of n values each.
double jensenShannon(const float* p, const float* q, int n);

// input (a text or a pair) is compared map by map; the ranking averages over
// sample (the input itself when sample is empty), each truncated to maxLength
// (0: the smaller model maximum). Both must be classifiers with the same
// layers and heads and must tokenize every text the same way (UsageError
// otherwise). Head masks in the requests are ignored: the models are compared whole.
AttentionComparison compareAttention(std::shared_ptr<ModelBundle> first, std::shared_ptr<ModelBundle> second,
                                     const PredictRequest& input, const std::vector<PredictRequest>& sample,
                                     size_t maxLength = 0);

}  // namespace bertbench
