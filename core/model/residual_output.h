// The block that closes both halves of a BERT layer: project back to H, dropout,
// add the block's input, LayerNorm. transformers names it BertSelfOutput after
// attention and EncoderOutput after the feed-forward; the parameters are the same
// (dense, LayerNorm), so one module serves both.
// Shapes: B batch, T tokens, H hidden, I input width of the block.
#pragma once

#include "model/adaptable_linear.h"
#include "model/dropout.h"
#include "model/model_config.h"

#include <torch/torch.h>

namespace bertbench {

class ResidualOutputImpl : public torch::nn::Module {
public:
    ResidualOutputImpl(const ModelConfig& config, int64_t inputWidth);

    // hidden: [B, T, I], residual: [B, T, H] -> [B, T, H]
    torch::Tensor forward(const torch::Tensor& hidden, const torch::Tensor& residual);

    AdaptableLinear dense{nullptr};
    torch::nn::LayerNorm LayerNorm{nullptr};
    Dropout dropout{nullptr};
};
TORCH_MODULE(ResidualOutput);

}  // namespace bertbench
