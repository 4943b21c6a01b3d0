#include "model/scaled_attention.h"

#include "kernels/batched_matmul.h"

#include <cmath>

namespace bertbench {

torch::Tensor scaledDotProductAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v,
                                        int64_t heads, const torch::Tensor& additiveMask,
                                        Dropout& dropout, torch::Tensor* probabilities,
                                        const torch::Tensor& headMask) {
    const int64_t batch = q.size(0), tokens = q.size(1), hidden = q.size(2), headDim = hidden / heads;
    auto splitHeads = [&](const torch::Tensor& x) {  // [B, T, H] -> [B, N, T, D]
        return x.view({batch, tokens, heads, headDim}).transpose(1, 2);
    };
    // BERT's operation order (matmul, then divide), so results agree to the last
    // bits where the BLAS agrees; DistilBERT scales q first, which differs by
    // rounding only (well inside the 1e-4 the reference tests allow).
    auto scores = batchedMatmul(splitHeads(q), splitHeads(k).transpose(-1, -2)) / std::sqrt(double(headDim));
    if (additiveMask.defined()) scores = scores + additiveMask;
    auto probs = torch::softmax(scores, /*dim=*/-1);  // [B, N, T, T]
    auto weights = dropout(probs);
    if (headMask.defined()) {
        // After dropout, as BertSelfAttention multiplies by head_mask.
        const auto perHead = headMask.to(probs.dtype()).view({1, heads, 1, 1});
        weights = weights * perHead;
        probs = probs * perHead;
    }
    if (probabilities) *probabilities = probs;

    auto context = batchedMatmul(weights, splitHeads(v));  // [B, N, T, D]
    return context.transpose(1, 2).contiguous().view({batch, tokens, hidden});
}

}  // namespace bertbench
