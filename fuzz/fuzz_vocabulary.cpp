// vocab.txt: read as a vocabulary, made a tokenizer (which needs the special
// tokens) and used on a short text.
#include "fuzz_input.h"

#include "common/errors.h"
#include "tokenizer/bert_tokenizer.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "vocab.txt");
    try {
        auto vocabulary = Vocabulary::fromFile(path);
        for (size_t id = 0; id < vocabulary.size(); ++id)
            if (!vocabulary.find(vocabulary.token(int32_t(id)))) __builtin_trap();  // every line is found
        const BertTokenizer tokenizer(std::move(vocabulary), {});
        const auto encoding = tokenizer.encode("The quick brown fox jumped.", 16);
        if (encoding.inputIds.size() > 16) __builtin_trap();
        tokenizer.decode(encoding.inputIds);
    } catch (const Error&) {
    }
    return 0;
}
