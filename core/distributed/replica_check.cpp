#include "distributed/replica_check.h"

#include "common/errors.h"
#include "distributed/data_parallel_group.h"

#include <cstring>

namespace bertbench {

uint64_t parameterFingerprint(const std::vector<torch::Tensor>& parameters) {
    uint64_t hash = 1469598103934665603ull;  // FNV-1a offset basis, over 32-bit words
    for (const auto& parameter : parameters) {
        const auto cpu = parameter.detach().to(torch::kCPU).contiguous();
        const auto* bytes = static_cast<const unsigned char*>(cpu.data_ptr());
        const size_t size = size_t(cpu.numel()) * cpu.element_size();
        size_t i = 0;
        for (; i + 4 <= size; i += 4) {
            uint32_t word;
            std::memcpy(&word, bytes + i, 4);
            hash = (hash ^ word) * 1099511628211ull;
        }
        for (; i < size; ++i) hash = (hash ^ bytes[i]) * 1099511628211ull;
    }
    return hash;
}

void checkReplicasAgree(DataParallelGroup& group, const std::vector<torch::Tensor>& parameters) {
    // Each rank fills its own slot; the sum gives every rank all fingerprints.
    // Split in halves of 32 bits, so that the sum of int64 slots cannot overflow.
    const uint64_t mine = parameterFingerprint(parameters);
    auto slots = torch::zeros({group.size(), 2}, torch::kInt64);
    slots[group.rank()][0] = int64_t(mine >> 32);
    slots[group.rank()][1] = int64_t(mine & 0xffffffffu);
    group.allReduceSum(slots);
    const auto* values = slots.data_ptr<int64_t>();
    std::string differing;
    for (int r = 1; r < group.size(); ++r)
        if (values[2 * r] != values[0] || values[2 * r + 1] != values[1])
            differing += (differing.empty() ? "" : ", ") + std::to_string(r);
    if (!differing.empty())
        group.fail("the model replicas diverged: the parameters of rank(s) " + differing +
                   " differ from rank 0's, so the processes no longer train one model");
}

}  // namespace bertbench
