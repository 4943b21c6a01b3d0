#include "model/adaptable_linear.h"

#include "kernels/linear.h"
#include "kernels/onednn_matmul.h"

#include <cmath>

namespace bertbench {

AdaptableLinearImpl::AdaptableLinearImpl(int64_t inputWidth, int64_t outputWidth)
    : packedWeight_(std::make_shared<PackedWeightCache>()) {
    weight = register_parameter("weight", torch::empty({outputWidth, inputWidth}));
    bias = register_parameter("bias", torch::empty({outputWidth}));
    // torch::nn::Linear's default; BERT initialisation overwrites it anyway.
    torch::nn::init::kaiming_uniform_(weight, std::sqrt(5.0));
    const double bound = 1.0 / std::sqrt(double(inputWidth));
    torch::nn::init::uniform_(bias, -bound, bound);
}

namespace {

// In place, so that whoever holds the parameter (an optimizer, a parameter
// list) sees the pruned tensor rather than an orphaned old one.
void keepSlices(torch::Tensor& parameter, int64_t dim, const torch::Tensor& index) {
    if (!parameter.defined()) return;
    parameter.set_data(parameter.detach().index_select(dim, index.to(parameter.device())));
    if (parameter.grad().defined()) parameter.mutable_grad() = torch::Tensor();
}

}  // namespace

torch::Tensor AdaptableLinearImpl::forward(const torch::Tensor& x) {
    auto y = bertbench::linear(x, weight, bias, packedWeight_.get());
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
    loraDropout_ = register_module("lora_dropout", Dropout(dropout));
    loraScale_ = alpha / double(rank);
}

void AdaptableLinearImpl::mergeAdapter() {
    if (!loraA_.defined()) return;
    {
        torch::NoGradGuard noGrad;
        weight.copy_(mergedWeight());
    }
    parameters_.erase("lora_A");
    parameters_.erase("lora_B");
    unregister_module("lora_dropout");
    loraA_ = loraB_ = torch::Tensor();
    loraDropout_ = nullptr;
    loraScale_ = 0;
}

void AdaptableLinearImpl::keepOutputs(const torch::Tensor& index) {
    torch::NoGradGuard noGrad;
    keepSlices(weight, /*dim=*/0, index);
    keepSlices(bias, /*dim=*/0, index);
    keepSlices(loraB_, /*dim=*/0, index);  // the adapter's output rows go with the weight's
}

void AdaptableLinearImpl::keepInputs(const torch::Tensor& index) {
    torch::NoGradGuard noGrad;
    keepSlices(weight, /*dim=*/1, index);
    keepSlices(loraA_, /*dim=*/1, index);  // the bias does not depend on the inputs
}

torch::Tensor AdaptableLinearImpl::mergedWeight() const {
    if (!loraA_.defined()) return weight;
    return weight + torch::matmul(loraB_, loraA_) * loraScale_;
}

}  // namespace bertbench
