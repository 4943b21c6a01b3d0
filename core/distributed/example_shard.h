// Which part of a batch (or of an evaluation set) a rank computes: contiguous,
// in order, sizes differing by at most one, so that the ranks together see
// exactly the examples a single process would, in the same order.
#pragma once

#include <cstddef>
#include <utility>
#include <vector>

namespace bertbench {

// [begin, end) of `count` items for `rank` of `worldSize`.
inline std::pair<size_t, size_t> shardRange(size_t count, int rank, int worldSize) {
    const size_t world = size_t(worldSize), r = size_t(rank);
    return {count * r / world, count * (r + 1) / world};
}

template <class T>
std::vector<T> shardOf(const std::vector<T>& items, int rank, int worldSize) {
    const auto [begin, end] = shardRange(items.size(), rank, worldSize);
    return std::vector<T>(items.begin() + long(begin), items.begin() + long(end));
}

}  // namespace bertbench
