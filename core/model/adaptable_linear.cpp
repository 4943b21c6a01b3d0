#include "model/adaptable_linear.h"

#include <cmath>

namespace bertbench {

AdaptableLinearImpl::AdaptableLinearImpl(int64_t inputWidth, int64_t outputWidth) {
    weight = register_parameter("weight", torch::empty({outputWidth, inputWidth}));
    bias = register_parameter("bias", torch::empty({outputWidth}));
    // torch::nn::Linear's default; BERT initialisation overwrites it anyway.
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(double(inputWidth));
    torch::nn::init::uniform_(bias, -bound, bound);
}

torch::Tensor AdaptableLinearImpl::forward(const torch::Tensor& x) {
    auto y = torch::nn::functional::linear(x, weight, bias);
    if (!loraA_.defined()) return y;
    auto low = torch::nn::functional::linear(loraDropout_(x), loraA_);           // [..., R]
    return y + torch::nn::functional::linear(low, loraB_) * loraScale_;          // [..., O]
}

void AdaptableLinearImpl::addAdapter(int64_t rank, double alpha, double dropout) {
    torch::NoGradGuard noGrad;
    const auto options = weight.options().requires_grad(false);
    loraA_ = register_parameter("lora_A", torch::empty({rank, weight.size(1)}, options));
    loraB_ = register_parameter("lora_B", torch::zeros({weight.size(0), rank}, options));
    torch::nn::init::kaiming_uniform_(loraA_, std::sqrt(5.0));  // as peft does
    loraDropout_ = register_module("lora_dropout", torch::nn::Dropout(dropout));
    loraScale_ = alpha / double(rank);
}

torch::Tensor AdaptableLinearImpl::mergedWeight() const {
    if (!loraA_.defined()) return weight;
    return weight + torch::matmul(loraB_, loraA_) * loraScale_;
}

}  // namespace bertbench
