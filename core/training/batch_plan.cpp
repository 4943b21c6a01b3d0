#include "training/batch_plan.h"

#include "data/seeded_shuffle.h"

#include <algorithm>
#include <numeric>

namespace bertbench {

namespace {
constexpr size_t kBatchesPerPool = 50;

std::vector<BatchIndices> cut(const std::vector<size_t>& order, size_t batchSize) {
    std::vector<BatchIndices> batches;
    for (size_t start = 0; start < order.size(); start += batchSize)
        batches.emplace_back(order.begin() + long(start), order.begin() + long(std::min(order.size(), start + batchSize)));
    return batches;
}
}  // namespace

std::vector<BatchIndices> planEpoch(const std::vector<size_t>& lengths, int64_t batchSize, ShuffleMode mode,
                                    uint64_t seed, int64_t epoch) {
    std::vector<size_t> order(lengths.size());
    std::iota(order.begin(), order.end(), size_t(0));
    const auto size = size_t(batchSize);
    if (mode == ShuffleMode::None) return cut(order, size);

    std::mt19937_64 rng(seed * 1000003ULL + uint64_t(epoch));
    shuffleIndices(order, rng);
    if (mode == ShuffleMode::Random) return cut(order, size);

    const size_t pool = size * kBatchesPerPool;
    for (size_t start = 0; start < order.size(); start += pool) {
        auto first = order.begin() + long(start);
        auto last = order.begin() + long(std::min(order.size(), start + pool));
        std::stable_sort(first, last, [&](size_t a, size_t b) { return lengths[a] < lengths[b]; });
    }
    auto batches = cut(order, size);
    std::vector<size_t> batchOrder(batches.size());
    std::iota(batchOrder.begin(), batchOrder.end(), size_t(0));
    shuffleIndices(batchOrder, rng);
    std::vector<BatchIndices> shuffled;
    shuffled.reserve(batches.size());
    for (size_t i : batchOrder) shuffled.push_back(std::move(batches[i]));
    return shuffled;
}

}  // namespace bertbench
