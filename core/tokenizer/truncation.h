// transformers' 'longest_first' truncation (truncate_sequences), shared by every
// tokenizer: the special tokens around the texts are kept, text ids go.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace bertbench {

// Removes ids one at a time from the end of the longer of a and b (b on ties)
// until a, b and `specials` special tokens fit in maxLength (0 = no limit).
// Returns the length before truncation, specials included. Throws UsageError
// where transformers cannot truncate either (it logs an error and returns too
// many ids): a single text when maxLength < specials + 1.
size_t truncateLongestFirst(std::vector<int32_t>& a, std::optional<std::vector<int32_t>>& b, size_t specials,
                            size_t maxLength);

}  // namespace bertbench
