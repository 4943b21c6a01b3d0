#include "training/fine_tuning_strategy.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/adaptable_linear.h"

#include <algorithm>

namespace bertbench {

namespace {

bool excludedFromWeightDecay(const std::string& name) {
    return name.find("bias") != std::string::npos || name.find("LayerNorm.weight") != std::string::npos;
}

// The adaptable layers of encoder layer `layer` that a LoRA target names.
std::vector<AdaptableLinear> loraTargets(BertLayerImpl& layer, const std::vector<std::string>& targets) {
    std::vector<AdaptableLinear> found;
    auto wants = [&](const char* target) { return std::find(targets.begin(), targets.end(), target) != targets.end(); };
    if (wants("query")) found.push_back(layer.attention->self->query);
    if (wants("key")) found.push_back(layer.attention->self->key);
    if (wants("value")) found.push_back(layer.attention->self->value);
    if (wants("dense")) {
        found.push_back(layer.attention->output->dense);
        found.push_back(layer.intermediate->dense);
        found.push_back(layer.output->dense);
    }
    return found;
}

BertModel encoderOf(ModelBundle& model) {
    return model.task == Task::MaskedLM ? model.maskedLM->bert : model.classifier->bert;
}

}  // namespace

bool isHeadParameter(const std::string& name) {
    return startsWith(name, "classifier.") || startsWith(name, "bert.pooler.") || startsWith(name, "cls.");
}

void applyFineTuningStrategy(ModelBundle& model, const TrainingOptions& options) {
    auto& module = model.module();
    const int64_t layers = model.config.numHiddenLayers;
    if (options.freezeLayers > layers)
        throw UsageError("cannot freeze " + std::to_string(options.freezeLayers) + " layers: the model has " +
                         std::to_string(layers));
    const bool headOnly = options.headOnly || options.lora.rank > 0;
    for (auto& item : module.named_parameters()) {
        const auto& name = item.key();
        bool frozen = headOnly && !isHeadParameter(name);
        if (options.freezeLayers > 0) {
            frozen = frozen || startsWith(name, "bert.embeddings.");
            for (int64_t i = 0; i < options.freezeLayers; ++i)
                frozen = frozen || startsWith(name, "bert.encoder.layer." + std::to_string(i) + ".");
        }
        item.value().set_requires_grad(!frozen);
    }
    if (options.lora.rank > 0) {
        for (const auto& layer : *encoderOf(model)->encoder->layer)
            for (auto& linear : loraTargets(*layer->as<BertLayer>(), options.lora.targets))
                linear->addAdapter(options.lora.rank, options.lora.alpha, options.lora.dropout);
        for (auto& item : module.named_parameters())
            if (item.key().find("lora_") != std::string::npos) item.value().set_requires_grad(true);
    }
}

void endFineTuningStrategy(ModelBundle& model) {
    for (auto& child : model.module().modules(/*include_self=*/false))
        if (auto* linear = child->as<AdaptableLinearImpl>()) linear->mergeAdapter();
    for (auto& parameter : model.module().parameters()) parameter.set_requires_grad(true);
}

ParameterGroups buildParameterGroups(torch::nn::Module& module, const TrainingOptions& options) {
    const bool separateHead = options.headLearningRate > 0;
    // decay, no decay; then the head's decay, no decay when it has its own rate.
    std::vector<std::vector<torch::Tensor>> members(separateHead ? 4 : 2);
    for (auto& item : module.named_parameters()) {
        if (!item.value().requires_grad()) continue;
        const size_t head = separateHead && isHeadParameter(item.key()) ? 2 : 0;
        members[head + (excludedFromWeightDecay(item.key()) ? 1 : 0)].push_back(item.value());
    }
    ParameterGroups result;
    for (size_t i = 0; i < members.size(); ++i) {
        if (members[i].empty()) continue;
        const double rate = i >= 2 ? options.headLearningRate : options.learningRate;
        auto groupOptions = std::make_unique<torch::optim::AdamWOptions>(rate);
        groupOptions->weight_decay(i % 2 == 0 ? options.weightDecay : 0.0)
            .betas({options.adamBeta1, options.adamBeta2})
            .eps(options.adamEpsilon);
        result.groups.emplace_back(members[i], std::move(groupOptions));
        result.baseRates.push_back(rate);
    }
    if (result.groups.empty()) throw UsageError("the chosen strategy leaves no parameter to train");
    return result;
}

}  // namespace bertbench
