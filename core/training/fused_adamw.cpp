#include "training/fused_adamw.h"

#include <cmath>

namespace bertbench {

namespace {

bool fusable(const torch::optim::AdamW& optimizer) {
    for (const auto& group : optimizer.param_groups()) {
        if (static_cast<const torch::optim::AdamWOptions&>(group.options()).amsgrad()) return false;
        for (const auto& p : group.params())
            if (p.grad().defined() && !(p.is_cpu() && p.scalar_type() == torch::kFloat32 && p.is_contiguous() &&
                                        p.grad().is_contiguous() && p.grad().scalar_type() == torch::kFloat32))
                return false;
    }
    return true;
}

std::vector<torch::Tensor> withGradients(const torch::optim::AdamW& optimizer) {
    std::vector<torch::Tensor> parameters;
    for (const auto& group : optimizer.param_groups())
        for (const auto& p : group.params())
            if (p.grad().defined()) parameters.push_back(p);
    return parameters;
}

// clip_grad_norm_'s global norm and its clamped coefficient, computed as it does.
std::pair<torch::Tensor, float> normAndScale(const std::vector<torch::Tensor>& parameters, double maxGradNorm) {
    std::vector<torch::Tensor> norms;
    norms.reserve(parameters.size());
    for (const auto& p : parameters) norms.push_back(p.grad().norm(2));
    const auto total = norms.size() == 1 ? norms[0] : torch::stack(norms).norm(2);
    const auto coefficient = torch::clamp(maxGradNorm / (total + 1e-6), c10::nullopt, 1.0);
    return {total, coefficient.item<float>()};
}

torch::optim::AdamWParamState& stateOf(torch::optim::AdamW& optimizer, const torch::Tensor& p) {
    // The key and the initial state torch::optim::AdamW::step uses.
    auto& slot = optimizer.state()[c10::guts::to_string(p.unsafeGetTensorImpl())];
    if (!slot) {
        auto state = std::make_unique<torch::optim::AdamWParamState>();
        state->step(0);
        state->exp_avg(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        state->exp_avg_sq(torch::zeros_like(p, torch::MemoryFormat::Preserve));
        slot = std::move(state);
    }
    return static_cast<torch::optim::AdamWParamState&>(*slot);
}

struct AdamWConstants {
    bool decays;
    float decay, b1, oneMinusB1, b2, oneMinusB2, rootCorrection2, eps, negativeStepSize, gradientScale;
};

// The per-element update, cloned for AVX-512, AVX2 and plain x86-64 and picked
// at load time: this is a memory-bound loop only once sqrt and division run
// 8 or 16 lanes wide (the file is compiled with -fno-math-errno, without which
// GCC keeps std::sqrt scalar). Every lane rounds exactly as the scalar code.
__attribute__((target_clones("avx512f", "avx2", "default")))
void updateElements(float* __restrict weight, float* __restrict gradient, float* __restrict average,
                    float* __restrict squares, int64_t count, const AdamWConstants constants) {
    const AdamWConstants k = constants;  // a local copy: the stores below cannot change it
    for (int64_t i = 0; i < count; ++i) {
        const float g = gradient[i] * k.gradientScale;                   // clip_grad_norm_: grad.mul_(coef)
        float w = k.decays ? weight[i] * k.decay : weight[i];            // p.mul_(1 - lr * wd)
        const float m = average[i] * k.b1 + k.oneMinusB1 * g;            // exp_avg.mul_(b1).add_(grad, 1 - b1)
        const float v = squares[i] * k.b2 + k.oneMinusB2 * g * g;        // exp_avg_sq.mul_(b2).addcmul_(grad, grad, 1 - b2)
        const float denominator = std::sqrt(v) / k.rootCorrection2 + k.eps;
        w = w + k.negativeStepSize * (m / denominator);                  // p.addcdiv_(exp_avg, denom, -step_size)
        weight[i] = w;
        average[i] = m;
        squares[i] = v;
        gradient[i] = 0;                                                 // zero_grad
    }
}

// One parameter: every constant rounded to float as ATen's kernels round the
// double scalars they are given.
void stepParameter(torch::Tensor& p, torch::optim::AdamWParamState& state,
                   const torch::optim::AdamWOptions& options, float gradientScale) {
    state.step(state.step() + 1);
    const double beta1 = std::get<0>(options.betas()), beta2 = std::get<1>(options.betas());
    const double correction1 = 1 - std::pow(beta1, double(state.step()));
    const double correction2 = 1 - std::pow(beta2, double(state.step()));
    AdamWConstants k;
    k.decays = options.weight_decay() != 0;
    k.decay = float(1 - options.lr() * options.weight_decay());
    k.b1 = float(beta1);
    k.oneMinusB1 = float(1 - beta1);
    k.b2 = float(beta2);
    k.oneMinusB2 = float(1 - beta2);
    k.rootCorrection2 = float(std::sqrt(correction2));
    k.eps = float(options.eps());
    k.negativeStepSize = float(-(options.lr() / correction1));
    k.gradientScale = gradientScale;

    float* weight = p.data_ptr<float>();
    float* gradient = p.mutable_grad().data_ptr<float>();
    float* average = state.exp_avg().data_ptr<float>();
    float* squares = state.exp_avg_sq().data_ptr<float>();
    at::parallel_for(0, p.numel(), /*grain_size=*/16384, [&](int64_t begin, int64_t end) {
        updateElements(weight + begin, gradient + begin, average + begin, squares + begin, end - begin, k);
    });
}

}  // namespace

double clipAndStepAdamW(torch::optim::AdamW& optimizer, double maxGradNorm) {
    torch::NoGradGuard noGrad;
    const auto parameters = withGradients(optimizer);
    if (parameters.empty()) return 0;
    if (!fusable(optimizer)) {
        const double norm = torch::nn::utils::clip_grad_norm_(parameters, maxGradNorm);
        optimizer.step();
        optimizer.zero_grad();
        return norm;
    }
    const auto [total, scale] = normAndScale(parameters, maxGradNorm);
    for (auto& group : optimizer.param_groups()) {
        const auto& options = static_cast<const torch::optim::AdamWOptions&>(group.options());
        for (auto& p : group.params())
            if (p.grad().defined()) stepParameter(p, stateOf(optimizer, p), options, scale);
    }
    return total.item<double>();
}

}  // namespace bertbench
