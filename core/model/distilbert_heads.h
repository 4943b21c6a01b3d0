// DistilBERT's task models, named and shaped like transformers'
// DistilBertForSequenceClassification (pre_classifier -> ReLU -> dropout ->
// classifier on the first token) and DistilBertForMaskedLM (vocab_transform ->
// activation -> vocab_layer_norm -> vocab_projector, whose weight IS the word
// embedding matrix). Shapes: B batch, T tokens, H hidden, C classes, V vocabulary.
#pragma once

#include "model/distilbert_model.h"
#include "model/dropout.h"
#include "model/task_model.h"

#include <torch/torch.h>

namespace bertbench {

class DistilBertForSequenceClassificationImpl : public TaskModelImpl {
public:
    explicit DistilBertForSequenceClassificationImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;
    torch::nn::Linear outputLayer() const override { return classifier; }
    void replaceOutputLayer(torch::nn::Linear layer) override;

    DistilBertModel distilbert{nullptr};
    torch::nn::Linear pre_classifier{nullptr};
    torch::nn::Linear classifier{nullptr};
    Dropout dropout{nullptr};  // seq_classif_dropout
};

// vocab_projector: a projection onto the vocabulary whose weight is tied to the
// word embeddings, so only its bias is a parameter of its own.
class TiedVocabularyProjectionImpl : public torch::nn::Module {
public:
    explicit TiedVocabularyProjectionImpl(int64_t vocabSize);
    // hidden [B, T, H], wordEmbeddings [V, H] -> [B, T, V]
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings);

    torch::Tensor bias;  // [V]
};
TORCH_MODULE(TiedVocabularyProjection);

class DistilBertForMaskedLMImpl : public TaskModelImpl {
public:
    explicit DistilBertForMaskedLMImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;

    DistilBertModel distilbert{nullptr};
    torch::nn::Linear vocab_transform{nullptr};
    torch::nn::LayerNorm vocab_layer_norm{nullptr};
    TiedVocabularyProjection vocab_projector{nullptr};
};

}  // namespace bertbench
