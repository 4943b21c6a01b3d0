// The tokenizer on arbitrary bytes (not only UTF-8), single texts and pairs,
// each lower-casing and accent option, with and without truncation.
#include "fuzz_input.h"

#include "common/errors.h"
#include "tokenizer/bert_tokenizer.h"

#include <map>

namespace {

const bertbench::Vocabulary& uncasedVocabulary() {
    static const auto vocabulary =
        bertbench::Vocabulary::fromFile(BERTBENCH_FIXTURES_DIR "/reference/vocab/bert-base-uncased-vocab.txt");
    return vocabulary;
}

// One tokenizer per combination of options, built once: building copies the vocabulary.
const bertbench::BertTokenizer& tokenizerFor(uint8_t flags) {
    static std::map<int, bertbench::BertTokenizer> tokenizers;
    const int key = flags & 15;
    auto it = tokenizers.find(key);
    if (it == tokenizers.end()) {
        bertbench::TokenizerOptions options;
        options.lowercase = flags & 1;
        if (flags & 2) options.stripAccents = bool(flags & 4);
        options.tokenizeChineseChars = !(flags & 8);
        it = tokenizers.emplace(key, bertbench::BertTokenizer(uncasedVocabulary(), options)).first;
    }
    return it->second;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    fuzz::InputBytes input(data, size);
    const auto flags = input.takeByte();
    const size_t maxLength = (flags & 16) ? input.takeByte() : 0;
    const BertTokenizer& tokenizer = tokenizerFor(flags);
    const auto first = input.takePart();
    try {
        const auto encoding = (flags & 32) ? tokenizer.encodePair(first, input.rest(), maxLength)
                                           : tokenizer.encode(first, maxLength);
        if (maxLength >= 3 && encoding.inputIds.size() > maxLength) __builtin_trap();
        if (encoding.inputIds.size() != encoding.attentionMask.size() ||
            encoding.inputIds.size() != encoding.tokenTypeIds.size())
            __builtin_trap();
        for (const auto id : encoding.inputIds)
            if (id < 0 || size_t(id) >= uncasedVocabulary().size()) __builtin_trap();
        tokenizer.decode(encoding.inputIds, flags & 64);
        if (tokenizer.tokenizeToIds(first).size() != tokenizer.tokenize(first).size()) __builtin_trap();
    } catch (const UsageError&) {
        // maxLength below 3 where the ids do not fit, as documented.
    }
    return 0;
}
