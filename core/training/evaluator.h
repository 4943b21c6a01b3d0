// Evaluating a classifier on an already encoded dataset (the trainer's inner
// loop); evaluation.h is the entry point for whole datasets.
#pragma once

#include "model/task_model.h"
#include "training/evaluation.h"
#include "training/encoded_dataset.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

// Runs in eval mode without gradients; batches are formed from examples of
// similar length (the order does not change any result) and padded dynamically.
// Restores the module's training mode afterwards.
EvaluationResult evaluateClassifier(TaskModelImpl& model, const EncodedDataset& data,
                                    int32_t padId, int64_t batchSize, torch::Device device);

}  // namespace bertbench
