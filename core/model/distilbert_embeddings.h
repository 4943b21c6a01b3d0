// DistilBERT's input embeddings (transformers' Embeddings in modeling_distilbert):
// word + position, then LayerNorm and dropout; no token types.
// Shapes: B batch, T tokens, H hidden (DistilBERT's dim).
#pragma once

#include "model/dropout.h"
#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

class DistilBertEmbeddingsImpl : public torch::nn::Module {
public:
    explicit DistilBertEmbeddingsImpl(const ModelConfig& config);

    // [B, T] int64 -> [B, T, H]; positionIds [B, T] or undefined (0, 1, 2, ...)
    torch::Tensor forward(const torch::Tensor& inputIds, const torch::Tensor& positionIds = {});

    // sinusoidal_pos_embds: the fixed sin/cos table of "Attention Is All You
    // Need" in place of learned positions, excluded from training as in
    // transformers' create_sinusoidal_embeddings.
    void useSinusoidalPositions();

    torch::nn::Embedding word_embeddings{nullptr};
    torch::nn::Embedding position_embeddings{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
    Dropout dropout{nullptr};
};
TORCH_MODULE(DistilBertEmbeddings);

}  // namespace bertbench
