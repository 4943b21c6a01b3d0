#include "model/residual_output.h"

namespace bertbench {

ResidualOutputImpl::ResidualOutputImpl(const ModelConfig& config, int64_t inputWidth) {
    dense = register_module("dense", AdaptableLinear(inputWidth, config.hiddenSize));
    LayerNorm = register_module(
        "LayerNorm", torch::nn::LayerNorm(torch::nn::LayerNormOptions({config.hiddenSize})
                                              .eps(config.layerNormEps)));
    dropout = register_module("dropout", Dropout(config.hiddenDropoutProb));
}

torch::Tensor ResidualOutputImpl::forward(const torch::Tensor& hidden,
                                          const torch::Tensor& residual) {
    return LayerNorm(dropout(dense(hidden)) + residual);
}

}  // namespace bertbench
