// Task models on top of the encoder, named and shaped like transformers'
// BertForSequenceClassification and BertForMaskedLM so that checkpoints load by
// name. Shapes: B batch, T tokens, H hidden, C classes, V vocabulary.
#pragma once

#include "model/bert_model.h"
#include "model/dropout.h"
#include "model/task_model.h"

#include <torch/torch.h>

namespace bertbench {

class BertForSequenceClassificationImpl : public TaskModelImpl {
public:
    explicit BertForSequenceClassificationImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;
    torch::nn::Linear outputLayer() const override { return classifier; }
    void replaceOutputLayer(torch::nn::Linear layer) override;

    BertModel bert{nullptr};
    Dropout dropout{nullptr};
    torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(BertForSequenceClassification);

// transformers' BertLMPredictionHead: transform (dense, activation, LayerNorm),
// then a decoder whose weight IS the word embedding matrix (tied, so it is not a
// parameter of its own) plus a per-token bias.
class BertPredictionTransformImpl : public torch::nn::Module {
public:
    explicit BertPredictionTransformImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, T, H]

    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(BertPredictionTransform);

class BertLMPredictionHeadImpl : public torch::nn::Module {
public:
    explicit BertLMPredictionHeadImpl(const ModelConfig& config);
    // hidden [B, T, H], wordEmbeddings [V, H] -> logits [B, T, V]
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings);

    BertPredictionTransform transform{nullptr};
    torch::Tensor bias;  // [V]
};
TORCH_MODULE(BertLMPredictionHead);

class BertOnlyMLMHeadImpl : public torch::nn::Module {
public:
    explicit BertOnlyMLMHeadImpl(const ModelConfig& config);
    BertLMPredictionHead predictions{nullptr};
};
TORCH_MODULE(BertOnlyMLMHead);

class BertForMaskedLMImpl : public TaskModelImpl {
public:
    explicit BertForMaskedLMImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;

    BertModel bert{nullptr};  // built without a pooler, as in transformers
    BertOnlyMLMHead cls{nullptr};
};
TORCH_MODULE(BertForMaskedLM);

}  // namespace bertbench
