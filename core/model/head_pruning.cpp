#include "model/head_pruning.h"

#include "common/errors.h"
#include "model/distilbert_layer.h"
#include "model/self_attention.h"

#include <algorithm>
#include <string>

namespace bertbench {

namespace {

// The union of the pruned heads and the request, checked against the model's
// sizes, so that a refused request is refused before any tensor changes.
HeadsByLayer mergedPruning(const ModelConfig& config, const HeadsByLayer& heads) {
    HeadsByLayer merged = config.prunedHeads;
    for (const auto& [layer, list] : heads) {
        if (list.empty()) continue;
        if (layer < 0 || layer >= config.numHiddenLayers)
            throw UsageError("cannot prune heads of layer " + std::to_string(layer) + ": the model has layers 0.." +
                             std::to_string(config.numHiddenLayers - 1));
        auto& all = merged[layer];
        for (const auto head : list) {
            if (head < 0 || head >= config.numAttentionHeads)
                throw UsageError("cannot prune head " + std::to_string(head) + " of layer " + std::to_string(layer) +
                                 ": the layers have heads 0.." + std::to_string(config.numAttentionHeads - 1));
            all.push_back(head);
        }
        std::sort(all.begin(), all.end());
        all.erase(std::unique(all.begin(), all.end()), all.end());
        if (int64_t(all.size()) >= config.numAttentionHeads)
            throw UsageError("pruning these heads would remove every head of layer " + std::to_string(layer) +
                             "; at least one head per layer must remain");
    }
    return merged;
}

}  // namespace

void pruneHeads(TaskModelImpl& model, ModelConfig& config, const HeadsByLayer& heads) {
    if (config.prunedHeads != model.config_.prunedHeads)
        throw UsageError("the configuration's pruned heads are not the model's: prune a model with its own config");
    auto merged = mergedPruning(model.config_, heads);
    // The pruned parameters must stay ordinary tensors that training can use,
    // even when the caller prunes inside an InferenceMode block.
    c10::InferenceMode normalMode(/*enabled=*/false);

    // Every family's layer keeps its attention under "attention": BertAttention
    // for BERT and RoBERTa, MultiHeadSelfAttention for DistilBERT.
    const auto modules = model.named_modules();
    for (const auto& [layer, list] : heads) {
        if (list.empty()) continue;
        const std::string name = model.names().layer + std::to_string(layer) + ".attention";
        const auto* found = modules.find(name);
        if (!found) throw UsageError("the model has no attention module " + name);
        if (auto* bert = (*found)->as<BertAttentionImpl>())
            bert->pruneHeads(list);
        else if (auto* distilbert = (*found)->as<MultiHeadSelfAttentionImpl>())
            distilbert->pruneHeads(list);
        else
            throw UsageError("the attention module " + name + " cannot be pruned");
    }
    config.prunedHeads = merged;
    model.config_.prunedHeads = std::move(merged);
}

torch::Tensor attentionsOnOriginalHeads(const std::vector<torch::Tensor>& attentions, const ModelConfig& config) {
    std::vector<torch::Tensor> layers;
    layers.reserve(attentions.size());
    for (size_t layer = 0; layer < attentions.size(); ++layer) {
        const auto& maps = attentions[layer];  // [B, N', T, T]
        if (maps.size(1) == config.numAttentionHeads) {
            layers.push_back(maps);
            continue;
        }
        auto sizes = maps.sizes().vec();
        sizes[1] = config.numAttentionHeads;
        const auto remaining = torch::tensor(config.remainingHeads(int64_t(layer)), torch::kInt64);
        layers.push_back(torch::zeros(sizes, maps.options()).index_copy_(1, remaining.to(maps.device()), maps));
    }
    return torch::stack(layers);  // [L, B, N, T, T]
}

}  // namespace bertbench
