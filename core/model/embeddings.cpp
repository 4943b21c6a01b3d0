#include "model/embeddings.h"

namespace bertbench {

BertEmbeddingsImpl::BertEmbeddingsImpl(const ModelConfig& config)
    : numberPositionsFromPadding_(config.family == ModelFamily::Roberta), padTokenId_(config.padTokenId) {
    // padding_idx as in transformers: the [PAD] row gets no gradient.
    word_embeddings = register_module(
        "word_embeddings",
        torch::nn::Embedding(torch::nn::EmbeddingOptions(config.vocabSize, config.hiddenSize)
                                 .padding_idx(config.padTokenId)));
    position_embeddings = register_module(
        "position_embeddings",
        torch::nn::Embedding(
            config.family == ModelFamily::Roberta
                ? torch::nn::EmbeddingOptions(config.maxPositionEmbeddings, config.hiddenSize).padding_idx(config.padTokenId)
                : torch::nn::EmbeddingOptions(config.maxPositionEmbeddings, config.hiddenSize)));
    token_type_embeddings = register_module(
        "token_type_embeddings", torch::nn::Embedding(config.typeVocabSize, config.hiddenSize));
    LayerNorm = register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize})
                                              .eps(config.layerNormEps)));
    dropout = register_module("dropout", torch::nn::Dropout(config.hiddenDropoutProb));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& inputIds,
                                          const torch::Tensor& tokenTypeIds) {
    auto embedded = word_embeddings(inputIds) + token_type_embeddings(tokenTypeIds);
    if (numberPositionsFromPadding_) {
        // RoBERTa's create_position_ids_from_input_ids: real tokens count up from
        // pad_token_id + 1, padding stays at pad_token_id. [B, T]
        auto real = inputIds.ne(padTokenId_).to(torch::kInt64);
        embedded = embedded + position_embeddings(torch::cumsum(real, 1) * real + padTokenId_);
    } else {
        auto positions = torch::arange(inputIds.size(1), inputIds.options());  // [T]
        embedded = embedded + position_embeddings(positions);  // broadcast [T, H] over B
    }
    return dropout(LayerNorm(embedded));
}

}  // namespace bertbench
