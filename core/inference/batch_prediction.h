// Predicting a whole file: many texts in batches, shortest first so that each
// batch pads little, with the results back in the texts' order. Used by the
// session (the CLI's and the GUI's file prediction) and by the benchmark.
#pragma once

#include "inference/prediction.h"

#include <functional>
#include <string>
#include <vector>

namespace bertbench {

class Predictor;

// 64 texts a batch keep memory flat and let a cancel stop a long file.
constexpr size_t kPredictionBatchSize = 64;

// `progress` gets the share done after each batch; returning false cancels
// (OperationCancelled). shortestFirst = false keeps the file's order in the
// batches too (the benchmark's baseline); the results are the same either way.
std::vector<Prediction> predictInBatches(const Predictor& predictor, const std::vector<std::string>& texts,
                                         size_t batchSize = kPredictionBatchSize,
                                         const std::function<bool(double)>& progress = {}, bool shortestFirst = true);

}  // namespace bertbench
