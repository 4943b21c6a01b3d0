#include "model/self_attention.h"

#include "model/scaled_attention.h"

#include <cmath>

namespace bertbench {

BertSelfAttentionImpl::BertSelfAttentionImpl(const ModelConfig& config, int64_t layer) : heads_(config, layer) {
    const int64_t h = config.hiddenSize, width = heads_.width();
    query = register_module("query", AdaptableLinear(h, width));
    key = register_module("key", AdaptableLinear(h, width));
    value = register_module("value", AdaptableLinear(h, width));
    dropout = register_module("dropout", Dropout(config.attentionProbsDropoutProb));
}

torch::Tensor BertSelfAttentionImpl::forward(const torch::Tensor& hidden,
                                             const torch::Tensor& additiveMask,
                                             torch::Tensor* probabilities, const torch::Tensor& headMask) {
    return scaledDotProductAttention(query(hidden), key(hidden), value(hidden), heads_.count(), additiveMask,
                                     dropout, probabilities,
                                     headMask.defined() ? heads_.maskOfRemaining(headMask) : headMask);
}

torch::Tensor BertSelfAttentionImpl::pruneHeads(const std::vector<int64_t>& heads) {
    auto rows = heads_.remove(heads);
    if (!rows.defined()) return rows;
    for (auto* projection : {&query, &key, &value}) (*projection)->keepOutputs(rows);
    return rows;
}

BertAttentionImpl::BertAttentionImpl(const ModelConfig& config, int64_t layer) {
    self = register_module("self", BertSelfAttention(config, layer));
    output = register_module("output", ResidualOutput(config, self->heads().width()));
}

void BertAttentionImpl::pruneHeads(const std::vector<int64_t>& heads) {
    const auto kept = self->pruneHeads(heads);
    if (kept.defined()) output->dense->keepInputs(kept);
}

torch::Tensor BertAttentionImpl::forward(const torch::Tensor& hidden,
                                         const torch::Tensor& additiveMask,
                                         torch::Tensor* probabilities, const torch::Tensor& headMask) {
    return output(self->forward(hidden, additiveMask, probabilities, headMask), hidden);
}

}  // namespace bertbench
