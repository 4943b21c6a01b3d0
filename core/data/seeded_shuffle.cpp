// Bias-free bounded draws and the shuffle built on them.
#include "data/seeded_shuffle.h"

#include <utility>

namespace bertbench {

uint64_t uniformBelow(std::mt19937_64& rng, uint64_t bound) {
    // 2^64 mod bound draws at the bottom of the range would favour small
    // results; reject them so every residue has the same number of sources.
    const uint64_t rejectBelow = (0 - bound) % bound;
    uint64_t draw = rng();
    while (draw < rejectBelow) draw = rng();
    return draw % bound;
}

void shuffleIndices(std::vector<size_t>& indices, std::mt19937_64& rng) {
    for (size_t i = indices.size(); i > 1; --i) {
        const auto j = static_cast<size_t>(uniformBelow(rng, i));
        std::swap(indices[i - 1], indices[j]);
    }
}

}  // namespace bertbench
