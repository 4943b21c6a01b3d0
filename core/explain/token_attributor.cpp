#include "explain/token_attributor.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "explain/attention_rollout.h"
#include "inference/eval_mode_scope.h"
#include "inference/head_mask_tensor.h"
#include "inference/predictor.h"
#include "model/embeddings.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>

namespace bertbench {

namespace {

int classIdOf(const ModelBundle& model, const ExplainRequest& request, const Prediction& prediction) {
    if (request.classLabel.empty()) return prediction.labelId;
    const auto& labels = model.config.id2label;
    const auto found = std::find(labels.begin(), labels.end(), request.classLabel);
    if (found != labels.end()) return int(found - labels.begin());
    std::string known;
    for (const auto& label : labels) known += (known.empty() ? "" : ", ") + label;
    throw UsageError("the model has no class '" + request.classLabel + "': its classes are " + known);
}

torch::Tensor row(const std::vector<int32_t>& values, torch::Device device) {
    return torch::tensor(std::vector<int64_t>(values.begin(), values.end())).unsqueeze(0).to(device);
}

// The embeddings layer's output for some ids (eval mode: no dropout).
torch::Tensor embeddingOutput(TaskModelImpl& model, const ModelInputs& inputs, const ForwardOptions& options) {
    torch::NoGradGuard noGrad;
    ForwardOptions withStates = options;
    withStates.hiddenStates = true;
    return model.forward(inputs, withStates).encoder.hiddenStates.front().detach();
}

// What one pass at interpolation points `alphas` gives: the class probability
// at each point and its gradient with respect to the embeddings [k, T, H].
struct PointsPass {
    torch::Tensor probability, gradient;
};

PointsPass passAt(TaskModelImpl& model, const ModelInputs& inputs, const ForwardOptions& options,
                  const torch::Tensor& baseline, const torch::Tensor& delta, const std::vector<double>& alphas,
                  int classId) {
    const auto k = int64_t(alphas.size());
    const auto a = torch::tensor(alphas, torch::kFloat64).to(baseline.device(), baseline.scalar_type()).view({k, 1, 1});
    auto points = (baseline + a * delta).detach().requires_grad_(true);  // [k, T, H]
    ModelInputs batch;
    batch.inputIds = inputs.inputIds.expand({k, -1});
    batch.tokenTypeIds = inputs.tokenTypeIds.expand({k, -1});
    batch.embeddingOutput = points;
    const auto logits = model.forward(batch, options).logits.to(torch::kFloat32);
    const auto probability = torch::softmax(logits, -1).select(1, classId);  // [k]
    auto gradient = torch::autograd::grad({probability.sum()}, {points})[0];
    return {probability.detach(), gradient};
}

}  // namespace

TokenAttributor::TokenAttributor(std::shared_ptr<ModelBundle> model) : model_(std::move(model)) {
    if (!model_ || model_->task != Task::SequenceClassification)
        throw UsageError("explaining needs a sequence-classification model");
}

Attribution TokenAttributor::explain(const ExplainRequest& request, const std::function<bool(double)>& progress) const {
    const bool rollout = request.method == AttributionMethod::AttentionRollout;
    if (request.method == AttributionMethod::IntegratedGradients && (request.steps < 1 || request.steps > 10000))
        throw UsageError("integrated gradients need between 1 and 10000 steps, not " + std::to_string(request.steps));
    PredictRequest predictRequest{request.text, request.pair, /*withAttentions=*/rollout, request.headMask};
    Attribution result;
    result.prediction = Predictor(model_, request.maxLength).predict(predictRequest);
    result.method = request.method;
    result.classId = classIdOf(*model_, request, result.prediction);
    result.classLabel = model_->config.id2label.at(size_t(result.classId));
    result.forwardPasses = 1;
    if (rollout) {
        result.scores = rolloutFromFirstToken(*result.prediction.attentions);
        return result;
    }

    TaskModelImpl& model = *model_->model;
    EvalModeScope evalMode(model);
    torch::AutoGradMode gradients(true);
    const auto device = model.device();
    const auto& p = result.prediction;
    ModelInputs inputs;
    inputs.inputIds = row(p.inputIds, device);
    inputs.tokenTypeIds = row(p.tokenTypeIds, device);
    ForwardOptions options;
    options.headMask = headMaskTensor(request.headMask, model_->config.numHiddenLayers,
                                      model_->config.numAttentionHeads, device);
    const auto input = embeddingOutput(model, inputs, options);  // [1, T, H]

    if (request.method == AttributionMethod::GradientTimesInput) {
        const auto pass = passAt(model, inputs, options, torch::zeros_like(input), input, {1.0}, result.classId);
        const auto scores = (pass.gradient * input).sum(-1)[0].to(torch::kCPU, torch::kFloat32).contiguous();
        result.scores.assign(scores.data_ptr<float>(), scores.data_ptr<float>() + scores.numel());
        result.forwardPasses = 2;
        return result;
    }

    // The baseline: every token but the special ones replaced by padding, with
    // the input's own positions and token types (so only the words are gone).
    std::vector<int32_t> baselineIds = p.inputIds;
    const auto padId = model_->tokenizer->padId();
    for (size_t i = 0; i < baselineIds.size(); ++i)
        if (!p.special[i]) baselineIds[i] = padId;
    ModelInputs baselineInputs = inputs;
    baselineInputs.inputIds = row(baselineIds, device);
    baselineInputs.positionIds = positionIdsOf(model.config(), inputs.inputIds);
    const auto baseline = embeddingOutput(model, baselineInputs, options);
    const auto delta = input - baseline;

    // Trapezoid rule over [0, 1] in `steps` intervals. The weighted gradients are
    // added point by point in order, in float64, so how points are grouped into
    // passes does not change the sum.
    const int steps = request.steps;
    const auto tokens = int64_t(p.inputIds.size());
    const int64_t scoresPerPoint = model_->config.numHiddenLayers * model_->config.numAttentionHeads * tokens * tokens;
    const int64_t perPass = request.pointsPerBatch > 0 ? request.pointsPerBatch
                                                       : std::max<int64_t>(1, kAttributionScoreBudget / scoresPerPoint);
    auto total = torch::zeros({tokens, input.size(2)}, torch::TensorOptions().dtype(torch::kFloat64).device(device));
    for (int start = 0; start <= steps; start += int(perPass)) {
        const int end = int(std::min<int64_t>(steps + 1, start + perPass));
        std::vector<double> alphas;
        for (int i = start; i < end; ++i) alphas.push_back(double(i) / steps);
        const auto pass = passAt(model, inputs, options, baseline, delta, alphas, result.classId);
        const auto gradient = pass.gradient.to(torch::kFloat64);
        for (int i = start; i < end; ++i) {
            const double weight = (i == 0 || i == steps) ? 0.5 / steps : 1.0 / steps;
            total += weight * gradient[i - start];
        }
        if (start == 0) result.baselineOutput = pass.probability[0].item<double>();
        if (end == steps + 1) result.output = pass.probability[end - start - 1].item<double>();
        ++result.forwardPasses;
        if (progress && !progress(double(end) / double(steps + 1)))
            throw OperationCancelled("the explanation was cancelled");
    }
    const auto scores = (delta[0].to(torch::kFloat64) * total).sum(-1).to(torch::kCPU).contiguous();
    double sum = 0.0;
    for (int64_t i = 0; i < scores.numel(); ++i) {
        result.scores.push_back(float(scores.data_ptr<double>()[i]));
        sum += scores.data_ptr<double>()[i];
    }
    result.steps = steps;
    result.completenessGap = std::abs(sum - (*result.output - *result.baselineOutput));
    return result;
}

}  // namespace bertbench
