#include "kernels/batched_matmul.h"

#include "kernels/matmul_backend.h"
#include "kernels/onednn_matmul.h"

#include <ATen/autocast_mode.h>

namespace bertbench {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// c = a b; da = dc bᵀ, db = aᵀ dc, each computed only when autograd needs it.
struct OnednnBatchedMatmul : public torch::autograd::Function<OnednnBatchedMatmul> {
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& a, const torch::Tensor& b) {
        context->save_for_backward({a, b});
        return onednnBatchedMatmul(a, b);
    }

    static variable_list backward(AutogradContext* context, variable_list outputGradients) {
        const auto saved = context->get_saved_variables();
        const auto& dc = outputGradients[0];
        torch::Tensor da, db;
        if (!dc.defined()) return {da, db};
        if (context->needs_input_grad(0)) da = onednnBatchedMatmul(dc, saved[1].transpose(-1, -2));
        if (context->needs_input_grad(1)) db = onednnBatchedMatmul(saved[0].transpose(-1, -2), dc);
        return {da, db};
    }
};

}  // namespace

torch::Tensor batchedMatmul(const torch::Tensor& a, const torch::Tensor& b) {
    const bool onOnednn = a.is_cpu() && b.is_cpu() && a.scalar_type() == torch::kFloat32 &&
                          b.scalar_type() == torch::kFloat32 && a.dim() >= 3 && a.dim() == b.dim() &&
                          !at::autocast::is_cpu_enabled() && matmulBackend() == MatmulBackend::OneDnn;
    if (!onOnednn) return torch::matmul(a, b);
    if (!torch::GradMode::is_enabled()) return onednnBatchedMatmul(a, b);
    return OnednnBatchedMatmul::apply(a, b);
}

}  // namespace bertbench
