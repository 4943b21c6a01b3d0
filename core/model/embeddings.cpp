#include "model/embeddings.h"

namespace bertbench {

BertEmbeddingsImpl::BertEmbeddingsImpl(const BertConfig& config) {
    // padding_idx as in transformers: the [PAD] row gets no gradient.
    word_embeddings = register_module(
        "word_embeddings",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(config.vocabSize, config.hiddenSize)
                                 .padding_idx(config.padTokenId)));
    position_embeddings = register_module(
        "position_embeddings",
        torch::nn::Embedding(config.maxPositionEmbeddings, config.hiddenSize));
    token_type_embeddings = register_module(
        "token_type_embeddings", torch::nn::Embedding(config.typeVocabSize, config.hiddenSize));
    LayerNorm = register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize})
                                              .eps(config.layerNormEps)));
    dropout = register_module("dropout", torch::nn::Dropout(config.hiddenDropoutProb));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& inputIds,
                                          const torch::Tensor& tokenTypeIds) {
    const int64_t tokens = inputIds.size(1);
    auto positions = torch::arange(tokens, inputIds.options());  // [T]
    auto embedded = word_embeddings(inputIds) + token_type_embeddings(tokenTypeIds);
    embedded = embedded + position_embeddings(positions);  // broadcast [T, H] over B
    return dropout(LayerNorm(embedded));
}

}  // namespace bertbench
