#include "tokenizer/roberta_folder_files.h"

#include <algorithm>
#include <array>
#include <filesystem>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/json_file.h"

namespace bertbench {
namespace {

using nlohmann::json;
namespace fs = std::filesystem;

// transformers' SPECIAL_TOKENS_ATTRIBUTES order, less additional_special_tokens.
constexpr std::array<const char*, 7> kRoleKeys = {"bos_token", "eos_token", "unk_token", "sep_token",
                                                  "pad_token", "cls_token", "mask_token"};
constexpr size_t kMask = 6;

// One special token attribute as transformers holds it after loading.
struct SpecialValue {
    AddedToken token;
    bool present = true;      // false: None
    bool addedToken = true;   // false: a plain str, which strips both sides
    std::string setBy;        // the file that gave this value; empty for the default
};

json objectFile(const std::string& path) {
    json value = readJsonFile(path);
    if (!value.is_object()) throw FileError(path, "must be a JSON object");
    return value;
}

bool flag(const json& object, const char* key, const std::string& path, const std::string& where) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return false;
    if (!it->is_boolean()) throw FileError(path, where + "." + key + " must be true or false, not " + jsonText(*it));
    return it->get<bool>();
}

// A string (wrapped as an AddedToken when `wrapStrings`, as RobertaTokenizer's
// constructor does), an AddedToken object, or null.
SpecialValue specialValue(const json& value, const std::string& path, const std::string& key, bool wrapStrings,
                          bool lstripWhenWrapped) {
    SpecialValue special;
    special.setBy = path;
    if (value.is_null()) {
        special.present = false;
    } else if (value.is_string()) {
        special.token = {value.get<std::string>(), wrapStrings && lstripWhenWrapped, false};
        special.addedToken = wrapStrings;
    } else if (value.is_object()) {
        const auto content = value.find("content");
        if (content == value.end() || !content->is_string())
            throw FileError(path, key + " has no \"content\" string: " + jsonText(value));
        special.token = {content->get<std::string>(), flag(value, "lstrip", path, key),
                         flag(value, "rstrip", path, key)};
    } else {
        throw FileError(path, key + " must be a string, an AddedToken object or null, not " + jsonText(value));
    }
    return special;
}

std::vector<SpecialValue> specialList(const json& value, const std::string& path) {
    if (value.is_null()) return {};
    if (!value.is_array())
        throw FileError(path, "additional_special_tokens must be a list, not " + jsonText(value));
    std::vector<SpecialValue> list;
    for (size_t i = 0; i < value.size(); ++i) {
        SpecialValue special =
            specialValue(value[i], path, "additional_special_tokens[" + std::to_string(i) + "]", false, false);
        if (special.present) list.push_back(std::move(special));
    }
    return list;
}

struct Specials {
    std::array<SpecialValue, kRoleKeys.size()> roles;
    std::vector<SpecialValue> additional;

    Specials() {
        const char* defaults[] = {"<s>", "</s>", "<unk>", "</s>", "<pad>", "<s>", "<mask>"};
        for (size_t i = 0; i < roles.size(); ++i) roles[i].token = {defaults[i], i == kMask, false};
    }

    void read(const json& file, const std::string& path, bool wrapStrings) {
        for (size_t i = 0; i < roles.size(); ++i)
            if (const auto it = file.find(kRoleKeys[i]); it != file.end())
                roles[i] = specialValue(*it, path, kRoleKeys[i], wrapStrings, i == kMask);
        // RobertaTokenizer's constructor wraps only the roles: these strings stay plain.
        if (const auto it = file.find("additional_special_tokens"); it != file.end())
            additional = specialList(*it, path);
    }

    // tokenize()'s rule: a token's flags are those of the last AddedToken holding
    // it (all_special_tokens_extended order); with none, it strips both sides.
    void resolveFlags() {
        std::vector<SpecialValue*> all;
        for (auto& role : roles)
            if (role.present) all.push_back(&role);
        for (auto& extra : additional) all.push_back(&extra);
        for (SpecialValue* value : all) {
            std::pair<bool, bool> flags = {true, true};
            for (const SpecialValue* other : all)
                if (other->addedToken && other->token.content == value->token.content)
                    flags = {other->token.lstrip, other->token.rstrip};
            value->token.lstrip = flags.first;
            value->token.rstrip = flags.second;
        }
    }
};

std::vector<AddedToken> readAddedTokens(const std::string& path, const Vocabulary& modelVocab) {
    const json file = objectFile(path);
    std::vector<std::pair<int64_t, std::string>> byId;
    for (const auto& [token, value] : file.items()) {
        const auto id = jsonInteger(value);
        if (!id) throw FileError(path, "the id of " + jsonText(token) + " is " + jsonText(value) + ", not an integer");
        if (token.empty()) throw FileError(path, "an added token is the empty string");
        if (const auto known = modelVocab.find(token))
            throw FileError(path, jsonText(token) + " is already in vocab.json (id " + std::to_string(*known) + ")");
        byId.emplace_back(*id, token);
    }
    std::sort(byId.begin(), byId.end());
    std::vector<AddedToken> added;
    for (const auto& [id, token] : byId) {
        // from_pretrained: "Non-consecutive added token ... Should have index N".
        const int64_t expected = int64_t(modelVocab.size() + added.size());
        if (id != expected)
            throw FileError(path, jsonText(token) + " has id " + std::to_string(id) + " but should have " +
                                      std::to_string(expected) + ": added tokens continue vocab.json's ids in order");
        added.push_back({token, /*lstrip=*/true, /*rstrip=*/true});
    }
    return added;
}

json addedTokenJson(const AddedToken& token, bool typed) {
    json value = json::object();
    if (typed) value["__type"] = "AddedToken";
    value["content"] = token.content;
    value["lstrip"] = token.lstrip;
    value["normalized"] = true;
    value["rstrip"] = token.rstrip;
    value["single_word"] = false;
    return value;
}

std::array<const AddedToken*, kRoleKeys.size()> roleTokens(const ByteLevelBpeOptions& options) {
    return {&options.bos, &options.eos, &options.unk, &options.sep, &options.pad, &options.cls, &options.mask};
}

}  // namespace

ByteLevelBpeOptions readRobertaFolderOptions(const std::string& dir, const Vocabulary& modelVocab) {
    const std::string configPath = dir + "/tokenizer_config.json";
    const std::string mapPath = dir + "/special_tokens_map.json";
    const std::string addedPath = dir + "/added_tokens.json";
    std::error_code error;

    ByteLevelBpeOptions options;
    Specials specials;
    if (fs::exists(configPath, error)) {
        const json config = objectFile(configPath);
        specials.read(config, configPath, /*wrapStrings=*/true);
        options.addPrefixSpace = flag(config, "add_prefix_space", configPath, "tokenizer_config");
        if (const auto it = config.find("clean_up_tokenization_spaces"); it != config.end())
            options.cleanUpTokenizationSpaces = flag(config, "clean_up_tokenization_spaces", configPath,
                                                     "tokenizer_config");  // null is None: no clean-up
        if (const auto it = config.find("errors"); it != config.end() && !(it->is_string() && *it == "replace"))
            throw FileError(configPath, "errors " + jsonText(*it) +
                                            " is not supported: bytes that are not UTF-8 always decode as U+FFFD "
                                            "(\"replace\", transformers' default)");
    }
    if (fs::exists(mapPath, error)) specials.read(objectFile(mapPath), mapPath, /*wrapStrings=*/false);
    specials.resolveFlags();

    for (size_t i = 0; i < kRoleKeys.size(); ++i) {
        const SpecialValue& role = specials.roles[i];
        const bool required = i >= 2;  // bos and eos may be None; RoBERTa's sequences use cls and sep
        if (required && (!role.present || role.token.content.empty()))
            throw FileError(role.setBy, std::string(kRoleKeys[i]) +
                                            " is missing: RoBERTa needs unk, sep, pad, cls and mask tokens");
    }
    AddedToken* targets[] = {&options.bos, &options.eos, &options.unk, &options.sep,
                             &options.pad, &options.cls, &options.mask};
    for (size_t i = 0; i < kRoleKeys.size(); ++i)
        *targets[i] = specials.roles[i].present ? specials.roles[i].token : AddedToken{};
    for (const auto& extra : specials.additional) options.additionalSpecialTokens.push_back(extra.token);
    if (fs::exists(addedPath, error)) options.addedTokens = readAddedTokens(addedPath, modelVocab);
    return options;
}

json robertaTokenizerConfig(const ByteLevelBpeOptions& options, int64_t modelMaxLength) {
    json config = json::object();
    const auto roles = roleTokens(options);
    for (size_t i = 0; i < roles.size(); ++i)
        config[kRoleKeys[i]] = roles[i]->content.empty() ? json() : addedTokenJson(*roles[i], true);
    if (!options.additionalSpecialTokens.empty()) {
        json list = json::array();
        for (const auto& token : options.additionalSpecialTokens) list.push_back(addedTokenJson(token, true));
        config["additional_special_tokens"] = list;
    }
    config["add_prefix_space"] = options.addPrefixSpace;
    config["clean_up_tokenization_spaces"] = options.cleanUpTokenizationSpaces;
    config["errors"] = "replace";
    if (modelMaxLength > 0) config["model_max_length"] = modelMaxLength;
    config["tokenizer_class"] = "RobertaTokenizer";
    return config;
}

json robertaSpecialTokensMap(const ByteLevelBpeOptions& options) {
    json map = json::object();
    const auto roles = roleTokens(options);
    for (size_t i = 0; i < roles.size(); ++i)
        if (!roles[i]->content.empty()) map[kRoleKeys[i]] = addedTokenJson(*roles[i], false);
    if (!options.additionalSpecialTokens.empty()) {
        json list = json::array();
        for (const auto& token : options.additionalSpecialTokens) list.push_back(addedTokenJson(token, false));
        map["additional_special_tokens"] = list;
    }
    return map;
}

json robertaAddedTokens(const ByteLevelBpeOptions& options, size_t modelVocabSize) {
    json added = json::object();
    for (size_t i = 0; i < options.addedTokens.size(); ++i) added[options.addedTokens[i].content] = modelVocabSize + i;
    return added;
}

}  // namespace bertbench
