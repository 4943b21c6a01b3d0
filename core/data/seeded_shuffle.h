// Random draws that give the same results on every platform for a given seed.
// std::mt19937_64's output is fixed by the standard, but the distributions
// (std::uniform_int_distribution, std::shuffle) are implementation-defined, so
// a split or an epoch order made with them would differ between libstdc++,
// libc++ and MSVC. These are the engine's own.
#pragma once

#include <cstddef>
#include <cstdint>
#include <random>
#include <vector>

namespace bertbench {

// Uniform in [0, bound), bound > 0, without modulo bias (rejection sampling).
uint64_t uniformBelow(std::mt19937_64& rng, uint64_t bound);

// Fisher-Yates, drawing with uniformBelow from the last position down.
void shuffleIndices(std::vector<size_t>& indices, std::mt19937_64& rng);

}  // namespace bertbench
