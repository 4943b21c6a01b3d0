#include "model/distilbert_model.h"

#include "model/layer_stack.h"

namespace bertbench {

DistilBertTransformerImpl::DistilBertTransformerImpl(const ModelConfig& config) {
    layer = register_module("layer", torch::nn::ModuleList());
    for (int64_t i = 0; i < config.numHiddenLayers; ++i) layer->push_back(TransformerBlock(config, i));
}

DistilBertModelImpl::DistilBertModelImpl(const ModelConfig& config)
    : maxPositions_(config.maxInputLength()), layers_(config.numHiddenLayers), heads_(config.numAttentionHeads) {
    embeddings = register_module("embeddings", DistilBertEmbeddings(config));
    transformer = register_module("transformer", DistilBertTransformer(config));
}

EncoderOutput DistilBertModelImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    checkInputShape(inputs.inputIds, maxPositions_);
    checkHeadMask(options.headMask, layers_, heads_);
    EncoderOutput out;
    auto hidden = inputs.embeddingOutput.defined() ? inputs.embeddingOutput
                                                   : embeddings->forward(inputs.inputIds, inputs.positionIds);
    torch::Tensor mask;
    if (inputs.attentionMask.defined()) mask = additiveAttentionMask(inputs.attentionMask, hidden.scalar_type());

    runLayerStack<TransformerBlock>(transformer->layer, hidden, mask, options, out);
    return out;
}

}  // namespace bertbench
