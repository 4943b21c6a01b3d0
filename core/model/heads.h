// Task models on top of the encoder, named and shaped like transformers'
// BertForSequenceClassification and BertForMaskedLM so that checkpoints load by
// name. Shapes: B batch, T tokens, H hidden, C classes, V vocabulary.
#pragma once

#include "model/bert_model.h"

#include <torch/torch.h>

namespace bertbench {

struct ClassifierOutput {
    torch::Tensor logits;  // [B, C]
    BertOutput encoder;    // hidden states / attentions when asked
};

class BertForSequenceClassificationImpl : public torch::nn::Module {
public:
    explicit BertForSequenceClassificationImpl(const BertConfig& config);

    ClassifierOutput forward(const BertInputs& inputs, const ForwardOptions& options = {});

    BertModel bert{nullptr};
    torch::nn::Dropout dropout{nullptr};
    torch::nn::Linear classifier{nullptr};
};
TORCH_MODULE(BertForSequenceClassification);

// transformers' BertLMPredictionHead: transform (dense, activation, LayerNorm),
// then a decoder whose weight IS the word embedding matrix (tied, so it is not a
// parameter of its own) plus a per-token bias.
class BertPredictionTransformImpl : public torch::nn::Module {
public:
    explicit BertPredictionTransformImpl(const BertConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, T, H]

    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(BertPredictionTransform);

class BertLMPredictionHeadImpl : public torch::nn::Module {
public:
    explicit BertLMPredictionHeadImpl(const BertConfig& config);
    // hidden [B, T, H], wordEmbeddings [V, H] -> logits [B, T, V]
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings);

    BertPredictionTransform transform{nullptr};
    torch::Tensor bias;  // [V]
};
TORCH_MODULE(BertLMPredictionHead);

class BertOnlyMLMHeadImpl : public torch::nn::Module {
public:
    explicit BertOnlyMLMHeadImpl(const BertConfig& config);
    BertLMPredictionHead predictions{nullptr};
};
TORCH_MODULE(BertOnlyMLMHead);

struct MaskedLMOutput {
    torch::Tensor logits;  // [B, T, V]
    BertOutput encoder;
};

class BertForMaskedLMImpl : public torch::nn::Module {
public:
    explicit BertForMaskedLMImpl(const BertConfig& config);

    MaskedLMOutput forward(const BertInputs& inputs, const ForwardOptions& options = {});

    BertModel bert{nullptr};  // built without a pooler, as in transformers
    BertOnlyMLMHead cls{nullptr};
};
TORCH_MODULE(BertForMaskedLM);

}  // namespace bertbench
