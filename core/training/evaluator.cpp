#include "training/evaluator.h"

#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "data/label_alignment.h"
#include "inference/eval_mode_scope.h"
#include "model/input_batch.h"
#include "runtime/torch_runtime.h"

#include <algorithm>
#include <numeric>

namespace bertbench {

EvaluationResult evaluateClassifier(TaskModelImpl& model, const EncodedDataset& data,
                                    int32_t padId, int64_t batchSize, torch::Device device) {
    EvalModeScope evalMode(model);
    torch::NoGradGuard noGrad;

    const size_t count = data.examples.size();
    std::vector<size_t> order(count);
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return data.examples[a].ids.size() < data.examples[b].ids.size(); });

    EvaluationResult result;
    result.predicted.resize(count);
    result.confidence.resize(count);
    MetricsAccumulator accumulator(int(std::max<int64_t>(1, model.outputLayer()->weight.size(0))));
    for (size_t start = 0; start < count; start += size_t(batchSize)) {
        const size_t end = std::min(count, start + size_t(batchSize));
        std::vector<TokenSequence> sequences;
        std::vector<int64_t> labels;
        for (size_t i = start; i < end; ++i) {
            const auto& e = data.examples[order[i]];
            sequences.push_back({&e.ids, e.secondSegmentStart});
            labels.push_back(e.label);
        }
        auto logits = model.forward(padBatch(sequences, padId, 0, device)).logits;
        auto target = torch::tensor(labels).to(device);
        const double lossSum = torch::nn::functional::cross_entropy(
                                   logits, target,
                                   torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                                   .item<double>();
        accumulator.addLoss(lossSum, int64_t(end - start));
        auto [confidence, predicted] = torch::softmax(logits, -1).max(/*dim=*/1);
        confidence = confidence.to(torch::kCPU);
        predicted = predicted.to(torch::kCPU);
        for (size_t i = start; i < end; ++i) {
            const auto row = int64_t(i - start);
            const auto label = int32_t(predicted[row].item<int64_t>());
            result.predicted[order[i]] = label;
            result.confidence[order[i]] = confidence[row].item<float>();
            accumulator.add(int(labels[size_t(row)]), label);
        }
    }
    result.metrics = accumulator.result();
    return result;
}

EvaluationResult evaluateDataset(ModelBundle& model, const Dataset& data, size_t maxLength, int64_t batchSize,
                                 const std::string& device) {
    if (model.task != Task::SequenceClassification) throw UsageError("evaluation needs a sequence-classification model");
    if (data.examples.empty()) throw UsageError(data.source + " has no examples to evaluate");
    checkDeviceAvailable(device);
    const auto limit = size_t(model.maxLength);
    const auto aligned = alignLabels(data, model.config.id2label);
    const auto encoded = encodeDataset(aligned, *model.tokenizer, maxLength == 0 || maxLength > limit ? limit : maxLength);
    const torch::Device target(device);
    model.module().to(target);
    return evaluateClassifier(*model.model, encoded, model.tokenizer->padId(), batchSize, target);
}

EvaluationResult evaluateModel(const ModelHandle& model, const Dataset& data, size_t maxLength, int64_t batchSize,
                               const std::string& device) {
    if (model.isNull()) throw UsageError("no model to evaluate");
    return evaluateDataset(*model.bundle(), data, maxLength, batchSize, device);
}

}  // namespace bertbench
