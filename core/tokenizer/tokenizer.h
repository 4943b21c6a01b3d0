// Tokenizer: what the engine needs from a model's tokenizer, whatever its kind
// (BERT's WordPiece, RoBERTa's byte-level BPE). The trainer, predictor, data
// statistics and session use only this interface; only the folder reader
// (checkpoint/tokenizer_files) knows which kind a model folder holds.
// Implementations are immutable after construction: every method is const and
// safe to call from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/vocabulary.h"

namespace bertbench {

struct Encoding {
    std::vector<std::string> tokens;  // with the special tokens ([CLS]/[SEP] or <s>/</s>)
    std::vector<int32_t> inputIds, tokenTypeIds, attentionMask;
    size_t untruncatedLength = 0;  // ids before truncation, incl. specials
    bool truncated() const { return untruncatedLength > inputIds.size(); }
};

// The ids a model needs to know about: padding, masking (masked LM) and the
// tokens around every sequence.
struct SpecialTokenIds {
    int32_t cls = 0;   // first token of every sequence: [CLS] or <s>
    int32_t sep = 0;   // closes each text: [SEP] or </s>
    int32_t pad = 0;   // [PAD] or <pad>
    int32_t unk = 0;   // [UNK] or <unk>
    int32_t mask = 0;  // [MASK] or <mask>
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Text pieces without special tokens around them, as tokenize() in transformers.
    virtual std::vector<std::string> tokenize(std::string_view text) const = 0;
    virtual std::vector<int32_t> tokenizeToIds(std::string_view text) const = 0;  // fast path, no strings kept

    // One text, or a pair, with the model's special tokens around it. maxLength 0
    // = no truncation; otherwise transformers' 'longest_first' truncation of the
    // text ids (special tokens kept). Throws UsageError where even the special
    // tokens and one text id do not fit.
    virtual Encoding encode(std::string_view text, size_t maxLength = 0) const = 0;
    virtual Encoding encodePair(std::string_view a, std::string_view b, size_t maxLength = 0) const = 0;
    // How many special tokens encode (pair false) or encodePair (pair true) adds.
    virtual size_t specialTokenCount(bool pair) const = 0;

    // transformers' decode(ids, skip_special_tokens) with clean_up_tokenization_spaces.
    virtual std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens = true) const = 0;

    virtual const Vocabulary& vocabulary() const = 0;
    virtual SpecialTokenIds specialIds() const = 0;
    // "WordPiece" or "byte-level BPE", for people (model summaries, `info`).
    virtual std::string kind() const = 0;
    // Whether text is lower-cased before tokenizing (do_lower_case).
    virtual bool lowercases() const = 0;

    // Writes this tokenizer's files into a model folder (each atomically, by a
    // temporary name and a rename), as transformers' save_pretrained writes them:
    // the vocabulary files, tokenizer_config.json and special_tokens_map.json.
    // modelMaxLength > 0 is written as model_max_length.
    virtual void writeFiles(const std::string& dir, int64_t modelMaxLength) const = 0;

    // A token as people read it in a chart: the vocabulary entry for WordPiece
    // ("##ing" marks a continuation); for byte-level BPE the bytes decoded back
    // to text, a leading space shown as "▁" (so "Ġboy" reads "▁boy", "Ã©" "é").
    virtual std::string readableToken(int32_t id) const { return vocabulary().token(id); }

    int32_t clsId() const { return specialIds().cls; }
    int32_t sepId() const { return specialIds().sep; }
    int32_t padId() const { return specialIds().pad; }
    int32_t unkId() const { return specialIds().unk; }
    int32_t maskId() const { return specialIds().mask; }
};

}  // namespace bertbench
