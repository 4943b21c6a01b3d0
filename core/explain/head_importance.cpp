#include "explain/head_importance.h"

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "data/label_alignment.h"
#include "inference/eval_mode_scope.h"
#include "model/input_batch.h"
#include "training/encoded_dataset.h"

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
    const auto limit = size_t(model.maxLength);
    const auto aligned = alignLabels(data, model.config.id2label);
    const auto encoded =
        encodeDataset(aligned, *model.tokenizer, maxLength == 0 || maxLength > limit ? limit : maxLength);

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
    for (size_t start = 0; start < count; start += size_t(batchSize)) {
        const size_t end = std::min(count, start + size_t(batchSize));
        std::vector<TokenSequence> sequences;
        std::vector<int64_t> labels;
        for (size_t i = start; i < end; ++i) {
            const auto& e = encoded.examples[i];
            sequences.push_back({&e.ids, e.secondSegmentStart});
            labels.push_back(e.label);
            result.tokens += e.ids.size();
        }
        ForwardOptions options;
        options.headMask = mask;
        const auto logits = net.forward(padBatch(sequences, model.tokenizer->padId(), 0, device), options).logits;
        // The batch's mean loss, as transformers' models return it with labels.
        const auto loss = torch::nn::functional::cross_entropy(logits.to(torch::kFloat32), torch::tensor(labels).to(device));
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
