#include "model/bert_model.h"

#include "common/errors.h"

#include <limits>

#include "model/layer_stack.h"

namespace bertbench {

BertPoolerImpl::BertPoolerImpl(const ModelConfig& config) {
    dense = register_module("dense", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
}

torch::Tensor BertPoolerImpl::forward(const torch::Tensor& hidden) {
    return torch::tanh(dense(hidden.select(/*dim=*/1, /*index=*/0)));
}

BertEncoderImpl::BertEncoderImpl(const ModelConfig& config) {
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) layer->push_back(BertLayer(config, i));
}

BertModelImpl::BertModelImpl(const ModelConfig& config, bool withPooler) : config_(config) {
    config_.validate();
    embeddings = register_module("embeddings", BertEmbeddings(config_));
    encoder = register_module("encoder", BertEncoder(config_));
    if (withPooler) pooler = register_module("pooler", BertPooler(config_));
}

EncoderOutput BertModelImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    const auto& ids = inputs.inputIds;
    checkInputShape(ids, config_.maxInputLength());
    checkHeadMask(options.headMask, config_.numHiddenLayers, config_.numAttentionHeads);
    auto tokenTypes = inputs.tokenTypeIds.defined() ? inputs.tokenTypeIds : torch::zeros_like(ids);

    EncoderOutput out;
    auto hidden = inputs.embeddingOutput.defined() ? inputs.embeddingOutput
                                                   : embeddings->forward(ids, tokenTypes, inputs.positionIds);
    torch::Tensor mask;
    if (inputs.attentionMask.defined()) mask = additiveAttentionMask(inputs.attentionMask, hidden.scalar_type());

    runLayerStack<BertLayer>(encoder->layer, hidden, mask, options, out);
    if (pooler) out.pooled = pooler->forward(out.lastHiddenState);
    return out;
}

}  // namespace bertbench
