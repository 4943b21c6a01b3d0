// Evaluating a classifier on an encoded dataset: metrics, mean loss, and each
// example's prediction and confidence (for the GUI's example browser).
#pragma once

#include "evaluation/metrics.h"
#include "model/heads.h"
#include "training/encoded_dataset.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

struct EvaluationResult {
    ClassificationMetrics metrics;
    std::vector<int32_t> predicted;   // per example, in dataset order
    std::vector<float> confidence;    // softmax probability of the predicted label
};

// Runs in eval mode without gradients; batches are formed from examples of
// similar length (the order does not change any result) and padded dynamically.
// Restores the module's training mode afterwards.
EvaluationResult evaluateClassifier(BertForSequenceClassification& model, const EncodedDataset& data,
                                    int32_t padId, int64_t batchSize, torch::Device device);

}  // namespace bertbench
