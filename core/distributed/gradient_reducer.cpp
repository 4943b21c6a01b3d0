#include "distributed/gradient_reducer.h"

#include "distributed/data_parallel_group.h"

namespace bertbench {

GradientReducer::GradientReducer(DataParallelGroup& group, std::vector<torch::Tensor> parameters, int64_t bucketBytes)
    : group_(group), parameters_(std::move(parameters)) {
    Bucket current;
    int64_t bytes = 0;
    auto close = [&] {
        if (current.members.empty()) return;
        int64_t elements = 0;
        for (size_t i : current.members) elements += parameters_[i].numel();
        const auto& first = parameters_[current.members.front()];
        current.flat = torch::zeros({elements}, first.options().requires_grad(false));
        buckets_.push_back(std::move(current));
        current = {};
        bytes = 0;
    };
    for (size_t k = parameters_.size(); k-- > 0;) {
        const auto& p = parameters_[k];
        if (!current.members.empty() && parameters_[current.members.front()].scalar_type() != p.scalar_type()) close();
        current.members.push_back(k);
        bytes += p.numel() * int64_t(p.element_size());
        if (bytes >= bucketBytes) close();
    }
    close();
}

void GradientReducer::reduce() {
    torch::NoGradGuard noGrad;
    // 1 where this rank has a gradient: summed, it tells which parameters got one anywhere.
    auto used = torch::zeros({int64_t(parameters_.size())}, torch::kFloat32);
    std::vector<PendingReduction> pending;
    pending.reserve(buckets_.size() + 1);
    for (auto& bucket : buckets_) {
        int64_t offset = 0;
        for (size_t i : bucket.members) {
            const auto& p = parameters_[i];
            auto slice = bucket.flat.narrow(0, offset, p.numel());
            if (p.grad().defined()) {
                slice.copy_(p.grad().reshape({-1}));
                used[int64_t(i)] = 1;
            } else {
                slice.zero_();
            }
            offset += p.numel();
        }
        pending.push_back(group_.allReduceSumAsync(bucket.flat));
    }
    pending.push_back(group_.allReduceSumAsync(used));
    for (auto& reduction : pending) reduction.wait();

    const float* anywhere = used.data_ptr<float>();
    for (auto& bucket : buckets_) {
        int64_t offset = 0;
        for (size_t i : bucket.members) {
            auto& p = parameters_[i];
            const auto slice = bucket.flat.narrow(0, offset, p.numel()).view(p.sizes());
            offset += p.numel();
            if (anywhere[i] == 0) continue;
            if (p.grad().defined()) p.mutable_grad().copy_(slice);
            else p.mutable_grad() = slice.clone();
        }
    }
}

}  // namespace bertbench
