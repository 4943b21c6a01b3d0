// Input embeddings: word + absolute position + token type, then LayerNorm and
// dropout, exactly as transformers' BertEmbeddings, and RobertaEmbeddings for a
// RoBERTa config (positions counted from pad_token_id + 1, skipping padding).
// Shapes: B batch, T tokens, H hidden.
#pragma once

#include "model/dropout.h"
#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

class BertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit BertEmbeddingsImpl(const ModelConfig& config);

    // inputIds, tokenTypeIds: [B, T] int64 -> [B, T, H]; positionIds [B, T] or
    // undefined (numbered as positionIdsOf does).
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& tokenTypeIds,
                          const torch::Tensor& positionIds = {});

    torch::nn::Embedding word_embeddings{nullptr};
    torch::nn::Embedding position_embeddings{nullptr};
    torch::nn::Embedding token_type_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
    Dropout dropout{nullptr};

private:
    bool numberPositionsFromPadding_;
    int64_t padTokenId_;
};
TORCH_MODULE(BertEmbeddings);

// The position ids a family embeds for inputIds [B, T]: 0, 1, 2, ... (BERT,
// DistilBERT); RoBERTa's create_position_ids_from_input_ids, which counts real
// tokens from pad_token_id + 1 and leaves padding at pad_token_id.
torch::Tensor positionIdsOf(const ModelConfig& config, const torch::Tensor& inputIds);

}  // namespace bertbench
