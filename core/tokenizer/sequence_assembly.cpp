#include "tokenizer/sequence_assembly.h"

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

Encoding assembleEncoding(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, const SequenceTemplate& layout,
                          size_t maxLength, const Vocabulary& vocabulary) {
    const size_t specials = b ? (layout.doubleSeparator ? 4 : 3) : 2;
    Encoding encoding;
    encoding.untruncatedLength = truncateLongestFirst(a, b, specials, maxLength);
    std::vector<int32_t>& ids = encoding.inputIds;
    ids.reserve(a.size() + (b ? b->size() : 0) + specials);
    ids.push_back(layout.cls);
    ids.insert(ids.end(), a.begin(), a.end());
    ids.push_back(layout.sep);
    encoding.tokenTypeIds.assign(ids.size(), 0);
    if (b) {
        if (layout.doubleSeparator) ids.push_back(layout.sep);
        ids.insert(ids.end(), b->begin(), b->end());
        ids.push_back(layout.sep);
        encoding.tokenTypeIds.resize(ids.size(), layout.secondTextIsTokenTypeOne ? 1 : 0);
    }
    encoding.attentionMask.assign(ids.size(), 1);
    encoding.tokens.reserve(ids.size());
    for (int32_t id : ids) encoding.tokens.push_back(vocabulary.token(id));
    return encoding;
}

}  // namespace bertbench
