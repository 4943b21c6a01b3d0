#include "model/embeddings.h"

namespace bertbench {

namespace {

// RoBERTa's create_position_ids_from_input_ids: real tokens count up from
// pad_token_id + 1, padding stays at pad_token_id. [B, T]
torch::Tensor robertaPositionIds(const torch::Tensor& inputIds, int64_t padId) {
    auto real = inputIds.ne(padId).to(torch::kInt64);
    return torch::cumsum(real, 1) * real + padId;
}

}  // namespace

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
    dropout = register_module("dropout", Dropout(config.hiddenDropoutProb));
}

torch::Tensor BertEmbeddingsImpl::forward(const torch::Tensor& inputIds, const torch::Tensor& tokenTypeIds,
                                          const torch::Tensor& positionIds) {
    auto embedded = word_embeddings(inputIds) + token_type_embeddings(tokenTypeIds);
    if (positionIds.defined())
        embedded = embedded + position_embeddings(positionIds);
    else if (numberPositionsFromPadding_)
        embedded = embedded + position_embeddings(robertaPositionIds(inputIds, padTokenId_));
    else
        embedded = embedded + position_embeddings(torch::arange(inputIds.size(1), inputIds.options()));  // [T, H] over B
    return dropout(LayerNorm(embedded));
}

torch::Tensor positionIdsOf(const ModelConfig& config, const torch::Tensor& inputIds) {
    if (config.family == ModelFamily::Roberta) return robertaPositionIds(inputIds, config.padTokenId);
    return torch::arange(inputIds.size(1), inputIds.options()).expand_as(inputIds);
}

}  // namespace bertbench
