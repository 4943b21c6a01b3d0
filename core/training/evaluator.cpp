#include "training/evaluator.h"

#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "inference/eval_mode_scope.h"
#include "training/classifier_batches.h"
#include "runtime/torch_runtime.h"

#include <algorithm>

namespace bertbench {

EvaluationResult evaluateClassifier(TaskModelImpl& model, const EncodedDataset& data,
                                    int32_t padId, int64_t batchSize, torch::Device device) {
    EvalModeScope evalMode(model);
    torch::NoGradGuard noGrad;

    const size_t count = data.examples.size();
    const auto order = shortestFirst(data);
    EvaluationResult result;
    result.predicted.resize(count);
    result.confidence.resize(count);
    MetricsAccumulator accumulator(int(std::max<int64_t>(1, model.outputLayer()->weight.size(0))));
    for (size_t start = 0; start < count; start += size_t(batchSize)) {
        const size_t end = std::min(count, start + size_t(batchSize));
        const auto batch = labelledBatch(data, order, start, end, padId, device);
        auto logits = model.forward(batch.inputs).logits;
        const double lossSum = torch::nn::functional::cross_entropy(
                                   logits, batch.labels,
                                   torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum))
                                   .item<double>();
        accumulator.addLoss(lossSum, int64_t(end - start));
        auto [confidence, predicted] = torch::softmax(logits, -1).max(/*dim=*/1);
        confidence = confidence.to(torch::kCPU);
        predicted = predicted.to(torch::kCPU);
        const auto labels = batch.labels.to(torch::kCPU).contiguous();
        const int64_t* truth = labels.data_ptr<int64_t>();
        for (size_t i = start; i < end; ++i) {
            const auto row = int64_t(i - start);
            const auto label = int32_t(predicted[row].item<int64_t>());
            result.predicted[order[i]] = label;
            result.confidence[order[i]] = confidence[row].item<float>();
            accumulator.add(int(truth[row]), label);
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
    const auto encoded = encodeForClassifier(model, data, maxLength);
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
