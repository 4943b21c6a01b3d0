#include "model/distilbert_embeddings.h"

#include <cmath>

namespace bertbench {

DistilBertEmbeddingsImpl::DistilBertEmbeddingsImpl(const ModelConfig& config) {
    word_embeddings = register_module(
        "word_embeddings",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(config.vocabSize, config.hiddenSize)
                                 .padding_idx(config.padTokenId)));
    position_embeddings =
        register_module("position_embeddings", torch::nn::Embedding(config.maxPositionEmbeddings, config.hiddenSize));
    LayerNorm = register_module(
        "LayerNorm",
        torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize}).eps(config.layerNormEps)));
    dropout = register_module("dropout", Dropout(config.hiddenDropoutProb));
}

torch::Tensor DistilBertEmbeddingsImpl::forward(const torch::Tensor& inputIds, const torch::Tensor& positionIds) {
    const auto positions = positionIds.defined() ? positionIds : torch::arange(inputIds.size(1), inputIds.options());
    return dropout(LayerNorm(word_embeddings(inputIds) + position_embeddings(positions)));
}

void DistilBertEmbeddingsImpl::useSinusoidalPositions() {
    torch::NoGradGuard noGrad;
    auto& table = position_embeddings->weight;  // [P, H]
    const int64_t positions = table.size(0), width = table.size(1);
    auto values = torch::empty({positions, width}, torch::kFloat64);
    auto v = values.accessor<double, 2>();
    for (int64_t pos = 0; pos < positions; ++pos)
        for (int64_t j = 0; j < width; ++j) {
            const double angle = double(pos) / std::pow(10000.0, 2.0 * double(j / 2) / double(width));
            v[pos][j] = j % 2 == 0 ? std::sin(angle) : std::cos(angle);
        }
    table.copy_(values);
    table.set_requires_grad(false);
}

}  // namespace bertbench
