#include "model/roberta_heads.h"

#include "kernels/linear.h"

namespace bertbench {

namespace {
const ParameterNames kRobertaNames{"roberta.", "roberta.embeddings.", "roberta.encoder.layer.", "",
                                   "classifier.out_proj"};
}  // namespace

RobertaClassificationHeadImpl::RobertaClassificationHeadImpl(const ModelConfig& config) {
    dense = register_module("dense", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
    dropout = register_module("dropout", Dropout(config.effectiveClassifierDropout()));
    out_proj = register_module("out_proj", torch::nn::Linear(config.hiddenSize, config.numLabels()));
}

torch::Tensor RobertaClassificationHeadImpl::forward(const torch::Tensor& hidden) {
    auto first = hidden.select(/*dim=*/1, /*index=*/0);  // <s>: [B, H]
    return out_proj(dropout(torch::tanh(dense(dropout(first)))));
}

RobertaForSequenceClassificationImpl::RobertaForSequenceClassificationImpl(const ModelConfig& config)
    : TaskModelImpl(config, Task::SequenceClassification) {
    roberta = register_module("roberta", BertModel(config, /*withPooler=*/false));
    classifier = register_module("classifier", RobertaClassificationHead(config));
}

const ParameterNames& RobertaForSequenceClassificationImpl::names() const { return kRobertaNames; }

void RobertaForSequenceClassificationImpl::replaceOutputLayer(torch::nn::Linear layer) {
    layer->to(device());
    classifier->out_proj = classifier->replace_module("out_proj", layer);
}

TaskOutput RobertaForSequenceClassificationImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = roberta->forward(inputs, options);
    out.logits = classifier->forward(out.encoder.lastHiddenState);
    return out;
}

RobertaLMHeadImpl::RobertaLMHeadImpl(const ModelConfig& config) {
    dense = register_module("dense", torch::nn::Linear(config.hiddenSize, config.hiddenSize));
    layer_norm = register_module(
        "layer_norm",
        torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps)));
    bias = register_parameter("bias", torch::zeros({config.vocabSize}));
}

torch::Tensor RobertaLMHeadImpl::forward(const torch::Tensor& hidden, const torch::Tensor& wordEmbeddings) {
    // RobertaLMHead applies the exact GELU whatever hidden_act says.
    return linear(layer_norm(torch::gelu(dense(hidden))), wordEmbeddings, bias);
}

RobertaForMaskedLMImpl::RobertaForMaskedLMImpl(const ModelConfig& config) : TaskModelImpl(config, Task::MaskedLM) {
    roberta = register_module("roberta", BertModel(config, /*withPooler=*/false));
    lm_head = register_module("lm_head", RobertaLMHead(config));
}

const ParameterNames& RobertaForMaskedLMImpl::names() const { return kRobertaNames; }

TaskOutput RobertaForMaskedLMImpl::forward(const ModelInputs& inputs, const ForwardOptions& options) {
    TaskOutput out;
    out.encoder = roberta->forward(inputs, options);
    out.logits = lm_head->forward(positionsForLogits(out.encoder.lastHiddenState, options),
                                  roberta->embeddings->word_embeddings->weight);
    return out;
}

}  // namespace bertbench
