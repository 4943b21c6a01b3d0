// One encoder layer (transformers' BertLayer): attention, then the feed-forward
// block (BertIntermediate: dense + activation, then a residual output).
// Shapes: B batch, T tokens, H hidden, F intermediate (feed-forward) width.
#pragma once

#include "model/model_config.h"
#include "model/residual_output.h"
#include "model/self_attention.h"

#include <torch/torch.h>

namespace bertbench {

class BertIntermediateImpl : public torch::nn::Module {
public:
    explicit BertIntermediateImpl(const ModelConfig& config);
    torch::Tensor forward(const torch::Tensor& hidden);  // [B, T, H] -> [B, T, F]

    AdaptableLinear dense{nullptr};

private:
    Activation activation_;
};
TORCH_MODULE(BertIntermediate);

class BertLayerImpl : public torch::nn::Module {
public:
    // `layer`: its index in the encoder, which selects its pruned heads.
    BertLayerImpl(const ModelConfig& config, int64_t layer);

    // See BertSelfAttention::forward for the mask and probabilities.
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& additiveMask,
                          torch::Tensor* probabilities = nullptr, const torch::Tensor& headMask = {});

    BertAttention attention{nullptr};
    BertIntermediate intermediate{nullptr};
    ResidualOutput output{nullptr};
};
TORCH_MODULE(BertLayer);

// The activation named by config.hidden_act, also used by the masked-LM head.
torch::Tensor activate(const torch::Tensor& x, Activation activation);

}  // namespace bertbench
