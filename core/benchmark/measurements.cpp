#include "benchmark/measurements.h"

#include "benchmark/flop_count.h"
#include "inference/batch_prediction.h"
#include "inference/predictor.h"
#include "kernels/onednn_matmul.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/fine_tuning_strategy.h"
#include "training/step_runner.h"

#include <torch/torch.h>

#include <algorithm>
#include <chrono>
#include <sys/resource.h>

namespace bertbench {

namespace {
using Clock = std::chrono::steady_clock;
double since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }
}  // namespace

double measureMatmulGflops(int64_t m, int64_t k, int64_t n, double seconds, MatmulBackend backend) {
    torch::NoGradGuard noGrad;
    auto a = torch::randn({m, k});
    auto b = torch::randn({k, n});
    auto product = [&] { return backend == MatmulBackend::OneDnn ? onednnMatmul(a, b) : torch::matmul(a, b); };
    auto c = product();  // warm-up
    double best = 0;
    const auto start = Clock::now();
    do {
        const auto t = Clock::now();
        c = product();
        best = std::max(best, 2.0 * double(m) * double(k) * double(n) / since(t) / 1e9);
    } while (since(start) < seconds);
    return best;
}

TrainingThroughput measureTraining(ModelBundle& model, const Dataset& data, TrainingOptions options, int64_t warmup,
                                   int64_t steps) {
    const auto encoded = encodeDataset(data, *model.tokenizer, size_t(options.maxLength));
    std::vector<size_t> lengths;
    for (const auto& e : encoded.examples) lengths.push_back(e.ids.size());
    const auto plan = planEpoch(lengths, options.batchSize, options.shuffle, options.seed, 0);
    TrainingThroughput result;
    result.stepsPerEpoch = int64_t(plan.size());
    const int64_t measured = steps <= 0 ? int64_t(plan.size()) : std::min<int64_t>(steps, int64_t(plan.size()));
    warmup = std::min<int64_t>(warmup, int64_t(plan.size()) - (steps <= 0 ? 0 : measured));

    applyFineTuningStrategy(model, options);
    model.module().train();
    StepRunner runner(model, options, encoded, torch::kCPU, int64_t(plan.size()) + warmup);
    // Warm-up batches come from the end of the plan so that a whole-epoch
    // measurement still times every batch of the epoch.
    for (int64_t i = 0; i < warmup; ++i) runner.step(plan, plan.size() - 1 - size_t(i), plan.size() - size_t(i), i);

    double examples = 0, tokens = 0, padded = 0, flops = 0;
    const auto start = Clock::now();
    for (int64_t i = 0; i < measured; ++i) {
        const auto outcome = runner.step(plan, size_t(i), size_t(i) + 1, warmup + i);
        examples += double(outcome->examples);
        tokens += double(outcome->tokens);
        padded += double(outcome->paddedTokens);
        flops += trainingStepFlops(model.config, int64_t(plan[size_t(i)].size()),
                                   outcome->paddedTokens / int64_t(plan[size_t(i)].size()));
    }
    const double seconds = since(start);
    result.steps = measured;
    result.secondsPerStep = seconds / double(measured);
    result.samplesPerSecond = examples / seconds;
    result.tokensPerSecond = tokens / seconds;
    result.paddedTokensPerStep = padded / double(measured);
    result.gflops = flops / seconds / 1e9;
    result.epochSeconds = steps <= 0 ? seconds : result.secondsPerStep * double(result.stepsPerEpoch);
    return result;
}

Latency measurePredictLatency(const std::shared_ptr<ModelBundle>& model, const std::string& text, bool attentions,
                              int runs, bool bfloat16) {
    Predictor predictor(model, 0, bfloat16 ? Precision::BFloat16 : Precision::Float32);
    Latency latency;
    latency.runs = runs;
    latency.tokens = int(predictor.predict(text, attentions).inputIds.size());  // warm-up
    std::vector<double> ms;
    for (int i = 0; i < runs; ++i) {
        const auto start = Clock::now();
        predictor.predict(text, attentions);
        ms.push_back(since(start) * 1e3);
    }
    std::sort(ms.begin(), ms.end());
    latency.p50Ms = ms[ms.size() / 2];
    latency.p95Ms = ms[std::min(ms.size() - 1, size_t(double(ms.size()) * 0.95))];
    return latency;
}

BatchPredictionThroughput measureBatchPrediction(const std::shared_ptr<ModelBundle>& model,
                                                 const std::vector<std::string>& texts, size_t batchSize,
                                                 bool shortestFirst) {
    const Predictor predictor(model);
    predictInBatches(predictor, {texts.begin(), texts.begin() + long(std::min(texts.size(), batchSize))}, batchSize);
    const auto start = Clock::now();
    const auto predictions = predictInBatches(predictor, texts, batchSize, {}, shortestFirst);
    BatchPredictionThroughput result;
    result.texts = int64_t(predictions.size());
    result.textsPerSecond = double(predictions.size()) / since(start);
    return result;
}

TokenizerThroughput measureTokenizer(const Tokenizer& tokenizer, const Dataset& data, double seconds) {
    TokenizerThroughput result;
    const auto start = Clock::now();
    do {
        for (const auto& example : data.examples) result.tokens += int64_t(tokenizer.tokenizeToIds(example.text).size());
    } while (since(start) < seconds);
    result.tokensPerSecond = double(result.tokens) / since(start);
    return result;
}

int64_t peakResidentBytes() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return int64_t(usage.ru_maxrss) * 1024;
}

}  // namespace bertbench
