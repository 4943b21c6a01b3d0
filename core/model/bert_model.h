// The BERT encoder stack (transformers' BertModel): embeddings, N layers and an
// optional pooler. Parameter names equal the Hugging Face state-dict keys, so
// loading a checkpoint is a name lookup. RoBERTa's encoder is the same stack
// (transformers' RobertaModel differs only in how positions are numbered, which
// BertEmbeddings does by the config's family).
// Shapes: B batch, T tokens, H hidden, N heads, L layers.
#pragma once

#include "model/model_config.h"
#include "model/embeddings.h"
#include "model/layer.h"
#include "model/model_io.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

class BertPoolerImpl : public torch::nn::Module {
public:
    explicit BertPoolerImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // tanh(dense(h[CLS])): [B, T, H] -> [B, H]

    torch::nn::Linear dense{nullptr};
};
TORCH_MODULE(BertPooler);

class BertEncoderImpl : public torch::nn::Module {
public:
    explicit BertEncoderImpl(const ModelConfig& config);

    torch::nn::ModuleList layer{nullptr};  // of BertLayer
};
TORCH_MODULE(BertEncoder);

class BertModelImpl : public torch::nn::Module {
public:
    BertModelImpl(const ModelConfig& config, bool withPooler);

    EncoderOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {});

    // As built: its prunedHeads does not follow later pruning (TaskModelImpl::config() does).
    const ModelConfig& config() const { return config_; }

    BertEmbeddings embeddings{nullptr};
    BertEncoder encoder{nullptr};
    BertPooler pooler{nullptr};  // null when built without one (masked LM)

private:
    ModelConfig config_;
};
TORCH_MODULE(BertModel);

}  // namespace bertbench
