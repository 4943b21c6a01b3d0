#include "model/self_attention.h"

#include <cmath>

namespace bertbench {

BertSelfAttentionImpl::BertSelfAttentionImpl(const BertConfig& config)
    : heads_(config.numAttentionHeads), headDim_(config.headDim()) {
    const int64_t h = config.hiddenSize;
    query = register_module("query", AdaptableLinear(h, h));
    key = register_module("key", AdaptableLinear(h, h));
    value = register_module("value", AdaptableLinear(h, h));
    dropout = register_module("dropout", torch::nn::Dropout(config.attentionProbsDropoutProb));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& hidden,
                                             const torch::Tensor& additiveMask,
                                             torch::Tensor* probabilities) {
    const int64_t batch = hidden.size(0), tokens = hidden.size(1);
    auto splitHeads = [&](const torch::Tensor& x) {  // [B, T, H] -> [B, N, T, D]
        return x.view({batch, tokens, heads_, headDim_}).transpose(1, 2);
    };
    auto q = splitHeads(query(hidden));
    auto k = splitHeads(key(hidden));
    auto v = splitHeads(value(hidden));

    // Same operation order as transformers (matmul, then divide), so results agree
    // to the last bits where the BLAS agrees.
    auto scores = torch::matmul(q, k.transpose(-1, -2)) / std::sqrt(double(headDim_));  // [B, N, T, T]
    if (additiveMask.defined()) scores = scores + additiveMask;
    auto probs = torch::softmax(scores, /*dim=*/-1);
    if (probabilities) *probabilities = probs;

    auto context = torch::matmul(dropout(probs), v);                       // [B, N, T, D]
    return context.transpose(1, 2).contiguous().view({batch, tokens, heads_ * headDim_});
}

BertAttentionImpl::BertAttentionImpl(const BertConfig& config) {
    self = register_module("self", BertSelfAttention(config));
    output = register_module("output", ResidualOutput(config, config.hiddenSize));
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor& hidden,
                                         const torch::Tensor& additiveMask,
                                         torch::Tensor* probabilities) {
    return output(self->forward(hidden, additiveMask, probabilities), hidden);
}

}  // namespace bertbench
