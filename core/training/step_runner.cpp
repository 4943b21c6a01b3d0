#include "training/step_runner.h"

#include "distributed/data_parallel_group.h"
#include "distributed/example_shard.h"
#include "distributed/gradient_reducer.h"
#include "model/input_batch.h"
#include "training/autocast_scope.h"
#include "training/fine_tuning_strategy.h"
#include "training/fused_adamw.h"
#include "training/lr_schedule.h"
#include "training/masked_lm_batch.h"

namespace bertbench {

StepRunner::StepRunner(ModelBundle& model, const TrainingOptions& options, const EncodedDataset& train,
                       torch::Device device, int64_t totalSteps, DataParallelGroup* group)
    : model_(model), options_(options), train_(train), device_(device), total_(totalSteps),
      warmup_(options.resolvedWarmupSteps(totalSteps)), group_(group) {
    auto groups = buildParameterGroups(model, options);
    baseRates_ = groups.baseRates;
    optimizer_ = std::make_unique<torch::optim::AdamW>(std::move(groups.groups),
                                                       torch::optim::AdamWOptions(options.learningRate));
    if (group_) {
        std::vector<torch::Tensor> trained;
        for (const auto& g : optimizer_->param_groups())
            for (const auto& p : g.params()) trained.push_back(p);
        reducer_ = std::make_unique<GradientReducer>(*group_, std::move(trained));
    }
}

StepRunner::~StepRunner() = default;

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

torch::Tensor StepRunner::lossOf(const ModelInputs& inputs, const std::vector<int64_t>& labels, double share) {
    AutocastScope autocast(options_.precision, device_);
    ForwardOptions forward;
    forward.checkpointActivations = options_.activationCheckpointing;
    // The loss in float32 whatever the forward pass ran in.
    if (model_.task == Task::MaskedLM) {
        const auto& tok = *model_.tokenizer;
        auto masked = maskTokens(inputs, tok.maskId(), model_.config.vocabSize, {tok.clsId(), tok.sepId()});
        const auto chosen = maskedLogits(*model_.model, masked.inputs, masked.labels, forward);
        if (!group_) return torch::nn::functional::cross_entropy(chosen.logits.to(torch::kFloat32), chosen.labels);
        auto maskedTokens = torch::tensor({double(chosen.labels.size(0))}, torch::kFloat64);
        group_->allReduceSum(maskedTokens);
        const auto sum = torch::nn::functional::cross_entropy(
            chosen.logits.to(torch::kFloat32), chosen.labels,
            torch::nn::functional::CrossEntropyFuncOptions().reduction(torch::kSum));
        return sum / std::max(1.0, maskedTokens.item<double>());
    }
    auto logits = model_.model->forward(inputs, forward).logits.to(torch::kFloat32);
    const auto loss = torch::nn::functional::cross_entropy(logits, torch::tensor(labels).to(device_));
    return share == 1.0 ? loss : loss * share;
}

std::optional<StepOutcome> StepRunner::step(const std::vector<BatchIndices>& plan, size_t first, size_t last,
                                            int64_t stepIndex, const std::atomic<bool>* cancel) {
    StepOutcome outcome;
    const double micro = double(last - first);
    for (size_t b = first; b < last; ++b) {
        if (!group_ && cancel && *cancel) {
            optimizer_->zero_grad();
            return std::nullopt;
        }
        outcome.examples += int64_t(plan[b].size());
        // A single process computes the batch itself, without copying it.
        const BatchIndices sharded = group_ ? shardOf(plan[b], group_->rank(), group_->size()) : BatchIndices();
        const BatchIndices& share = group_ ? sharded : plan[b];
        if (share.empty()) {
            // Nothing to compute; but a masked-LM loss needs every rank's count of masked tokens.
            if (model_.task == Task::MaskedLM) {
                auto none = torch::zeros({1}, torch::kFloat64);
                group_->allReduceSum(none);
            }
            continue;
        }
        std::vector<int64_t> labels;
        auto inputs = collate(share, labels, outcome);
        auto loss = lossOf(inputs, labels, double(share.size()) / double(plan[b].size())) / micro;
        loss.backward();
        outcome.loss += loss.item<double>();
    }
    if (group_) {
        group_->setPhase("step " + std::to_string(stepIndex + 1));
        reducer_->reduce();
        auto totals = torch::tensor({outcome.loss, double(outcome.tokens), double(outcome.paddedTokens)}, torch::kFloat64);
        group_->allReduceSum(totals);
        outcome.loss = totals[0].item<double>();
        outcome.tokens = int64_t(totals[1].item<double>());
        outcome.paddedTokens = int64_t(totals[2].item<double>());
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
