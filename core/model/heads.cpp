#include "model/heads.h"

#include "kernels/linear.h"

namespace bertbench {

namespace {
const ParameterNames kBertNames{"bert.", "bert.embeddings.", "bert.encoder.layer.", "bert.pooler.", "classifier"};
}  // namespace

BertForSequenceClassificationImpl::BertForSequenceClassificationImpl(const ModelConfig& config)
    : TaskModelImpl(config, Task::SequenceClassification) {
    bert = register_module("bert", BertModel(config, /*withPooler=*/true));
    dropout = register_module("dropout", Dropout(config.effectiveClassifierDropout()));
    classifier = register_module("classifier",
                                 torch::nn::Linear(config.hiddenSize, config.numLabels()));
}

const ParameterNames& BertForSequenceClassificationImpl::names() const { return kBertNames; }

void BertForSequenceClassificationImpl::replaceOutputLayer(torch::nn::Linear layer) {
    layer->to(device());
    classifier = replace_module("classifier", layer);
}

TaskOutput BertForSequenceClassificationImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = bert->forward(inputs, options);
    out.logits = classifier(dropout(out.encoder.pooled));
    return out;
}

BertPredictionTransformImpl::BertPredictionTransformImpl(const ModelConfig& config)
    : activation_(config.hiddenAct) {
    dense = register_module("dense", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
    LayerNorm = register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize})
                                              .eps(config.layerNormEps)));
}

torch::Tensor BertPredictionTransformImpl::forward(const torch::Tensor& hidden) {
    return LayerNorm(activate(dense(hidden), activation_));
}

BertLMPredictionHeadImpl::BertLMPredictionHeadImpl(const ModelConfig& config) {
    transform = register_module("transform", BertPredictionTransform(config));
    bias = register_parameter("bias", torch::zeros({config.vocabSize}));
}

torch::Tensor BertLMPredictionHeadImpl::forward(const torch::Tensor& hidden,
                                                const torch::Tensor& wordEmbeddings) {
    return linear(transform(hidden), wordEmbeddings, bias);
}

BertOnlyMLMHeadImpl::BertOnlyMLMHeadImpl(const ModelConfig& config) {
    predictions = register_module("predictions", BertLMPredictionHead(config));
}

BertForMaskedLMImpl::BertForMaskedLMImpl(const ModelConfig& config) : TaskModelImpl(config, Task::MaskedLM) {
    bert = register_module("bert", BertModel(config, /*withPooler=*/false));
    cls = register_module("cls", BertOnlyMLMHead(config));
}

const ParameterNames& BertForMaskedLMImpl::names() const { return kBertNames; }

TaskOutput BertForMaskedLMImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = bert->forward(inputs, options);
    out.logits = cls->predictions->forward(positionsForLogits(out.encoder.lastHiddenState, options),
                                           bert->embeddings->word_embeddings->weight);
    return out;
}

}  // namespace bertbench
