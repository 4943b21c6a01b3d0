// The BERT encoder stack (transformers' BertModel): embeddings, N layers and an
// optional pooler. Parameter names equal the Hugging Face state-dict keys, so
// loading a checkpoint is a name lookup.
// Shapes: B batch, T tokens, H hidden, N heads, L layers.
#pragma once

#include "model/bert_config.h"
#include "model/embeddings.h"
#include "model/layer.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

// Token ids of a padded batch; all [B, T] int64 on the model's device.
struct BertInputs {
    torch::Tensor inputIds;
    torch::Tensor tokenTypeIds;   // undefined = all zeros
    torch::Tensor attentionMask;  // 1 = real token, 0 = padding; undefined = all ones
};

// What the caller wants besides the last hidden state. Neither costs anything
// when off: no tensors are kept and no extra work is done.
struct ForwardOptions {
    bool attentions = false;    // per-layer post-softmax probabilities
    bool hiddenStates = false;  // embeddings output + every layer's output
};

struct BertOutput {
    torch::Tensor lastHiddenState;             // [B, T, H]
    torch::Tensor pooled;                      // [B, H], undefined without a pooler
    std::vector<torch::Tensor> hiddenStates;   // L + 1 of [B, T, H] when asked
    std::vector<torch::Tensor> attentions;     // L of [B, N, T, T] when asked
};

class BertPoolerImpl : public torch::nn::Module {
public:
    explicit BertPoolerImpl(const BertConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // tanh(dense(h[CLS])): [B, T, H] -> [B, H]

    torch::nn::Linear dense{nullptr};
};
TORCH_MODULE(BertPooler);

class BertEncoderImpl : public torch::nn::Module {
public:
    explicit BertEncoderImpl(const BertConfig& config);

    torch::nn::ModuleList layer{nullptr};  // of BertLayer
};
TORCH_MODULE(BertEncoder);

class BertModelImpl : public torch::nn::Module {
public:
    BertModelImpl(const BertConfig& config, bool withPooler);

    BertOutput forward(const BertInputs& inputs, const ForwardOptions& options = {});

    const BertConfig& config() const { return config_; }

    BertEmbeddings embeddings{nullptr};
    BertEncoder encoder{nullptr};
    BertPooler pooler{nullptr};  // null when built without one (masked LM)

private:
    BertConfig config_;
};
TORCH_MODULE(BertModel);

// The mask added to attention scores: 0 where attended, the lowest finite value of
// the dtype where padded (transformers' get_extended_attention_mask).
// attentionMask [B, T] -> [B, 1, 1, T]
torch::Tensor additiveAttentionMask(const torch::Tensor& attentionMask, torch::ScalarType dtype);

}  // namespace bertbench
