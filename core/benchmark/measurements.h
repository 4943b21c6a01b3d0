// The measurements behind `bertbench-cli bench`: each one times real engine code
// (StepRunner, Predictor, BertTokenizer) and reports rates; none asserts
// anything, since machines are noisy: callers print ratios against baselines
// measured in the same run.
#pragma once

#include "checkpoint/model_folder.h"
#include "data/dataset.h"
#include "kernels/matmul_backend.h"
#include "training/training_options.h"

#include <string>
#include <vector>

namespace bertbench {

// GFLOP/s of a plain fp32 matrix product [m, k] x [k, n] on `backend`, best of a few runs.
double measureMatmulGflops(int64_t m, int64_t k, int64_t n, double seconds, MatmulBackend backend);

struct TrainingThroughput {
    int64_t steps = 0;          // measured (after warm-up)
    double secondsPerStep = 0;
    double samplesPerSecond = 0;
    double tokensPerSecond = 0;     // real tokens
    double paddedTokensPerStep = 0; // tokens computed on, padding included
    double gflops = 0;              // achieved, by trainingStepFlops at the padded length
    int64_t stepsPerEpoch = 0;
    double epochSeconds = 0;        // stepsPerEpoch x secondsPerStep (extrapolated unless measured in full)
};

// Trains `model` (changed in place) on `data` with the options' padding and
// shuffle, timing `steps` optimizer steps after `warmup` untimed ones.
// steps <= 0 measures one whole epoch.
TrainingThroughput measureTraining(ModelBundle& model, const Dataset& data, TrainingOptions options, int64_t warmup,
                                   int64_t steps);

struct Latency {
    double p50Ms = 0, p95Ms = 0;
    int runs = 0;
    int tokens = 0;
};
Latency measurePredictLatency(const std::shared_ptr<ModelBundle>& model, const std::string& text, bool attentions,
                              int runs, bool bfloat16 = false);

struct BatchPredictionThroughput {
    double textsPerSecond = 0;
    int64_t texts = 0;
};
// predictInBatches over `texts` (in the file's order or shortest first), after one warm-up batch.
BatchPredictionThroughput measureBatchPrediction(const std::shared_ptr<ModelBundle>& model,
                                                 const std::vector<std::string>& texts, size_t batchSize,
                                                 bool shortestFirst);

struct TokenizerThroughput {
    double tokensPerSecond = 0;
    int64_t tokens = 0;
};
TokenizerThroughput measureTokenizer(const Tokenizer& tokenizer, const Dataset& data, double seconds = 1.0);

// Peak resident memory of this process so far, in bytes.
int64_t peakResidentBytes();

}  // namespace bertbench
