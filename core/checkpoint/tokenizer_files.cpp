#include "checkpoint/tokenizer_files.h"

#include "common/atomic_file.h"
#include "common/errors.h"
#include "common/json_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>

namespace bertbench {

namespace {

// Very large values ("unbounded", 1e30 in many hub configs) mean no limit.
int64_t readMaxLength(const nlohmann::json& config) {
    auto it = config.find("model_max_length");
    if (it == config.end() || !it->is_number()) return 0;
    const double value = it->get<double>();
    return value > 0 && value < 1e9 ? static_cast<int64_t>(value) : 0;
}

}  // namespace

FolderTokenizer readFolderTokenizer(const std::string& dir) {
    const std::string vocabPath = dir + "/vocab.txt";
    if (!std::filesystem::exists(vocabPath))
        throw FileError(vocabPath, "missing: the model folder has no vocab.txt, so its text cannot be tokenized");

    TokenizerOptions options;
    int64_t maxLength = 0;
    const std::string configPath = dir + "/tokenizer_config.json";
    if (std::filesystem::exists(configPath)) {
        const auto config = readJsonFile(configPath);
        if (!config.is_object()) throw FileError(configPath, "must be a JSON object");
        try {
            if (config.contains("do_lower_case")) options.lowercase = config["do_lower_case"].get<bool>();
            if (config.contains("strip_accents") && !config["strip_accents"].is_null())
                options.stripAccents = config["strip_accents"].get<bool>();
            if (config.contains("tokenize_chinese_chars"))
                options.tokenizeChineseChars = config["tokenize_chinese_chars"].get<bool>();
        } catch (const nlohmann::json::exception& e) {
            throw FileError(configPath, std::string("a field has the wrong type: ") + e.what());
        }
        maxLength = readMaxLength(config);
    }
    return {BertTokenizer::fromFile(vocabPath, options), maxLength};
}

void writeFolderTokenizer(const std::string& dir, const BertTokenizer& tokenizer, int64_t modelMaxLength) {
    std::string vocab;
    for (const auto& token : tokenizer.vocabulary().tokens()) vocab += token + "\n";
    writeTextFileAtomically(dir + "/vocab.txt", vocab);

    const auto& options = tokenizer.options();
    nlohmann::json special = {{"cls_token", "[CLS]"}, {"mask_token", "[MASK]"}, {"pad_token", "[PAD]"},
                              {"sep_token", "[SEP]"}, {"unk_token", "[UNK]"}};
    nlohmann::json config = special;
    config["clean_up_tokenization_spaces"] = true;
    config["do_basic_tokenize"] = true;
    config["do_lower_case"] = options.lowercase;
    config["never_split"] = nullptr;
    config["strip_accents"] = options.stripAccents ? nlohmann::json(*options.stripAccents) : nlohmann::json();
    config["tokenize_chinese_chars"] = options.tokenizeChineseChars;
    config["tokenizer_class"] = "BertTokenizer";
    if (modelMaxLength > 0) config["model_max_length"] = modelMaxLength;
    writeJsonFile(dir + "/tokenizer_config.json", config);
    writeJsonFile(dir + "/special_tokens_map.json", special);
}

}  // namespace bertbench
