#include "tokenizer/truncation.h"

#include <string>

#include "common/errors.h"

namespace bertbench {

size_t truncateLongestFirst(std::vector<int32_t>& a, std::optional<std::vector<int32_t>>& b, size_t specials,
                            size_t maxLength) {
    const size_t total = a.size() + (b ? b->size() : 0) + specials;
    if (maxLength == 0 || total <= maxLength) return total;
    // For a single text HF only truncates when ids remain, so a limit that leaves
    // no room for one text id cannot be honoured either way.
    if (maxLength < specials + (b ? 0 : 1) || maxLength < 3)
        throw UsageError("cannot truncate to " + std::to_string(maxLength) + " tokens: the special tokens alone need " +
                         std::to_string(specials) + " and at least one text token must remain");
    for (size_t removed = total - maxLength; removed > 0; --removed) {
        if (!b || a.size() > b->size())
            a.pop_back();
        else if (!b->empty())
            b->pop_back();
    }
    return total;
}

}  // namespace bertbench
