#include "checkpoint/tokenizer_files.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "common/strings.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/byte_level_bpe_tokenizer.h"
#include "tokenizer/tokenizer_json.h"

#include <filesystem>

namespace bertbench {

namespace {

namespace fs = std::filesystem;

// Very large values ("unbounded", 1e30 in many hub configs) mean no limit.
int64_t readMaxLength(const nlohmann::json& config) {
    auto it = config.find("model_max_length");
    if (it == config.end() || !it->is_number()) return 0;
    const double value = it->get<double>();
    return value > 0 && value < 1e9 ? static_cast<int64_t>(value) : 0;
}

nlohmann::json readTokenizerConfig(const std::string& path) {
    if (!fs::exists(path)) return nlohmann::json::object();
    auto config = readJsonFile(path);
    if (!config.is_object()) throw FileError(path, "must be a JSON object");
    return config;
}

// transformers' BertTokenizer options from tokenizer_config.json.
TokenizerOptions wordPieceOptions(const nlohmann::json& config, const std::string& path) {
    TokenizerOptions options;
    try {
        if (config.contains("do_lower_case")) options.lowercase = config["do_lower_case"].get<bool>();
        if (config.contains("strip_accents") && !config["strip_accents"].is_null())
            options.stripAccents = config["strip_accents"].get<bool>();
        if (config.contains("tokenize_chinese_chars"))
            options.tokenizeChineseChars = config["tokenize_chinese_chars"].get<bool>();
    } catch (const nlohmann::json::exception& e) {
        throw FileError(path, std::string("a field has the wrong type: ") + e.what());
    }
    return options;
}

enum class Kind { WordPiece, ByteLevelBpe, TokenizerJson };

Kind kindOfFolder(const std::string& dir, const nlohmann::json& config) {
    const std::string tokenizerClass = config.value("tokenizer_class", std::string());
    if (startsWith(tokenizerClass, "Bert") || startsWith(tokenizerClass, "DistilBert")) return Kind::WordPiece;
    if (startsWith(tokenizerClass, "Roberta") || startsWith(tokenizerClass, "GPT2")) {
        // A folder with only the fast tokenizer's file still names the slow class.
        if (!fs::exists(dir + "/vocab.json") && fs::exists(dir + "/tokenizer.json")) return Kind::TokenizerJson;
        return Kind::ByteLevelBpe;
    }
    if (fs::exists(dir + "/vocab.txt")) return Kind::WordPiece;
    if (fs::exists(dir + "/vocab.json")) return Kind::ByteLevelBpe;
    if (fs::exists(dir + "/tokenizer.json")) return Kind::TokenizerJson;
    throw FileError(dir, "has no tokenizer: expected vocab.txt (BERT, DistilBERT), vocab.json and merges.txt "
                         "(RoBERTa), or tokenizer.json");
}

}  // namespace

FolderTokenizer readFolderTokenizer(const std::string& dir) {
    const std::string configPath = dir + "/tokenizer_config.json";
    const auto config = readTokenizerConfig(configPath);
    FolderTokenizer result;
    result.modelMaxLength = readMaxLength(config);
    switch (kindOfFolder(dir, config)) {
    case Kind::WordPiece: {
        result.vocabularyPath = dir + "/vocab.txt";
        if (!fs::exists(result.vocabularyPath))
            throw FileError(result.vocabularyPath,
                            "missing: the model folder has no vocab.txt, so its text cannot be tokenized");
        result.tokenizer = std::make_shared<BertTokenizer>(
            BertTokenizer::fromFile(result.vocabularyPath, wordPieceOptions(config, configPath)));
        break;
    }
    case Kind::ByteLevelBpe:
        result.vocabularyPath = dir + "/vocab.json";
        result.tokenizer = std::make_shared<ByteLevelBpeTokenizer>(ByteLevelBpeTokenizer::fromFolder(dir));
        break;
    case Kind::TokenizerJson:
        result.vocabularyPath = dir + "/tokenizer.json";
        result.tokenizer = readTokenizerJson(result.vocabularyPath);
        break;
    }
    return result;
}

std::shared_ptr<const Tokenizer> tokenizerForNewModel(const std::string& path, bool lowercase) {
    if (fs::is_directory(path)) return readFolderTokenizer(path).tokenizer;
    TokenizerOptions options;
    options.lowercase = lowercase;
    return std::make_shared<BertTokenizer>(BertTokenizer::fromFile(path, options));
}

}  // namespace bertbench
