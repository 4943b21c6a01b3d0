// The DistilBERT encoder (transformers' DistilBertModel): embeddings and a
// stack of TransformerBlocks under "transformer.layer"; no pooler.
// Shapes: B batch, T tokens, H hidden, N heads, L layers.
#pragma once

#include "model/distilbert_embeddings.h"
#include "model/distilbert_layer.h"
#include "model/model_io.h"

#include <torch/torch.h>

namespace bertbench {

class DistilBertTransformerImpl : public torch::nn::Module {
public:
    explicit DistilBertTransformerImpl(const ModelConfig& config);

    torch::nn::ModuleList layer{nullptr};  // of TransformerBlock
};
TORCH_MODULE(DistilBertTransformer);

class DistilBertModelImpl : public torch::nn::Module {
public:
    explicit DistilBertModelImpl(const ModelConfig& config);

    // Token types, if given, are ignored: DistilBERT has none.
    EncoderOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {});

    DistilBertEmbeddings embeddings{nullptr};
    DistilBertTransformer transformer{nullptr};

private:
    int64_t maxPositions_;
    int64_t layers_, heads_;  // the head mask's shape
};
TORCH_MODULE(DistilBertModel);

}  // namespace bertbench
