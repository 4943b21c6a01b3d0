// tokenizer.json: read with readTokenizerJson (WordPiece or byte-level BPE),
// then used on a text pair with truncation and decoded.
#include "fuzz_input.h"

#include "common/errors.h"
#include "tokenizer/tokenizer_json.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "tokenizer.json");
    try {
        const auto tokenizer = readTokenizerJson(path);
        const auto encoding =
            tokenizer->encodePair("The quick <mask> [MASK] fox, don't\tjump!", "  \xe6\x9d\xb1 </s> [SEP]", 24);
        if (encoding.inputIds.size() > 24) __builtin_trap();
        for (int32_t id : encoding.inputIds)
            if (id < 0 || size_t(id) >= tokenizer->vocabulary().size()) __builtin_trap();
        tokenizer->decode(encoding.inputIds, false);
        tokenizer->decode(encoding.inputIds, true);
    } catch (const Error&) {
    }
    return 0;
}
