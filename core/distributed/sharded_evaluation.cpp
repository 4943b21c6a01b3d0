#include "distributed/sharded_evaluation.h"

#include "distributed/data_parallel_group.h"
#include "distributed/example_shard.h"
#include "training/evaluator.h"

#include <cmath>

namespace bertbench {

ClassificationMetrics evaluateClassifierSharded(DataParallelGroup& group, TaskModelImpl& model,
                                                const EncodedDataset& data, int32_t padId, int64_t batchSize,
                                                torch::Device device) {
    const size_t count = data.examples.size();
    const auto [begin, end] = shardRange(count, group.rank(), group.size());
    // Every rank's predictions in its own rows, zero elsewhere: the sum is the whole set's.
    auto predicted = torch::zeros({int64_t(count) + 1}, torch::kFloat64);  // the last slot: the loss sum
    if (end > begin) {
        EncodedDataset share;
        share.examples.assign(data.examples.begin() + long(begin), data.examples.begin() + long(end));
        share.numLabels = data.numLabels;
        const auto local = evaluateClassifier(model, share, padId, batchSize, device);
        auto* rows = predicted.data_ptr<double>();
        for (size_t i = begin; i < end; ++i) rows[i] = local.predicted[i - begin];
        rows[count] = local.metrics.loss * double(end - begin);
    }
    group.allReduceSum(predicted);
    const auto* rows = predicted.data_ptr<double>();
    MetricsAccumulator accumulator(int(std::max<int64_t>(1, model.outputLayer()->weight.size(0))));
    for (size_t i = 0; i < count; ++i) accumulator.add(data.examples[i].label, int(rows[i]));
    accumulator.addLoss(rows[count], int64_t(count));
    return accumulator.result();
}

MaskedLMEvaluation evaluateMaskedLMSharded(DataParallelGroup& group, TaskModelImpl& model, const EncodedDataset& data,
                                           const Tokenizer& tokenizer, int64_t vocabSize, int64_t batchSize,
                                           torch::Device device) {
    const auto [begin, end] = shardRange(data.examples.size(), group.rank(), group.size());
    const auto local = evaluateMaskedLM(model, data, tokenizer, vocabSize, batchSize, device, {begin, end});
    auto sums = torch::tensor({local.lossSum, double(local.maskedTokens)}, torch::kFloat64);
    group.allReduceSum(sums);
    MaskedLMEvaluation result;
    result.examples = int64_t(data.examples.size());
    result.maskedTokens = int64_t(sums[1].item<double>());
    result.lossSum = sums[0].item<double>();
    if (result.maskedTokens == 0) return result;
    result.loss = result.lossSum / double(result.maskedTokens);
    result.perplexity = std::exp(result.loss);
    return result;
}

}  // namespace bertbench
