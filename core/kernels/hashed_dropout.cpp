#include "kernels/hashed_dropout.h"

#include <ATen/CPUGeneratorImpl.h>

#include <cmath>

namespace bertbench {

namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// Chris Wellons' lowbias32: a 32-bit integer hash with very low bias; two
// rounds with the seed's halves between them decorrelate neighbouring counters.
inline uint32_t lowbias32(uint32_t x) {
    x ^= x >> 16;
    x *= 0x7feb352dU;
    x ^= x >> 15;
    x *= 0x846ca68bU;
    x ^= x >> 16;
    return x;
}

struct Seed {
    uint32_t low, high;
};

// Element i is kept when its hash reaches `threshold` = p·2³²: probability 1 - p.
__attribute__((target_clones("avx512f", "avx2", "default")))
void dropoutForward(const float* __restrict x, float* __restrict y, uint8_t* __restrict keep, int64_t begin,
                    int64_t end, Seed seed, uint32_t threshold, float scale) {
    for (int64_t i = begin; i < end; ++i) {
        const uint32_t h = lowbias32(lowbias32(uint32_t(i) + seed.low) ^ seed.high);
        const bool kept = h >= threshold;
        keep[i] = kept;
        y[i] = kept ? x[i] * scale : 0.0f;
    }
}

__attribute__((target_clones("avx512f", "avx2", "default")))
void dropoutBackward(const float* __restrict dy, const uint8_t* __restrict keep, float* __restrict dx, int64_t begin,
                     int64_t end, float scale) {
    for (int64_t i = begin; i < end; ++i) dx[i] = keep[i] ? dy[i] * scale : 0.0f;
}

Seed drawSeed() {
    auto generator = at::detail::getDefaultCPUGenerator();
    std::lock_guard<std::mutex> lock(generator.mutex());
    const uint64_t bits = generator.get<at::CPUGeneratorImpl>()->random64();
    return {uint32_t(bits), uint32_t(bits >> 32)};
}

constexpr int64_t kGrain = 32768;

struct Dropped {
    torch::Tensor output;
    torch::Tensor keep;  // uint8, 1 where kept
    float scale;
};

Dropped dropOut(const torch::Tensor& input, double p) {
    const auto x = input.contiguous();
    Dropped d{torch::empty_like(x), torch::empty(x.sizes(), x.options().dtype(torch::kUInt8)),
              1.0f / float(1.0 - p)};  // the scale as torch's noise.div_(1 - p) rounds it
    const Seed seed = drawSeed();
    const auto threshold = uint32_t(std::min(4294967295.0, std::round(p * 4294967296.0)));
    const float* in = x.data_ptr<float>();
    float* out = d.output.data_ptr<float>();
    uint8_t* mask = d.keep.data_ptr<uint8_t>();
    at::parallel_for(0, x.numel(), kGrain, [&](int64_t begin, int64_t end) {
        dropoutForward(in, out, mask, begin, end, seed, threshold, d.scale);
    });
    return d;
}

struct HashedDropout : public torch::autograd::Function<HashedDropout> {
    static torch::Tensor forward(AutogradContext* context, const torch::Tensor& input, double p) {
        auto dropped = dropOut(input, p);
        context->save_for_backward({dropped.keep});
        context->saved_data["scale"] = double(dropped.scale);
        return dropped.output;
    }

    static variable_list backward(AutogradContext* context, variable_list outputGradients) {
        const auto keep = context->get_saved_variables()[0];
        const float scale = float(context->saved_data["scale"].toDouble());
        const auto dy = outputGradients[0].contiguous();
        auto dx = torch::empty_like(dy);
        const float* in = dy.data_ptr<float>();
        const uint8_t* mask = keep.data_ptr<uint8_t>();
        float* out = dx.data_ptr<float>();
        at::parallel_for(0, dy.numel(), kGrain,
                         [&](int64_t begin, int64_t end) { dropoutBackward(in, mask, out, begin, end, scale); });
        return {dx, torch::Tensor()};
    }
};

}  // namespace

torch::Tensor hashedDropout(const torch::Tensor& x, double p) {
    if (p <= 0) return x;
    if (!x.is_cpu() || x.scalar_type() != torch::kFloat32 || p >= 1) return torch::dropout(x, p, /*train=*/true);
    if (!torch::GradMode::is_enabled() || !x.requires_grad()) return dropOut(x, p).output;
    return HashedDropout::apply(x, p);
}

}  // namespace bertbench
