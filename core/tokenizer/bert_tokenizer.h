// BERT's tokenizer, reproducing Hugging Face's slow BertTokenizer (transformers
// 4.29.2) as loaded with from_pretrained(): the special tokens [CLS] [SEP] [PAD]
// [UNK] [MASK] are split out wherever they occur in the raw text (exact,
// case-sensitive match), the rest goes through BasicTokenizer and WordPiece.
// Methods are const and safe to call from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/basic_tokenizer.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary.h"
#include "tokenizer/wordpiece.h"

namespace bertbench {

struct TokenizerOptions {
    bool lowercase = true;             // do_lower_case
    std::optional<bool> stripAccents;  // HF strip_accents: unset => follows lowercase
    bool tokenizeChineseChars = true;
    int maxInputCharsPerWord = 100;
};

class BertTokenizer : public Tokenizer {
public:
    // Throws FileError (UsageError for a vocabulary not read from a file) naming
    // the first of [UNK] [CLS] [SEP] [PAD] [MASK] the vocabulary lacks.
    BertTokenizer(Vocabulary vocab, TokenizerOptions options);
    static BertTokenizer fromFile(const std::string& vocabPath, TokenizerOptions options);

    std::vector<std::string> tokenize(std::string_view text) const override;   // wordpieces, no [CLS]/[SEP]
    std::vector<int32_t> tokenizeToIds(std::string_view text) const override;  // fast path, no strings kept

    // [CLS] a [SEP] (b [SEP]); token type 0 for the a part, 1 for the b part;
    // attention mask all 1. maxLength 0 = no truncation; otherwise HF's
    // 'longest_first' truncation of the ids (specials kept). Where HF cannot
    // truncate to maxLength (maxLength < 3 and the ids do not fit: HF logs an
    // error and returns too many ids) this throws UsageError instead.
    Encoding encode(std::string_view text, size_t maxLength = 0) const override;
    Encoding encodePair(std::string_view a, std::string_view b, size_t maxLength = 0) const override;
    size_t specialTokenCount(bool pair) const override { return pair ? 3 : 2; }

    // HF decode(), clean_up_tokenization_spaces=True. Ids outside the
    // vocabulary decode as "[UNK]", as in HF (and are kept when skipping specials).
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens = true) const override;

    const Vocabulary& vocabulary() const override { return vocab_; }
    SpecialTokenIds specialIds() const override { return {clsId_, sepId_, padId_, unkId_, maskId_}; }
    std::string kind() const override { return "WordPiece"; }
    bool lowercases() const override { return options_.lowercase; }
    // vocab.txt, and tokenizer_config.json with do_lower_case and its relatives.
    void writeFiles(const std::string& dir, int64_t modelMaxLength) const override;

    const TokenizerOptions& options() const { return options_; }

private:
    void appendIds(std::string_view text, std::vector<int32_t>& ids) const;
    bool isSpecialId(int32_t id) const;
    Encoding assemble(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, size_t maxLength) const;

    Vocabulary vocab_;
    TokenizerOptions options_;
    int32_t unkId_, clsId_, sepId_, padId_, maskId_;
    BasicTokenizer basic_;
    WordPiece wordpiece_;
};

}  // namespace bertbench
