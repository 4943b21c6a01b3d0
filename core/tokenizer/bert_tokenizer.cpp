// Special-token splitting, [CLS]/[SEP] assembly with longest_first truncation,
// and decoding, following transformers 4.29.2's PreTrainedTokenizer paths.
#include "tokenizer/bert_tokenizer.h"

#include <array>
#include <utility>

#include "common/atomic_file.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "tokenizer/decode_cleanup.h"
#include "tokenizer/sequence_assembly.h"
#include "tokenizer/unicode_text.h"

namespace bertbench {
namespace {

// HF all_special_tokens for BERT, in its order.
constexpr std::array<std::string_view, 5> kSpecialTokens = {"[UNK]", "[SEP]", "[PAD]", "[CLS]", "[MASK]"};

int32_t requireToken(const Vocabulary& vocab, std::string_view token) {
    if (auto id = vocab.find(token)) return *id;
    const std::string problem = "vocabulary has no " + std::string(token) + " token";
    if (vocab.sourcePath().empty()) throw UsageError(problem);
    throw FileError(vocab.sourcePath(), problem);
}

bool resolveStripAccents(const TokenizerOptions& options) {
    // BasicTokenizer: lower-casing strips accents unless strip_accents is False;
    // without lower-casing only an explicit strip_accents=True strips.
    return options.lowercase ? options.stripAccents.value_or(true) : options.stripAccents.value_or(false);
}

}  // namespace

BertTokenizer::BertTokenizer(Vocabulary vocab, TokenizerOptions options)
    : vocab_(std::move(vocab)),
      options_(options),
      unkId_(requireToken(vocab_, "[UNK]")),
      clsId_(requireToken(vocab_, "[CLS]")),
      sepId_(requireToken(vocab_, "[SEP]")),
      padId_(requireToken(vocab_, "[PAD]")),
      maskId_(requireToken(vocab_, "[MASK]")),
      basic_(options.lowercase, resolveStripAccents(options), options.tokenizeChineseChars,
             std::vector<std::string>(kSpecialTokens.begin(), kSpecialTokens.end())),
      wordpiece_(vocab_, unkId_, options.maxInputCharsPerWord) {}

BertTokenizer BertTokenizer::fromFile(const std::string& vocabPath, TokenizerOptions options) {
    return BertTokenizer(Vocabulary::fromFile(vocabPath), options);
}

// HF's tokens_trie splits the raw text at the leftmost special token; no special
// token is a prefix of another, so the leftmost match is the only candidate.
// (HF also strips whitespace next to a special token, which changes nothing
// here because BasicTokenizer splits on that whitespace anyway.)
void BertTokenizer::appendIds(std::string_view text, std::vector<int32_t>& ids) const {
    thread_local WordList words;
    auto tokenizeSegment = [&](std::string_view segment) {
        if (segment.empty()) return;
        words.clear();
        basic_.split(segment, words);
        for (size_t i = 0; i < words.size(); ++i) wordpiece_.appendIds(vocab_, words[i], ids);
    };
    size_t segmentStart = 0;
    for (size_t pos = text.find('['); pos != std::string_view::npos; pos = text.find('[', pos)) {
        std::string_view match;
        for (std::string_view special : kSpecialTokens)
            if (text.compare(pos, special.size(), special) == 0) match = special;
        if (match.empty()) {
            ++pos;
            continue;
        }
        tokenizeSegment(text.substr(segmentStart, pos - segmentStart));
        ids.push_back(*vocab_.find(match));
        pos += match.size();
        segmentStart = pos;
    }
    tokenizeSegment(text.substr(segmentStart));
}

std::vector<int32_t> BertTokenizer::tokenizeToIds(std::string_view text) const {
    std::vector<int32_t> ids;
    appendIds(text, ids);
    return ids;
}

std::vector<std::string> BertTokenizer::tokenize(std::string_view text) const {
    std::vector<std::string> tokens;
    for (int32_t id : tokenizeToIds(text)) tokens.push_back(vocab_.token(id));
    return tokens;
}

Encoding BertTokenizer::encode(std::string_view text, size_t maxLength) const {
    return assemble(tokenizeToIds(text), std::nullopt, maxLength);
}

Encoding BertTokenizer::encodePair(std::string_view a, std::string_view b, size_t maxLength) const {
    return assemble(tokenizeToIds(a), tokenizeToIds(b), maxLength);
}

Encoding BertTokenizer::assemble(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, size_t maxLength) const {
    return assembleEncoding(std::move(a), std::move(b), SequenceTemplate{clsId_, sepId_, /*doubleSeparator=*/false, /*secondTextIsTokenTypeOne=*/true}, maxLength, vocab_);
}

bool BertTokenizer::isSpecialId(int32_t id) const {
    return id == unkId_ || id == sepId_ || id == padId_ || id == clsId_ || id == maskId_;
}

// _decode -> convert_tokens_to_string (" ".join, drop " ##", strip) ->
// clean_up_tokenization. BERT's special tokens are in the vocabulary, so there
// are no added tokens and the whole sequence is one sub-text.
std::string BertTokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const {
    static const std::string kUnknown = "[UNK]";
    std::string text;
    bool first = true;
    for (int32_t id : ids) {
        if (skipSpecialTokens && isSpecialId(id)) continue;
        const bool known = id >= 0 && static_cast<size_t>(id) < vocab_.size();
        if (!first) text.push_back(' ');
        text += known ? vocab_.tokens()[static_cast<size_t>(id)] : kUnknown;
        first = false;
    }
    replaceAll(text, " ##", "");
    text = stripPythonSpace(text);
    cleanUpTokenization(text);
    return text;
}

// What BertTokenizer.save_pretrained writes in transformers 4.29.2.
void BertTokenizer::writeFiles(const std::string& dir, int64_t modelMaxLength) const {
    std::string vocab;
    for (const auto& token : vocab_.tokens()) vocab += token + "\n";
    writeTextFileAtomically(dir + "/vocab.txt", vocab);

    nlohmann::json special = {{"cls_token", "[CLS]"}, {"mask_token", "[MASK]"}, {"pad_token", "[PAD]"},
                              {"sep_token", "[SEP]"}, {"unk_token", "[UNK]"}};
    nlohmann::json config = special;
    config["clean_up_tokenization_spaces"] = true;
    config["do_basic_tokenize"] = true;
    config["do_lower_case"] = options_.lowercase;
    config["never_split"] = nullptr;
    config["strip_accents"] = options_.stripAccents ? nlohmann::json(*options_.stripAccents) : nlohmann::json();
    config["tokenize_chinese_chars"] = options_.tokenizeChineseChars;
    config["tokenizer_class"] = "BertTokenizer";
    if (modelMaxLength > 0) config["model_max_length"] = modelMaxLength;
    writeJsonFile(dir + "/tokenizer_config.json", config);
    writeJsonFile(dir + "/special_tokens_map.json", special);
}

}  // namespace bertbench
