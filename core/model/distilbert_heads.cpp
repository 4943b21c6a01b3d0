#include "model/distilbert_heads.h"

#include "kernels/linear.h"
#include "model/layer.h"

namespace bertbench {

namespace {
const ParameterNames kDistilBertNames{"distilbert.", "distilbert.embeddings.", "distilbert.transformer.layer.", "",
                                      "classifier"};
}  // namespace

DistilBertForSequenceClassificationImpl::DistilBertForSequenceClassificationImpl(const ModelConfig& config)
    : TaskModelImpl(config, Task::SequenceClassification) {
    distilbert = register_module("distilbert", DistilBertModel(config));
    pre_classifier = register_module("pre_classifier", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
    classifier = register_module("classifier", torch::nn::Linear(config.hiddenSize, config.numLabels()));
    dropout = register_module("dropout", Dropout(config.effectiveClassifierDropout()));
}

const ParameterNames& DistilBertForSequenceClassificationImpl::names() const { return kDistilBertNames; }

void DistilBertForSequenceClassificationImpl::replaceOutputLayer(torch::nn::Linear layer) {
    layer->to(device());
    classifier = replace_module("classifier", layer);
}

TaskOutput DistilBertForSequenceClassificationImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = distilbert->forward(inputs, options);
    auto first = out.encoder.lastHiddenState.select(/*dim=*/1, /*index=*/0);  // [B, H]
    out.logits = classifier(dropout(torch::relu(pre_classifier(first))));
    return out;
}

TiedVocabularyProjectionImpl::TiedVocabularyProjectionImpl(int64_t vocabSize) {
    bias = register_parameter("bias", torch::zeros({vocabSize}));
}

torch::Tensor TiedVocabularyProjectionImpl::forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings) {
    return linear(hidden, wordEmbeddings, bias);
}

DistilBertForMaskedLMImpl::DistilBertForMaskedLMImpl(const ModelConfig& config)
    : TaskModelImpl(config, Task::MaskedLM) {
    distilbert = register_module("distilbert", DistilBertModel(config));
    vocab_transform = register_module("vocab_transform", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
    vocab_layer_norm = register_module(
        "vocab_layer_norm",
        torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps)));
    vocab_projector = register_module("vocab_projector", TiedVocabularyProjection(config.vocabSize));
}

const ParameterNames& DistilBertForMaskedLMImpl::names() const { return kDistilBertNames; }

TaskOutput DistilBertForMaskedLMImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = distilbert->forward(inputs, options);
    const auto hidden = positionsForLogits(out.encoder.lastHiddenState, options);
    auto transformed = vocab_layer_norm(activate(vocab_transform(hidden), config().hiddenAct));
    out.logits = vocab_projector->forward(transformed, distilbert->embeddings->word_embeddings->weight);
    return out;
}

}  // namespace bertbench
