// A model folder's tokenizer half: tokenizer_config.json (fuzzed) beside a
// valid vocab.txt, as readFolderTokenizer reads them.
#include "fuzz_input.h"

#include "checkpoint/tokenizer_files.h"
#include "common/errors.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    static const std::string folder = [] {
        const auto dir = fuzz::scratchFolder() + "/tokenizer-folder";
        std::filesystem::create_directories(dir);
        std::filesystem::copy_file(BERTBENCH_FIXTURES_DIR "/reference/tiny-bert-cola/vocab.txt", dir + "/vocab.txt",
                                   std::filesystem::copy_options::overwrite_existing);
        return dir;
    }();
    fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "tokenizer-folder/tokenizer_config.json");
    try {
        const auto read = readFolderTokenizer(folder);
        if (read.modelMaxLength < 0) __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
