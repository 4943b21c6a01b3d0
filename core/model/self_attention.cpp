#include "model/self_attention.h"

#include "model/scaled_attention.h"

#include <cmath>

namespace bertbench {

BertSelfAttentionImpl::BertSelfAttentionImpl(const ModelConfig& config)
    : heads_(config.numAttentionHeads) {
    const int64_t h = config.hiddenSize;
    query = register_module("query", AdaptableLinear(h, h));
    key = register_module("key", AdaptableLinear(h, h));
    value = register_module("value", AdaptableLinear(h, h));
    dropout = register_module("dropout", torch::nn::Dropout(config.attentionProbsDropoutProb));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& hidden,
                                             const torch::Tensor& additiveMask,
                                             torch::Tensor* probabilities, const torch::Tensor& headMask) {
    return scaledDotProductAttention(query(hidden), key(hidden), value(hidden), heads_, additiveMask, dropout,
                                     probabilities, headMask);
}

BertAttentionImpl::BertAttentionImpl(const ModelConfig& config) {
    self = register_module("self", BertSelfAttention(config));
    output = register_module("output", ResidualOutput(config, config.hiddenSize));
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor& hidden,
                                         const torch::Tensor& additiveMask,
                                         torch::Tensor* probabilities, const torch::Tensor& headMask) {
    return output(self->forward(hidden, additiveMask, probabilities, headMask), hidden);
}

}  // namespace bertbench
