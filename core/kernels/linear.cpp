#include "kernels/linear.h"

#include "kernels/matmul_backend.h"
#include "kernels/onednn_matmul.h"

#include <ATen/autocast_mode.h>

namespace bertbench {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// At most this many rows count as a thin input: reading the weight dominates,
// so the reordered (packed) weight pays off.
constexpr int64_t kThinInputRows = 64;

// The linear layer's three products on oneDNN: y = x Wᵀ + b, dx = dy W,
// dW = dyᵀ x, db = Σ dy; each computed only when autograd needs it.
struct OnednnLinear : public torch::autograd::Function<OnednnLinear> {
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& rows, const torch::Tensor& weight,
                                 const torch::Tensor& bias) {
        context->save_for_backward({rows, weight});
        return onednnMatmul(rows, weight.t(), bias);  // [M, O]
    }

    static variable_list backward(AutogradContext* context, variable_list outputGradients) {
        const auto saved = context->get_saved_variables();
        const auto& rows = saved[0];
        const auto& weight = saved[1];
        const auto& dy = outputGradients[0];  // [M, O]
        torch::Tensor dx, dw, db;
        if (!dy.defined()) return {dx, dw, db};
        if (context->needs_input_grad(0)) dx = onednnMatmul(dy, weight);      // [M, I]
        if (context->needs_input_grad(1)) dw = onednnMatmul(dy.t(), rows);    // [O, I]
        if (context->needs_input_grad(2)) db = dy.sum(/*dim=*/0);             // [O]
        return {dx, dw, db};
    }
};

// Inference on a few tokens with BLAS: BLAS's own threading costs more than
// it gains there (measured: 12x768 @ 768x3072 took 1.5 ms on 2 threads, 1.0 ms
// on one); each thread's own slice of the output features ran in 0.55 ms.
torch::Tensor blasOverOutputSlices(const torch::Tensor& rows, const torch::Tensor& weight, const torch::Tensor& bias) {
    const int64_t outputs = weight.size(0);
    const int64_t parts = at::get_num_threads();
    std::vector<torch::Tensor> slices(static_cast<size_t>(parts));
    at::parallel_for(0, parts, 1, [&](int64_t begin, int64_t end) {
        for (int64_t p = begin; p < end; ++p) {
            const int64_t first = outputs * p / parts, count = outputs * (p + 1) / parts - first;
            const auto w = weight.narrow(0, first, count).t();
            slices[size_t(p)] = bias.defined() ? torch::addmm(bias.narrow(0, first, count), rows, w) : rows.mm(w);
        }
    });
    return torch::cat(slices, /*dim=*/1);
}

bool onOnednn(const torch::Tensor& x, const torch::Tensor& weight) {
    return x.is_cpu() && x.scalar_type() == torch::kFloat32 && weight.scalar_type() == torch::kFloat32 &&
           !at::autocast::is_cpu_enabled() && matmulBackend() == MatmulBackend::OneDnn;
}

}  // namespace

torch::Tensor linear(const torch::Tensor& x, const torch::Tensor& weight, const torch::Tensor& bias,
                     PackedWeightCache* cache) {
    const bool thinInference = !torch::GradMode::is_enabled() && x.numel() / std::max<int64_t>(1, x.size(-1)) <= kThinInputRows;
    auto outputSizes = x.sizes().vec();
    outputSizes.back() = weight.size(0);
    if (onOnednn(x, weight)) {
        const auto rows = x.reshape({-1, x.size(-1)});  // [M, I]
        if (!torch::GradMode::is_enabled()) {
            if (thinInference && cache && bias.defined()) return cache->linear(rows, weight, bias).view(outputSizes);
            return onednnMatmul(rows, weight.t(), bias).view(outputSizes);
        }
        // Training changes the weight every step: a packed copy would only hold memory.
        if (cache) cache->clear();
        return OnednnLinear::apply(rows, weight, bias).view(outputSizes);
    }
    if (thinInference && x.is_cpu() && at::get_num_threads() > 1 && x.scalar_type() == weight.scalar_type())
        return blasOverOutputSlices(x.reshape({-1, x.size(-1)}), weight, bias).view(outputSizes);
    return torch::nn::functional::linear(x, weight, bias);
}

}  // namespace bertbench
