// Data parallelism keeps one replica of the model per rank, identical because
// every rank applies the same reduced gradients. This verifies it: a hash of
// every parameter's bits, compared across the ranks, failing loudly (a
// GroupError naming the ranks that differ) instead of training on silently.
#pragma once

#include <torch/torch.h>

#include <cstdint>
#include <vector>

namespace bertbench {

class DataParallelGroup;

// How often the trainer compares the replicas, in optimizer steps (and before
// every evaluation).
constexpr int64_t kReplicaCheckInterval = 50;

// The bits of every tensor, in order, hashed sequentially (so that thread
// counts, which differ between ranks, cannot change the result).
uint64_t parameterFingerprint(const std::vector<torch::Tensor>& parameters);

void checkReplicasAgree(DataParallelGroup& group, const std::vector<torch::Tensor>& parameters);

}  // namespace bertbench
