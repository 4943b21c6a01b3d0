#include "training/step_runner.h"

#include "model/input_batch.h"
#include "training/autocast_scope.h"
#include "training/fine_tuning_strategy.h"
#include "training/fused_adamw.h"
#include "training/lr_schedule.h"
#include "training/masked_lm_batch.h"

namespace bertbench {

StepRunner::StepRunner(ModelBundle& model, const TrainingOptions& options, const EncodedDataset& train,
                       torch::Device device, int64_t totalSteps)
    : model_(model), options_(options), train_(train), device_(device), total_(totalSteps),
      warmup_(options.resolvedWarmupSteps(totalSteps)) {
    auto groups = buildParameterGroups(model, options);
    baseRates_ = groups.baseRates;
    optimizer_ = std::make_unique<torch::optim::AdamW>(std::move(groups.groups),
                                                       torch::optim::AdamWOptions(options.learningRate));
}

ModelInputs StepRunner::collate(const BatchIndices& batch, std::vector<int64_t>& labels, StepOutcome& counts) const {
    std::vector<TokenSequence> sequences;
    for (size_t i : batch) {
        const auto& e = train_.examples[i];
        sequences.push_back({&e.ids, e.secondSegmentStart});
        labels.push_back(e.label);
        counts.tokens += int64_t(e.ids.size());
    }
    const size_t length = options_.padding == Padding::MaxLength ? size_t(options_.maxLength) : 0;
    auto inputs = padBatch(sequences, model_.tokenizer->padId(), length, device_);
    counts.paddedTokens += inputs.inputIds.numel();
    return inputs;
}

torch::Tensor StepRunner::lossOf(const ModelInputs& inputs, const std::vector<int64_t>& labels) {
    AutocastScope autocast(options_.precision, device_);
    ForwardOptions forward;
    forward.checkpointActivations = options_.activationCheckpointing;
    // The loss in float32 whatever the forward pass ran in.
    if (model_.task == Task::MaskedLM) {
        const auto& tok = *model_.tokenizer;
        auto masked = maskTokens(inputs, tok.maskId(), model_.config.vocabSize, {tok.clsId(), tok.sepId()});
        const auto chosen = maskedLogits(*model_.model, masked.inputs, masked.labels, forward);
        return torch::nn::functional::cross_entropy(chosen.logits.to(torch::kFloat32), chosen.labels);
    }
    auto logits = model_.model->forward(inputs, forward).logits.to(torch::kFloat32);
    return torch::nn::functional::cross_entropy(logits, torch::tensor(labels).to(device_));
}

std::optional<StepOutcome> StepRunner::step(const std::vector<BatchIndices>& plan, size_t first, size_t last,
                                            int64_t stepIndex, const std::atomic<bool>* cancel) {
    StepOutcome outcome;
    const double micro = double(last - first);
    for (size_t b = first; b < last; ++b) {
        if (cancel && *cancel) {
            optimizer_->zero_grad();
            return std::nullopt;
        }
        std::vector<int64_t> labels;
        auto inputs = collate(plan[b], labels, outcome);
        auto loss = lossOf(inputs, labels) / micro;
        loss.backward();
        outcome.loss += loss.item<double>();
        outcome.examples += int64_t(plan[b].size());
    }
    const double factor = learningRateFactor(options_.schedule, stepIndex, warmup_, total_);
    auto& groups = optimizer_->param_groups();
    for (size_t i = 0; i < groups.size(); ++i)
        static_cast<torch::optim::AdamWOptions&>(groups[i].options()).lr(baseRates_[i] * factor);
    outcome.learningRate = baseRates_[0] * factor;
    // A norm of 1e30 never clips but still reports the norm.
    outcome.gradNorm = clipAndStepAdamW(*optimizer_, options_.maxGradNorm > 0 ? options_.maxGradNorm : 1e30);
    return outcome;
}

}  // namespace bertbench
