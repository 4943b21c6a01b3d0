// The fields read are those tokenizers 0.13 writes (transformers 4.29's
// convert_slow_tokenizer output): model.{type, vocab, merges, unk_token,
// continuing_subword_prefix, max_input_chars_per_word, dropout,
// end_of_word_suffix}, normalizer, pre_tokenizer, post_processor and
// added_tokens. Offsets, truncation, padding and the decoder do not change ids
// and are not read.
#include "tokenizer/tokenizer_json.h"

#include <algorithm>
#include <array>
#include <limits>
#include <optional>
#include <utility>
#include <vector>

#include "common/errors.h"
#include "common/json_file.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/bpe_merges.h"
#include "tokenizer/byte_level_bpe_tokenizer.h"
#include "tokenizer/vocab_json.h"

namespace bertbench {
namespace {

using nlohmann::json;

constexpr const char* kSupported =
    "supported: \"WordPiece\" (BERT) and \"BPE\" with the ByteLevel pre-tokenizer (RoBERTa)";

// The member, or nullptr where it is absent or null.
const json* member(const json& object, const char* key) {
    if (!object.is_object()) return nullptr;
    const auto it = object.find(key);
    return it == object.end() || it->is_null() ? nullptr : &*it;
}

std::string typeOf(const json* component) {
    const json* type = component ? member(*component, "type") : nullptr;
    return type && type->is_string() ? type->get<std::string>() : std::string();
}

// A component's name for messages: its type, or what it is when it has none.
std::string describe(const json* component) {
    if (!component) return "null";
    const std::string type = typeOf(component);
    return type.empty() ? jsonText(*component, 80) : "\"" + type + "\"";
}

std::optional<bool> optionalBool(const json& object, const char* key, const std::string& path,
                                 const std::string& where) {
    const json* value = member(object, key);
    if (!value) return std::nullopt;
    if (!value->is_boolean())
        throw FileError(path, where + "." + key + " must be true or false, not " + jsonText(*value));
    return value->get<bool>();
}

std::optional<std::string> optionalString(const json& object, const char* key, const std::string& path,
                                          const std::string& where) {
    const json* value = member(object, key);
    if (!value) return std::nullopt;
    if (!value->is_string()) throw FileError(path, where + "." + key + " must be a string, not " + jsonText(*value));
    return value->get<std::string>();
}

// A Sequence of exactly one component stands for that component.
const json* unwrapSequence(const json* component, const char* listKey) {
    if (typeOf(component) != "Sequence") return component;
    const json* list = member(*component, listKey);
    if (list && list->is_array() && list->size() == 1) return &(*list)[0];
    return component;
}

bool isEmptySequence(const json* component, const char* listKey) {
    if (typeOf(component) != "Sequence") return false;
    const json* list = member(*component, listKey);
    return list && list->is_array() && list->empty();
}

struct AddedEntry {
    int64_t id;
    AddedToken token;
    bool special;
};

std::vector<AddedEntry> addedTokens(const json& root, const std::string& path) {
    const json* list = member(root, "added_tokens");
    if (!list) return {};
    if (!list->is_array()) throw FileError(path, "added_tokens must be a list");
    std::vector<AddedEntry> entries;
    for (size_t i = 0; i < list->size(); ++i) {
        const json& entry = (*list)[i];
        const std::string where = "added_tokens[" + std::to_string(i) + "]";
        const json* idValue = member(entry, "id");
        const auto id = idValue ? jsonInteger(*idValue) : std::nullopt;
        const auto content = optionalString(entry, "content", path, where);
        if (!entry.is_object() || !id || !content || content->empty())
            throw FileError(path, where + " needs an integer \"id\" and a non-empty \"content\": " + jsonText(entry));
        entries.push_back({*id,
                           {*content, optionalBool(entry, "lstrip", path, where).value_or(false),
                            optionalBool(entry, "rstrip", path, where).value_or(false)},
                           optionalBool(entry, "special", path, where).value_or(false)});
    }
    return entries;
}

// One element of a TemplateProcessing template as "SpecialToken <s> 0" or "Sequence A 1".
std::string templatePiece(const json& piece) {
    for (const char* kind : {"SpecialToken", "Sequence"}) {
        const json* body = member(piece, kind);
        if (!body) continue;
        const json* id = member(*body, "id");
        const json* typeId = member(*body, "type_id");
        if (!id || !id->is_string() || !typeId || !jsonInteger(*typeId)) break;
        return std::string(kind) + " " + id->get<std::string>() + " " + std::to_string(*jsonInteger(*typeId));
    }
    return "?";
}

// The special tokens a post-processor puts around the texts, checked against
// what the tokenizer will do: BERT's [CLS] A [SEP] (B [SEP], type 1), or
// RoBERTa's <s> A </s></s> B </s> (types 0).
std::pair<std::string, std::string> clsAndSep(const json& root, const std::string& path, bool roberta) {
    const json* processor = member(root, "post_processor");
    const std::string type = typeOf(processor);
    const std::string expected = roberta ? "RobertaProcessing" : "BertProcessing";
    if (type == expected) {
        std::array<std::string, 2> names;
        const char* keys[] = {"cls", "sep"};
        for (size_t i = 0; i < 2; ++i) {
            const json* pair = member(*processor, keys[i]);
            if (!pair || !pair->is_array() || pair->empty() || !(*pair)[0].is_string())
                throw FileError(path, "post_processor." + std::string(keys[i]) + " must be [token, id]");
            names[i] = (*pair)[0].get<std::string>();
        }
        return {names[0], names[1]};
    }
    if (type == "TemplateProcessing") {
        const json* single = member(*processor, "single");
        const json* pair = member(*processor, "pair");
        if (single && single->is_array() && single->size() == 3 && pair && pair->is_array()) {
            const std::string first = templatePiece((*single)[0]), last = templatePiece((*single)[2]);
            const std::string cls = first.substr(0, first.rfind(' ')), sep = last.substr(0, last.rfind(' '));
            const std::string clsName = cls.substr(cls.find(' ') + 1), sepName = sep.substr(sep.find(' ') + 1);
            std::vector<std::string> wantSingle = {cls + " 0", "Sequence A 0", sep + " 0"};
            std::vector<std::string> wantPair =
                roberta ? std::vector<std::string>{cls + " 0", "Sequence A 0", sep + " 0", sep + " 0", "Sequence B 0",
                                                   sep + " 0"}
                        : std::vector<std::string>{cls + " 0", "Sequence A 0", sep + " 0", "Sequence B 1", sep + " 1"};
            std::vector<std::string> gotSingle, gotPair;
            for (const json& piece : *single) gotSingle.push_back(templatePiece(piece));
            for (const json& piece : *pair) gotPair.push_back(templatePiece(piece));
            if (first.rfind("SpecialToken ", 0) == 0 && last.rfind("SpecialToken ", 0) == 0 &&
                gotSingle == wantSingle && gotPair == wantPair)
                return {clsName, sepName};
        }
        throw FileError(path, std::string("post_processor TemplateProcessing does not put the special tokens "
                                          "where ") + (roberta ? "RoBERTa (<s> A </s></s> B </s>)" :
                                          "BERT ([CLS] A [SEP] B [SEP])") + " does, which is all that is supported");
    }
    throw FileError(path, "post_processor " + describe(processor) + " is not supported with this model: expected " +
                              expected + " or a TemplateProcessing of the same shape");
}

std::shared_ptr<const Tokenizer> wordPiece(const json& root, const json& model, const std::string& path) {
    Vocabulary vocab = vocabularyFromJson(model.contains("vocab") ? model["vocab"] : json(), path, "model.vocab");
    if (optionalString(model, "unk_token", path, "model").value_or("[UNK]") != "[UNK]")
        throw FileError(path, "model.unk_token must be \"[UNK]\": BERT's special tokens are fixed");
    if (optionalString(model, "continuing_subword_prefix", path, "model").value_or("##") != "##")
        throw FileError(path, "model.continuing_subword_prefix must be \"##\"");
    TokenizerOptions options;
    if (const json* maxChars = member(model, "max_input_chars_per_word")) {
        const auto value = jsonInteger(*maxChars);
        if (!value || *value <= 0 || *value > std::numeric_limits<int>::max())
            throw FileError(path, "model.max_input_chars_per_word must be a positive integer, not " +
                                      jsonText(*maxChars));
        options.maxInputCharsPerWord = int(*value);
    }

    const json* normalizer = unwrapSequence(member(root, "normalizer"), "normalizers");
    if (typeOf(normalizer) != "BertNormalizer")
        throw FileError(path, "normalizer " + describe(normalizer) +
                                  " is not supported with WordPiece: only BertNormalizer, which is what "
                                  "BertTokenizer does");
    if (!optionalBool(*normalizer, "clean_text", path, "normalizer").value_or(true))
        throw FileError(path, "normalizer.clean_text false cannot be honoured: BertTokenizer always cleans text");
    options.lowercase = optionalBool(*normalizer, "lowercase", path, "normalizer").value_or(true);
    options.stripAccents = optionalBool(*normalizer, "strip_accents", path, "normalizer");
    options.tokenizeChineseChars = optionalBool(*normalizer, "handle_chinese_chars", path, "normalizer").value_or(true);

    const json* preTokenizer = unwrapSequence(member(root, "pre_tokenizer"), "pretokenizers");
    if (typeOf(preTokenizer) != "BertPreTokenizer")
        throw FileError(path, "pre_tokenizer " + describe(preTokenizer) +
                                  " is not supported with WordPiece: only BertPreTokenizer");

    const auto [cls, sep] = clsAndSep(root, path, /*roberta=*/false);
    if (cls != "[CLS]" || sep != "[SEP]")
        throw FileError(path, "post_processor uses " + cls + " and " + sep + "; BERT's are [CLS] and [SEP]");
    const std::array<std::string, 5> specials = {"[UNK]", "[CLS]", "[SEP]", "[PAD]", "[MASK]"};
    for (const std::string& special : specials)
        if (!vocab.find(special)) throw FileError(path, "vocabulary has no " + special + " token");
    for (const AddedEntry& added : addedTokens(root, path)) {
        const auto id = vocab.find(added.token.content);
        const bool bertSpecial = std::find(specials.begin(), specials.end(), added.token.content) != specials.end();
        if (!id || *id != added.id || !bertSpecial)
            throw FileError(path, "added token " + jsonText(added.token.content) + " (id " +
                                      std::to_string(added.id) +
                                      ") cannot be honoured: with WordPiece only [UNK] [CLS] [SEP] [PAD] [MASK], "
                                      "at their vocabulary ids, are supported");
    }
    return std::make_shared<BertTokenizer>(std::move(vocab), options);
}

std::vector<BpeMerges::Pair> mergePairs(const json& model, const std::string& path) {
    const json* merges = member(model, "merges");
    if (!merges || !merges->is_array()) throw FileError(path, "model.merges must be a list");
    std::vector<BpeMerges::Pair> pairs;
    pairs.reserve(merges->size());
    for (size_t i = 0; i < merges->size(); ++i) {
        const json& merge = (*merges)[i];
        if (merge.is_string()) {  // "a b", split at the one space as tokenizers does
            const std::string text = merge.get<std::string>();
            const size_t space = text.find(' ');
            if (space != std::string::npos && text.find(' ', space + 1) == std::string::npos) {
                pairs.emplace_back(text.substr(0, space), text.substr(space + 1));
                continue;
            }
        } else if (merge.is_array() && merge.size() == 2 && merge[0].is_string() && merge[1].is_string()) {
            pairs.emplace_back(merge[0].get<std::string>(), merge[1].get<std::string>());
            continue;
        }
        throw FileError(path, "model.merges[" + std::to_string(i) + "] must be \"first second\" or [first, second], "
                                  "not " + jsonText(merge));
    }
    return pairs;
}

std::shared_ptr<const Tokenizer> byteLevelBpe(const json& root, const json& model, const std::string& path) {
    const json* preTokenizer = unwrapSequence(member(root, "pre_tokenizer"), "pretokenizers");
    if (typeOf(preTokenizer) != "ByteLevel")
        throw FileError(path, "model \"BPE\" with pre_tokenizer " + describe(preTokenizer) +
                                  " is not supported; " + kSupported);
    if (!optionalBool(*preTokenizer, "use_regex", path, "pre_tokenizer").value_or(true))
        throw FileError(path, "pre_tokenizer.use_regex false is not supported: RoBERTa splits with GPT-2's pattern");
    const json* normalizer = member(root, "normalizer");
    if (normalizer && !isEmptySequence(normalizer, "normalizers"))
        throw FileError(path, "normalizer " + describe(normalizer) +
                                  " is not supported with byte-level BPE, which reads the text as it is");
    if (const json* dropout = member(model, "dropout"); dropout && !(dropout->is_number() && *dropout == 0))
        throw FileError(path, "model.dropout " + jsonText(*dropout) + " is not supported: it makes tokenizing random");
    for (const char* affix : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (!optionalString(model, affix, path, "model").value_or("").empty())
            throw FileError(path, std::string("model.") + affix + " is not supported with byte-level BPE");

    Vocabulary modelVocab =
        vocabularyFromJson(model.contains("vocab") ? model["vocab"] : json(), path, "model.vocab");
    BpeMerges merges = BpeMerges::fromPairs(mergePairs(model, path), path);

    ByteLevelBpeOptions options;
    options.addPrefixSpace = optionalBool(*preTokenizer, "add_prefix_space", path, "pre_tokenizer").value_or(true);
    const auto [cls, sep] = clsAndSep(root, path, /*roberta=*/true);
    options.cls.content = options.bos.content = cls;
    options.sep.content = options.eos.content = sep;
    if (auto unk = optionalString(model, "unk_token", path, "model")) options.unk.content = *unk;

    // Added tokens: their flags, and those outside the model's vocabulary appended in id order.
    std::vector<AddedEntry> entries = addedTokens(root, path);
    std::sort(entries.begin(), entries.end(), [](const AddedEntry& a, const AddedEntry& b) { return a.id < b.id; });
    AddedToken* roles[] = {&options.bos, &options.eos, &options.unk, &options.sep,
                           &options.pad, &options.cls, &options.mask};
    for (const AddedEntry& entry : entries) {
        const auto known = modelVocab.find(entry.token.content);
        if (known && *known != entry.id)
            throw FileError(path, "added token " + jsonText(entry.token.content) + " has id " +
                                      std::to_string(entry.id) + " but model.vocab gives it " +
                                      std::to_string(*known));
        if (!known) {
            const int64_t expected = int64_t(modelVocab.size() + options.addedTokens.size());
            if (entry.id != expected)
                throw FileError(path, "added token " + jsonText(entry.token.content) + " has id " +
                                          std::to_string(entry.id) + " but should have " + std::to_string(expected) +
                                          ": added tokens continue the vocabulary's ids without a gap");
            options.addedTokens.push_back(entry.token);
        }
        bool isRole = false;
        for (AddedToken* role : roles)
            if (role->content == entry.token.content) {
                *role = entry.token;
                isRole = true;
            }
        if (entry.special && !isRole) options.additionalSpecialTokens.push_back(entry.token);
        // A token that is neither special nor outside the vocabulary is left to BPE, which
        // the slow tokenizer's files could not record either.
    }
    return std::make_shared<ByteLevelBpeTokenizer>(modelVocab, std::move(merges), std::move(options), path);
}

}  // namespace

std::shared_ptr<const Tokenizer> readTokenizerJson(const std::string& path) {
    const json root = readJsonFile(path);
    if (!root.is_object()) throw FileError(path, "must be a JSON object");
    const json* model = member(root, "model");
    if (!model || !model->is_object()) throw FileError(path, "has no \"model\" object");
    std::string type = typeOf(model);
    if (type.empty() && !member(*model, "type")) {  // files from before tokenizers wrote the type
        if (member(*model, "merges"))
            type = "BPE";
        else if (member(*model, "continuing_subword_prefix") && member(*model, "max_input_chars_per_word"))
            type = "WordPiece";
    }
    if (type == "WordPiece") return wordPiece(root, *model, path);
    if (type == "BPE") return byteLevelBpe(root, *model, path);
    throw FileError(path, "model type " + (type.empty() ? describe(member(*model, "type")) : "\"" + type + "\"") +
                              " is not supported; " + kSupported);
}

}  // namespace bertbench
