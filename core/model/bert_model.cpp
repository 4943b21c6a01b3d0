#include "model/bert_model.h"

#include "common/errors.h"

#include <limits>

namespace bertbench {

torch::Tensor additiveAttentionMask(const torch::Tensor& attentionMask, torch::ScalarType dtype) {
    auto keep = attentionMask.to(dtype).unsqueeze(1).unsqueeze(2);  // [B, 1, 1, T]
    const double lowest = dtype == torch::kFloat64 ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                          : dtype == torch::kFloat16  ? -65504.0
                                                      : double(std::numeric_limits<float>::lowest());
    return (1.0 - keep) * lowest;
}

BertPoolerImpl::BertPoolerImpl(const BertConfig& config) {
    dense = register_module("dense", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
}

torch::Tensor BertPoolerImpl::forward(const torch::Tensor& hidden) {
    return torch::tanh(dense(hidden.select(/*dim=*/1, /*index=*/0)));
}

BertEncoderImpl::BertEncoderImpl(const BertConfig& config) {
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) layer->push_back(BertLayer(config));
}

BertModelImpl::BertModelImpl(const BertConfig& config, bool withPooler) : config_(config) {
    config_.validate();
    embeddings = register_module("embeddings", BertEmbeddings(config_));
    encoder = register_module("encoder", BertEncoder(config_));
    if (withPooler) pooler = register_module("pooler", BertPooler(config_));
}

BertOutput BertModelImpl::forward(const BertInputs& inputs, const ForwardOptions& options) {
    const auto& ids = inputs.inputIds;
    if (ids.dim() != 2) throw UsageError("input_ids must be [batch, tokens]");
    if (ids.size(1) > config_.maxPositionEmbeddings)
        throw UsageError("an input of " + std::to_string(ids.size(1)) +
                         " tokens is longer than the model's maximum of " +
                         std::to_string(config_.maxPositionEmbeddings));
    auto tokenTypes = inputs.tokenTypeIds.defined() ? inputs.tokenTypeIds : torch::zeros_like(ids);

    BertOutput out;
    auto hidden = embeddings->forward(ids, tokenTypes);
    torch::Tensor mask;
    if (inputs.attentionMask.defined()) mask = additiveAttentionMask(inputs.attentionMask, hidden.scalar_type());

    if (options.hiddenStates) out.hiddenStates.push_back(hidden);
    for (const auto& module : *encoder->layer) {
        torch::Tensor probabilities;
        hidden = module->as<BertLayer>()->forward(hidden, mask,
                                                  options.attentions ? &probabilities : nullptr);
        if (options.attentions) out.attentions.push_back(probabilities);
        if (options.hiddenStates) out.hiddenStates.push_back(hidden);
    }
    out.lastHiddenState = hidden;
    if (pooler) out.pooled = pooler->forward(hidden);
    return out;
}

}  // namespace bertbench
