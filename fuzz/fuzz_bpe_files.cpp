// A RoBERTa model folder's tokenizer files: the input, split at '\0', becomes
// vocab.json, merges.txt, tokenizer_config.json, special_tokens_map.json and
// added_tokens.json (a leading byte says which of them exist), read with
// ByteLevelBpeTokenizer::fromFolder and used on a text pair; a tokenizer that
// reads must write its files back and read them again into the same ids.
#include "fuzz_input.h"

#include "common/errors.h"
#include "tokenizer/byte_level_bpe_tokenizer.h"

#include <filesystem>
#include <iterator>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    static const char* const names[] = {"vocab.json", "merges.txt", "tokenizer_config.json",
                                        "special_tokens_map.json", "added_tokens.json"};
    static const std::string folder = fuzz::scratchFolder() + "/bpe-folder";
    static const std::string written = fuzz::scratchFolder() + "/bpe-written";
    std::filesystem::create_directories(folder);
    std::filesystem::create_directories(written);

    fuzz::InputBytes input(data, size);
    const uint8_t present = input.takeByte();
    for (size_t i = 0; i < std::size(names); ++i) {
        const auto part = input.takePart();
        std::error_code ignored;
        std::filesystem::remove_all(folder + "/" + names[i], ignored);
        if (present & (1u << i)) fuzz::writeInput(part, std::string("bpe-folder/") + names[i]);
    }
    try {
        const auto tokenizer = ByteLevelBpeTokenizer::fromFolder(folder);
        const auto encoding = tokenizer.encodePair("The quick <mask> fox, don't\tjump!", "  \xe6\x9d\xb1 </s>", 24);
        if (encoding.inputIds.size() > 24) __builtin_trap();
        for (int32_t id : encoding.inputIds)
            if (id < 0 || size_t(id) >= tokenizer.vocabulary().size()) __builtin_trap();
        tokenizer.decode(encoding.inputIds, false);
        tokenizer.decode(encoding.inputIds, true);

        for (const char* name : names) std::filesystem::remove(written + "/" + name);
        tokenizer.writeFiles(written, 0);
        const auto reread = ByteLevelBpeTokenizer::fromFolder(written);
        if (reread.encodePair("The quick <mask> fox, don't\tjump!", "  \xe6\x9d\xb1 </s>", 24).inputIds !=
            encoding.inputIds)
            __builtin_trap();  // what writeFiles wrote must read back into the same tokenizer
    } catch (const Error&) {
    }
    return 0;
}
