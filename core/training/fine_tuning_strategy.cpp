#include "training/fine_tuning_strategy.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/adaptable_linear.h"

#include <algorithm>
#include <map>
#include <set>

namespace bertbench {

namespace {

// transformers Trainer's rule: biases and every LayerNorm module's weight are
// not decayed. By module type, since the families name their LayerNorms
// differently (LayerNorm, sa_layer_norm, layer_norm, vocab_layer_norm).
std::set<std::string> parametersWithoutWeightDecay(const torch::nn::Module& module) {
    std::set<std::string> names;
    for (const auto& item : module.named_modules()) {
        const std::string prefix = item.key().empty() ? "" : item.key() + ".";
        const bool layerNorm = item.value()->as<torch::nn::LayerNormImpl>() != nullptr;
        for (const auto& parameter : item.value()->named_parameters(/*recurse=*/false))
            if (layerNorm || endsWith(parameter.key(), "bias")) names.insert(prefix + parameter.key());
    }
    return names;
}

// A LoRA target names layers the way BERT does (query, key, value, dense) or
// the way the model's own family does (DistilBERT's q_lin, k_lin, v_lin, and
// out_lin, lin1, lin2 for dense); a layer is matched by the last part of its name.
bool isLoraTarget(const std::string& leafName, const std::vector<std::string>& targets) {
    static const std::map<std::string, std::string> kBertNameOf = {
        {"q_lin", "query"}, {"k_lin", "key"}, {"v_lin", "value"},
        {"out_lin", "dense"}, {"lin1", "dense"}, {"lin2", "dense"},
    };
    const auto alias = kBertNameOf.find(leafName);
    for (const auto& target : targets)
        if (target == leafName || (alias != kBertNameOf.end() && target == alias->second)) return true;
    return false;
}

}  // namespace

void applyFineTuningStrategy(ModelBundle& model, const TrainingOptions& options) {
    auto& module = model.module();
    const int64_t layers = model.config.numHiddenLayers;
    if (options.freezeLayers > layers)
        throw UsageError("cannot freeze " + std::to_string(options.freezeLayers) + " layers: the model has " +
                         std::to_string(layers));
    const bool headOnly = options.headOnly || options.lora.rank > 0;
    const auto& names = model.model->names();
    for (auto& item : module.named_parameters()) {
        const auto& name = item.key();
        bool frozen = headOnly && !model.model->isHeadParameter(name);
        if (options.freezeLayers > 0) {
            frozen = frozen || startsWith(name, names.embeddings);
            for (int64_t i = 0; i < options.freezeLayers; ++i)
                frozen = frozen || startsWith(name, names.layer + std::to_string(i) + ".");
        }
        // Fixed sinusoidal positions (DistilBERT's sinusoidal_pos_embds) are never trained.
        frozen = frozen ||
                 (model.config.sinusoidalPositions && name == names.embeddings + "position_embeddings.weight");
        item.value().set_requires_grad(!frozen);
    }
    if (options.lora.rank > 0) {
        int adapted = 0;
        for (const auto& item : module.named_modules()) {
            auto* linear = item.value()->as<AdaptableLinearImpl>();
            if (!linear || !startsWith(item.key(), names.layer)) continue;
            if (!isLoraTarget(item.key().substr(item.key().rfind('.') + 1), options.lora.targets)) continue;
            linear->addAdapter(options.lora.rank, options.lora.alpha, options.lora.dropout);
            ++adapted;
        }
        if (adapted == 0)
            throw UsageError("no layer of this " + model.architecture() + " matches the LoRA targets");
        for (auto& item : module.named_parameters())
            if (item.key().find("lora_") != std::string::npos) item.value().set_requires_grad(true);
    }
}

void endFineTuningStrategy(ModelBundle& model) {
    for (auto& child : model.module().modules(/*include_self=*/false))
        if (auto* linear = child->as<AdaptableLinearImpl>()) linear->mergeAdapter();
    for (auto& parameter : model.module().parameters()) parameter.set_requires_grad(true);
}

ParameterGroups buildParameterGroups(ModelBundle& model, const TrainingOptions& options) {
    auto& module = model.module();
    const auto noDecay = parametersWithoutWeightDecay(module);
    const bool separateHead = options.headLearningRate > 0;
    // decay, no decay; then the head's decay, no decay when it has its own rate.
    std::vector<std::vector<torch::Tensor>> members(separateHead ? 4 : 2);
    for (auto& item : module.named_parameters()) {
        if (!item.value().requires_grad()) continue;
        const size_t head = separateHead && model.model->isHeadParameter(item.key()) ? 2 : 0;
        members[head + (noDecay.count(item.key()) ? 1 : 0)].push_back(item.value());
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
