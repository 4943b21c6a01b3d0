// Special-token splitting, GPT-2 pre-tokenization, byte-level BPE, <s>/</s>
// assembly and decoding, following transformers 4.29.2's RobertaTokenizer and
// PreTrainedTokenizer paths.
#include "tokenizer/byte_level_bpe_tokenizer.h"

#include <algorithm>
#include <filesystem>
#include <unordered_set>
#include <utility>

#include "common/atomic_file.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "tokenizer/byte_alphabet.h"
#include "tokenizer/decode_cleanup.h"
#include "tokenizer/gpt2_pretokenizer.h"
#include "tokenizer/roberta_folder_files.h"
#include "tokenizer/sequence_assembly.h"
#include "tokenizer/unicode_text.h"
#include "tokenizer/utf8_repair.h"
#include "tokenizer/vocab_json.h"

namespace bertbench {
namespace {

[[noreturn]] void fail(const std::string& source, const std::string& problem) {
    if (source.empty()) throw UsageError(problem);
    throw FileError(source, problem);
}

// transformers' all_special_tokens_extended order: bos, eos, unk, sep, pad, cls, mask, additional.
std::vector<const AddedToken*> specialTokens(const ByteLevelBpeOptions& options) {
    std::vector<const AddedToken*> tokens = {&options.bos, &options.eos, &options.unk, &options.sep,
                                             &options.pad, &options.cls, &options.mask};
    for (const auto& token : options.additionalSpecialTokens) tokens.push_back(&token);
    return tokens;
}

Vocabulary withAddedTokens(const Vocabulary& modelVocab, const ByteLevelBpeOptions& options,
                           const std::string& source) {
    std::vector<std::string> tokens = modelVocab.tokens();
    std::unordered_set<std::string> seen;
    for (const AddedToken& added : options.addedTokens) {
        if (added.content.empty()) fail(source, "an added token is the empty string");
        if (modelVocab.find(added.content))
            fail(source, "added token " + jsonText(added.content) + " is already in the vocabulary");
        if (!seen.insert(added.content).second)
            fail(source, "added token " + jsonText(added.content) + " is listed twice");
        tokens.push_back(added.content);
    }
    return Vocabulary::fromTokens(std::move(tokens));
}

int32_t requireToken(const Vocabulary& vocab, const AddedToken& token, const char* role, const std::string& source) {
    if (token.content.empty()) fail(source, std::string("the tokenizer has no ") + role + " token");
    if (auto id = vocab.find(token.content)) return *id;
    fail(source, "vocabulary has no " + token.content + " token (" + role + ")");
}

}  // namespace

ByteLevelBpeTokenizer::ByteLevelBpeTokenizer(const Vocabulary& modelVocab, BpeMerges merges,
                                             ByteLevelBpeOptions options, const std::string& source)
    : vocab_(withAddedTokens(modelVocab, options, source)),
      modelVocabSize_(modelVocab.size()),
      merges_(std::move(merges)),
      options_(std::move(options)),
      splitter_([this] {
          // Added tokens first, so that a special token's flags override them.
          std::vector<AddedToken> noSplit = options_.addedTokens;
          for (const AddedToken* special : specialTokens(options_)) noSplit.push_back(*special);
          return noSplit;
      }()),
      unkId_(requireToken(vocab_, options_.unk, "unk", source)),
      clsId_(requireToken(vocab_, options_.cls, "cls", source)),
      sepId_(requireToken(vocab_, options_.sep, "sep", source)),
      padId_(requireToken(vocab_, options_.pad, "pad", source)),
      maskId_(requireToken(vocab_, options_.mask, "mask", source)) {
    const char* roles[] = {"bos", "eos", "unk", "sep", "pad", "cls", "mask"};
    const auto specials = specialTokens(options_);
    for (size_t i = 0; i < specials.size(); ++i) {
        if (specials[i]->content.empty()) continue;  // bos or eos set to None (the others were required above)
        specialIds_.push_back(requireToken(vocab_, *specials[i], i < 7 ? roles[i] : "additional special", source));
    }
    std::sort(specialIds_.begin(), specialIds_.end());
    for (const AddedToken& token : splitter_.tokens()) splitterIds_.push_back(*vocab_.find(token.content));
}

ByteLevelBpeTokenizer ByteLevelBpeTokenizer::fromFolder(const std::string& dir) {
    const std::string vocabPath = dir + "/vocab.json";
    const std::string mergesPath = dir + "/merges.txt";
    std::error_code error;
    if (!std::filesystem::exists(vocabPath, error))
        throw FileError(vocabPath, "missing: a byte-level BPE tokenizer needs vocab.json and merges.txt");
    Vocabulary modelVocab = readVocabJson(vocabPath);
    if (!std::filesystem::exists(mergesPath, error))
        throw FileError(mergesPath, "missing: vocab.json is a byte-level BPE vocabulary, which needs merges.txt "
                                    "beside it");
    BpeMerges merges = BpeMerges::fromFile(mergesPath);
    ByteLevelBpeOptions options = readRobertaFolderOptions(dir, modelVocab);
    return ByteLevelBpeTokenizer(modelVocab, std::move(merges), std::move(options), vocabPath);
}

// tokenize(): prepare_for_tokenization's prefix space, the added-token split,
// then _tokenize() on each text segment: GPT-2 words, byte alphabet, BPE; then
// convert_tokens_to_ids: added tokens first, then vocab.json, else <unk>. The
// two never overlap, so one lookup in the whole vocabulary is the same thing.
void ByteLevelBpeTokenizer::appendPieces(std::string_view text, std::vector<int32_t>& ids,
                                         std::vector<std::string>* pieces) const {
    thread_local std::string repaired, prefixed, symbols;
    thread_local std::vector<TextSegment> segments;
    thread_local std::vector<std::string_view> words, bpePieces;
    if (!isValidUtf8(text)) {
        repaired = repairedUtf8(text);
        text = repaired;
    }
    if (options_.addPrefixSpace && !text.empty()) {
        size_t pos = 0;
        if (!unicode::isPythonSpace(unicode::decodeUtf8(text, pos))) {
            prefixed.assign(1, ' ');
            prefixed.append(text);
            text = prefixed;
        }
    }
    segments.clear();
    splitter_.split(text, segments);
    for (const TextSegment& segment : segments) {
        if (segment.token >= 0) {
            ids.push_back(splitterIds_[size_t(segment.token)]);
            if (pieces) pieces->emplace_back(segment.text);
            continue;
        }
        words.clear();
        splitGpt2Words(segment.text, words);
        for (std::string_view word : words) {
            symbols.clear();
            byte_alphabet::appendSymbols(symbols, word);
            bpePieces.clear();
            merges_.apply(symbols, bpePieces);
            for (std::string_view piece : bpePieces) {
                const auto id = vocab_.find(piece);
                ids.push_back(id ? *id : unkId_);
                if (pieces) pieces->emplace_back(piece);
            }
        }
    }
}

std::vector<int32_t> ByteLevelBpeTokenizer::tokenizeToIds(std::string_view text) const {
    std::vector<int32_t> ids;
    appendPieces(text, ids, nullptr);
    return ids;
}

std::vector<std::string> ByteLevelBpeTokenizer::tokenize(std::string_view text) const {
    std::vector<int32_t> ids;
    std::vector<std::string> pieces;
    appendPieces(text, ids, &pieces);
    return pieces;
}

Encoding ByteLevelBpeTokenizer::encode(std::string_view text, size_t maxLength) const {
    return assemble(tokenizeToIds(text), std::nullopt, maxLength);
}

Encoding ByteLevelBpeTokenizer::encodePair(std::string_view a, std::string_view b, size_t maxLength) const {
    return assemble(tokenizeToIds(a), tokenizeToIds(b), maxLength);
}

// build_inputs_with_special_tokens: <s> a </s> or <s> a </s></s> b </s>;
// create_token_type_ids_from_sequences: zeros, pair or not.
Encoding ByteLevelBpeTokenizer::assemble(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, size_t maxLength) const {
    return assembleEncoding(std::move(a), std::move(b), SequenceTemplate{clsId_, sepId_, /*doubleSeparator=*/true, /*secondTextIsTokenTypeOne=*/false}, maxLength, vocab_);
}

bool ByteLevelBpeTokenizer::isSpecialId(int32_t id) const {
    return std::binary_search(specialIds_.begin(), specialIds_.end(), id);
}

// _decode: convert_ids_to_tokens (skipping all_special_ids), then runs of
// vocabulary tokens become text through convert_tokens_to_string while each
// added token is a sub-text of its own; the sub-texts are joined by spaces
// (spaces_between_special_tokens), then cleaned up.
std::string ByteLevelBpeTokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const {
    std::vector<std::string> subTexts;
    std::string bytes;
    bool inRun = false;
    auto endRun = [&] {
        if (inRun) subTexts.push_back(repairedUtf8(bytes));
        bytes.clear();
        inRun = false;
    };
    for (int32_t id : ids) {
        if (skipSpecialTokens && isSpecialId(id)) continue;
        const bool known = id >= 0 && size_t(id) < vocab_.size();
        const int32_t shown = known ? id : unkId_;
        const std::string& token = vocab_.tokens()[size_t(shown)];
        if (size_t(shown) >= modelVocabSize_) {
            endRun();
            subTexts.push_back(token);
        } else {
            byte_alphabet::appendBytes(bytes, token);
            inRun = true;
        }
    }
    endRun();
    std::string text;
    for (size_t i = 0; i < subTexts.size(); ++i) {
        if (i) text.push_back(' ');
        text += subTexts[i];
    }
    if (options_.cleanUpTokenizationSpaces) cleanUpTokenization(text);
    return text;
}

// What RobertaTokenizer.save_pretrained writes in transformers 4.29.2.
void ByteLevelBpeTokenizer::writeFiles(const std::string& dir, int64_t modelMaxLength) const {
    writeJsonFile(dir + "/vocab.json", vocabJson(vocab_, modelVocabSize_));
    writeTextFileAtomically(dir + "/merges.txt", merges_.fileText());
    if (!options_.addedTokens.empty())
        writeJsonFile(dir + "/added_tokens.json", robertaAddedTokens(options_, modelVocabSize_));
    writeJsonFile(dir + "/tokenizer_config.json", robertaTokenizerConfig(options_, modelMaxLength));
    writeJsonFile(dir + "/special_tokens_map.json", robertaSpecialTokensMap(options_));
}

std::string ByteLevelBpeTokenizer::readableToken(int32_t id) const {
    std::string text = decode({id}, /*skipSpecialTokens=*/false);
    if (!text.empty() && text.front() == ' ') text.replace(0, 1, "\u2581");
    return text;
}

}  // namespace bertbench
