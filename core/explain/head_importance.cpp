#include "explain/head_importance.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "inference/eval_mode_scope.h"
#include "training/classifier_batches.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace bertbench {

HeadImportance measureHeadImportance(ModelBundle& model, const Dataset& data, size_t maxLength, int64_t batchSize,
                                     const std::function<bool(double)>& progress) {
    if (model.task != Task::SequenceClassification)
        throw UsageError("head importance needs a sequence-classification model");
    if (data.examples.empty()) throw UsageError(data.source + " has no examples to measure head importance on");
    if (batchSize < 1) throw UsageError("the batch size must be at least 1");
    const auto encoded = encodeForClassifier(model, data, maxLength);

    TaskModelImpl& net = *model.model;
    EvalModeScope evalMode(net);
    torch::AutoGradMode gradients(true);
    const auto device = net.device();
    const int64_t layers = model.config.numHiddenLayers, heads = model.config.numAttentionHeads;
    auto mask = torch::ones({layers, heads}, torch::TensorOptions().device(device).requires_grad(true));
    auto accumulated = torch::zeros({layers, heads}, torch::TensorOptions().dtype(torch::kFloat64).device(device));

    HeadImportance result;
    result.layers = layers;
    result.heads = heads;
    const size_t count = encoded.examples.size();
    const auto order = shortestFirst(encoded);
    for (size_t start = 0; start < count; start += size_t(batchSize)) {
        const size_t end = std::min(count, start + size_t(batchSize));
        const auto batch = labelledBatch(encoded, order, start, end, model.tokenizer->padId(), device);
        result.tokens += batch.tokens;
        ForwardOptions options;
        options.headMask = mask;
        const auto logits = net.forward(batch.inputs, options).logits;
        // The batch's mean loss, as transformers' models return it with labels.
        const auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), batch.labels);
        accumulated += torch::autograd::grad({loss}, {mask})[0].abs().to(torch::kFloat64);
        if (progress && !progress(double(end) / double(count)))
            throw OperationCancelled("measuring head importance was cancelled");
    }
    result.examples = count;

    const auto raw = (accumulated / double(std::max<size_t>(1, result.tokens))).to(torch::kCPU).contiguous();
    const auto norms = raw.pow(2).sum(-1, /*keepdim=*/true).sqrt() + 1e-20;
    const auto normalised = (raw / norms).to(torch::kFloat32).contiguous();
    const auto rawFloat = raw.to(torch::kFloat32).contiguous();
    result.scores.assign(normalised.data_ptr<float>(), normalised.data_ptr<float>() + normalised.numel());
    result.raw.assign(rawFloat.data_ptr<float>(), rawFloat.data_ptr<float>() + rawFloat.numel());
    result.pruned.assign(size_t(layers * heads), false);
    for (const auto& [layer, gone] : model.config.prunedHeads)
        for (const auto head : gone) result.pruned[size_t(layer * heads + head)] = true;
    return result;
}

HeadsByLayer leastImportantHeads(const HeadImportance& importance, int64_t count) {
    std::vector<size_t> order(importance.scores.size());
    std::iota(order.begin(), order.end(), size_t(0));
    std::stable_sort(order.begin(), order.end(),
                     [&](size_t a, size_t b) { return importance.scores[a] < importance.scores[b]; });
    std::vector<int64_t> remaining(size_t(importance.layers), 0);
    for (size_t i = 0; i < importance.pruned.size(); ++i)
        if (!importance.pruned[i]) ++remaining[i / size_t(importance.heads)];
    HeadsByLayer chosen;
    for (const size_t i : order) {
        if (count <= 0) break;
        const auto layer = int64_t(i) / importance.heads;
        if (importance.pruned[i] || remaining[size_t(layer)] <= 1) continue;
        chosen[layer].push_back(int64_t(i) % importance.heads);
        --remaining[size_t(layer)];
        --count;
    }
    for (auto& [layer, list] : chosen) std::sort(list.begin(), list.end());
    return chosen;
}

}  // namespace bertbench
