// Input embeddings: word + absolute position + token type, then LayerNorm and
// dropout, exactly as transformers' BertEmbeddings, and RobertaEmbeddings for a
// RoBERTa config (positions counted from pad_token_id + 1, skipping padding).
// Shapes: B batch, T tokens, H hidden.
#pragma once

#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const ModelConfig& config);

    // inputIds, tokenTypeIds: [B, T] int64 -> [B, T, H]
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& tokenTypeIds);

    torch::nn::Embedding word_embeddings{nullptr};
    torch::nn::Embedding position_embeddings{nullptr};
    torch::nn::Embedding token_type_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
    torch::nn::Dropout dropout{nullptr};

private:
    bool numberPositionsFromPadding_;
    int64_t padTokenId_;
};
TORCH_MODULE(BertEmbeddings);

}  // namespace bertbench
