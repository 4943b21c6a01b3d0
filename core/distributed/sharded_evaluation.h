// Evaluation in a data-parallel run: each rank evaluates its contiguous share
// of the examples (example_shard.h) and the ranks combine their results, so
// that every rank ends with the numbers one process would compute on the whole
// set (the predictions exactly; the loss up to the order of float addition).
#pragma once

#include "evaluation/metrics.h"
#include "model/task_model.h"
#include "tokenizer/tokenizer.h"
#include "training/encoded_dataset.h"
#include "training/masked_lm_evaluator.h"

#include <torch/torch.h>

namespace bertbench {

class DataParallelGroup;

ClassificationMetrics evaluateClassifierSharded(DataParallelGroup& group, TaskModelImpl& model,
                                                const EncodedDataset& data, int32_t padId, int64_t batchSize,
                                                torch::Device device);

MaskedLMEvaluation evaluateMaskedLMSharded(DataParallelGroup& group, TaskModelImpl& model, const EncodedDataset& data,
                                           const Tokenizer& tokenizer, int64_t vocabSize, int64_t batchSize,
                                           torch::Device device);

}  // namespace bertbench
