// Which examples form each batch of an epoch. The order depends only on the
// seed, the epoch and the mode, so an interrupted run resumes with the same
// batches and two runs with one seed see the same data.
#pragma once

#include "training/training_options.h"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bertbench {

using BatchIndices = std::vector<size_t>;

// lengths[i] = token count of example i.
// None: file order. Random: a seeded permutation. Bucketed: a seeded permutation
// cut into pools of 50 batches, each pool sorted by length so that batches hold
// sentences of similar length (little padding), then the batches shuffled so
// lengths do not come in order.
std::vector<BatchIndices> planEpoch(const std::vector<size_t>& lengths, int64_t batchSize, ShuffleMode mode,
                                    uint64_t seed, int64_t epoch);

}  // namespace bertbench
