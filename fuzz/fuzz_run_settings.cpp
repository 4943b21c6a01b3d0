// A run folder's settings.json as --resume reads it: the saved options compared
// with a request's, and the saved data hashes with the current ones.
#include "fuzz_input.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "training/resume_check.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const std::string file = "settings.json";
    const nlohmann::json now = {{"data", {{"train", "train.tsv"}, {"train_hash", "0123456789abcdef"},
                                          {"validation_hash", nullptr}, {"test_hash", nullptr}}}};
    try {
        const auto saved = parseJsonText(std::string_view(reinterpret_cast<const char*>(data), size), file);
        resumeDifferences(saved, TrainingOptions{}, now, file);
        // What the CLI does with --resume --options settings.json.
        if (saved.is_object() && saved.contains("options")) TrainingOptions::fromJson(saved.at("options")).toJson();
    } catch (const Error&) {
    }
    return 0;
}
