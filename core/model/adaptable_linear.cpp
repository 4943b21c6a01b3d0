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

namespace {

// Inference on a few tokens (a sentence being predicted) multiplies a thin [M, I]
// input by a large weight: BLAS's own threading costs more than it gains there
// (measured: 12x768 @ 768x3072 took 1.5 ms on 2 threads, 1.0 ms on one). Giving
// each thread its own slice of the output features instead streams every weight
// once and ran in 0.55 ms. Each output is still one full dot product, so results
// match the plain product to float rounding.
constexpr int64_t kThinInputRows = 64;

torch::Tensor linearOverOutputSlices(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias) {
    const int64_t outputs = weight.size(0);
    const int64_t parts = at::get_num_threads();
    const auto rows = x.reshape({-1, x.size(-1)});
    std::vector<torch::Tensor> slices(static_cast<size_t>(parts));
    at::parallel_for(0, parts, 1, [&](int64_t begin, int64_t end) {
        for (int64_t p = begin; p < end; ++p) {
            const int64_t first = outputs * p / parts, count = outputs * (p + 1) / parts - first;
            slices[size_t(p)] = torch::addmm(bias.narrow(0, first, count), rows, weight.narrow(0, first, count).t());
        }
    });
    auto sizes = x.sizes().vec();
    sizes.back() = outputs;
    return torch::cat(slices, /*dim=*/1).view(sizes);
}

bool isThinInference(const torch::Tensor& x) {
    return !torch::GradMode::is_enabled() && x.device().is_cpu() && at::get_num_threads() > 1 &&
           x.numel() / x.size(-1) <= kThinInputRows;
}

// In place, so that whoever holds the parameter (an optimizer, a parameter
// list) sees the pruned tensor rather than an orphaned old one.
void keepSlices(torch::Tensor& parameter, int64_t dim, const torch::Tensor& index) {
    if (!parameter.defined()) return;
    parameter.set_data(parameter.detach().index_select(dim, index.to(parameter.device())));
    if (parameter.grad().defined()) parameter.mutable_grad() = torch::Tensor();
}

}  // namespace

torch::Tensor AdaptableLinearImpl::forward(const torch::Tensor& x) {
    auto y = isThinInference(x) ? linearOverOutputSlices(x, weight, bias)
                                : torch::nn::functional::linear(x, weight, bias);
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
