#include "model/layer.h"

namespace bertbench {

torch::Tensor activate(const torch::Tensor& x, Activation activation) {
    switch (activation) {
    case Activation::Gelu: return torch::gelu(x);                    // exact, erf-based
    case Activation::GeluNew: return torch::gelu(x, /*approximate=*/"tanh");
    case Activation::Relu: return torch::relu(x);
    }
    return torch::gelu(x);
}

BertIntermediateImpl::BertIntermediateImpl(const ModelConfig& config)
    : activation_(config.hiddenAct) {
    dense = register_module("dense", AdaptableLinear(config.hiddenSize, config.intermediateSize));
}

torch::Tensor BertIntermediateImpl::forward(const torch::Tensor& hidden) {
    return activate(dense(hidden), activation_);
}

BertLayerImpl::BertLayerImpl(const ModelConfig& config, int64_t layer) {
    attention = register_module("attention", BertAttention(config, layer));
    intermediate = register_module("intermediate", BertIntermediate(config));
    output = register_module("output", ResidualOutput(config, config.intermediateSize));
}

torch::Tensor BertLayerImpl::forward(const torch::Tensor& hidden,
                                     const torch::Tensor& additiveMask,
                                     torch::Tensor* probabilities, const torch::Tensor& headMask) {
    auto attended = attention->forward(hidden, additiveMask, probabilities, headMask);
    return output(intermediate(attended), attended);
}

}  // namespace bertbench
