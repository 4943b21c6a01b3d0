// RoBERTa's task models, named and shaped like transformers'
// RobertaForSequenceClassification (no pooler; RobertaClassificationHead on
// <s>: dropout -> dense -> tanh -> dropout -> out_proj) and RobertaForMaskedLM
// (lm_head: dense -> GELU -> layer_norm -> decoder tied to the word embeddings,
// plus lm_head.bias). The encoder is BertModel, numbering positions the RoBERTa
// way. Shapes: B batch, T tokens, H hidden, C classes, V vocabulary.
#pragma once

#include "model/bert_model.h"
#include "model/dropout.h"
#include "model/task_model.h"

#include <torch/torch.h>

namespace bertbench {

class RobertaClassificationHeadImpl : public torch::nn::Module {
public:
    explicit RobertaClassificationHeadImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, C]

    torch::nn::Linear dense{nullptr};
    Dropout dropout{nullptr};
    torch::nn::Linear out_proj{nullptr};
};
TORCH_MODULE(RobertaClassificationHead);

class RobertaForSequenceClassificationImpl : public TaskModelImpl {
public:
    explicit RobertaForSequenceClassificationImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;
    torch::nn::Linear outputLayer() const override { return classifier->out_proj; }
    void replaceOutputLayer(torch::nn::Linear layer) override;

    BertModel roberta{nullptr};  // without a pooler, as in transformers
    RobertaClassificationHead classifier{nullptr};
};

class RobertaLMHeadImpl : public torch::nn::Module {
public:
    explicit RobertaLMHeadImpl(const ModelConfig& config);
    // hidden [B, T, H], wordEmbeddings [V, H] -> logits [B, T, V]
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings);

    torch::nn::Linear dense{nullptr};
    torch::nn::LayerNorm layer_norm{nullptr};
    torch::Tensor bias;  // [V]; transformers' lm_head.decoder.bias is this same tensor
};
TORCH_MODULE(RobertaLMHead);

class RobertaForMaskedLMImpl : public TaskModelImpl {
public:
    explicit RobertaForMaskedLMImpl(const ModelConfig& config);

    TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) override;
    const ParameterNames& names() const override;

    BertModel roberta{nullptr};
    RobertaLMHead lm_head{nullptr};
};

}  // namespace bertbench
