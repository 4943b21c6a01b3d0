// Evaluating a classifier on a labelled dataset, for the CLI's eval command and
// the GUI's Evaluate page. No torch types here (the GUI includes it).
#pragma once

#include "data/dataset.h"
#include "evaluation/metrics.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

struct ModelBundle;
class ModelHandle;

struct EvaluationResult {
    ClassificationMetrics metrics;
    std::vector<int32_t> predicted;   // per example, in dataset order
    std::vector<float> confidence;    // softmax probability of the predicted label
};

// maxLength 0 = the model's maximum. The dataset's labels are fitted onto the
// model's (see label_alignment.h); one the model does not know is a FileError.
EvaluationResult evaluateDataset(ModelBundle& model, const Dataset& data, size_t maxLength = 0,
                                 int64_t batchSize = 64, const std::string& device = "cpu");

// The same for a model held through a handle (the GUI's way).
EvaluationResult evaluateModel(const ModelHandle& model, const Dataset& data, size_t maxLength = 0,
                               int64_t batchSize = 64, const std::string& device = "cpu");

}  // namespace bertbench
