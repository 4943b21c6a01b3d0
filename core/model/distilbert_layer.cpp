#include "model/distilbert_layer.h"

#include "model/layer.h"
#include "model/scaled_attention.h"

namespace bertbench {

namespace {
torch::nn::LayerNorm layerNorm(const ModelConfig& config) {
    return torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps));
}
}  // namespace

MultiHeadSelfAttentionImpl::MultiHeadSelfAttentionImpl(const ModelConfig& config, int64_t layer)
    : heads_(config, layer) {
    const int64_t h = config.hiddenSize, width = heads_.width();
    q_lin = register_module("q_lin", AdaptableLinear(h, width));
    k_lin = register_module("k_lin", AdaptableLinear(h, width));
    v_lin = register_module("v_lin", AdaptableLinear(h, width));
    out_lin = register_module("out_lin", AdaptableLinear(width, h));
    dropout = register_module("dropout", Dropout(config.attentionProbsDropoutProb));
}

torch::Tensor MultiHeadSelfAttentionImpl::forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                                                  torch::Tensor* probabilities, const torch::Tensor& headMask) {
    return out_lin(scaledDotProductAttention(q_lin(hidden), k_lin(hidden), v_lin(hidden), heads_.count(),
                                             additiveMask, dropout, probabilities,
                                             headMask.defined() ? heads_.maskOfRemaining(headMask) : headMask));
}

void MultiHeadSelfAttentionImpl::pruneHeads(const std::vector<int64_t>& heads) {
    const auto rows = heads_.remove(heads);
    if (!rows.defined()) return;
    for (auto* projection : {&q_lin, &k_lin, &v_lin}) (*projection)->keepOutputs(rows);
    out_lin->keepInputs(rows);
}

DistilBertFeedForwardImpl::DistilBertFeedForwardImpl(const ModelConfig& config) : activation_(config.hiddenAct) {
    lin1 = register_module("lin1", AdaptableLinear(config.hiddenSize, config.intermediateSize));
    lin2 = register_module("lin2", AdaptableLinear(config.intermediateSize, config.hiddenSize));
    dropout = register_module("dropout", Dropout(config.hiddenDropoutProb));
}

torch::Tensor DistilBertFeedForwardImpl::forward(const torch::Tensor& hidden) {
    return dropout(lin2(activate(lin1(hidden), activation_)));
}

TransformerBlockImpl::TransformerBlockImpl(const ModelConfig& config, int64_t layer) {
    attention = register_module("attention", MultiHeadSelfAttention(config, layer));
    sa_layer_norm = register_module("sa_layer_norm", layerNorm(config));
    ffn = register_module("ffn", DistilBertFeedForward(config));
    output_layer_norm = register_module("output_layer_norm", layerNorm(config));
}

torch::Tensor TransformerBlockImpl::forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                                            torch::Tensor* probabilities, const torch::Tensor& headMask) {
    auto attended = sa_layer_norm(attention->forward(hidden, additiveMask, probabilities, headMask) + hidden);
    return output_layer_norm(ffn(attended) + attended);
}

}  // namespace bertbench
