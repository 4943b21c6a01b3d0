// RoBERTa's tokenizer, reproducing Hugging Face's slow RobertaTokenizer
// (transformers 4.29.2) as loaded with from_pretrained(): the special and added
// tokens are cut out of the raw text first (the whitespace next to them eaten
// as their lstrip/rstrip flags say: <mask> eats the space before it), the rest
// is split by GPT-2's pattern, each word's UTF-8 bytes are mapped to the byte
// alphabet and merged by BPE rank. <s> A </s> for one text, <s> A </s></s> B
// </s> for a pair, token type ids all 0. Methods are const and safe to call
// from several threads at once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "tokenizer/added_token.h"
#include "tokenizer/added_token_splitter.h"
#include "tokenizer/bpe_merges.h"
#include "tokenizer/tokenizer.h"
#include "tokenizer/vocabulary.h"

namespace bertbench {

struct ByteLevelBpeOptions {
    // The special tokens by role, RobertaTokenizer's defaults. An empty content
    // means the role has no token (allowed for bos and eos only). Where two roles
    // name the same content with different flags, the later in this order wins,
    // as in transformers' all_special_tokens_extended.
    AddedToken bos{"<s>"}, eos{"</s>"}, unk{"<unk>"}, sep{"</s>"}, pad{"<pad>"}, cls{"<s>"};
    AddedToken mask{"<mask>", /*lstrip=*/true, /*rstrip=*/false};
    std::vector<AddedToken> additionalSpecialTokens;
    // Tokens that follow vocab.json's, ids from its size on, in this order
    // (added_tokens.json; tokenizer.json's added tokens outside the model's
    // vocabulary). Never split; decode() writes each as its own word. One that
    // is also a special token takes that role's flags.
    std::vector<AddedToken> addedTokens;
    bool addPrefixSpace = false;            // add_prefix_space: " " before a text not starting with whitespace
    bool cleanUpTokenizationSpaces = true;  // clean_up_tokenization_spaces when decoding
};

class ByteLevelBpeTokenizer : public Tokenizer {
public:
    // modelVocab is vocab.json's tokens (id = index). Every special token must
    // be in it or among options.addedTokens, and no added token may be in it:
    // otherwise FileError naming `source` (the file the vocabulary came from),
    // or UsageError when source is empty. transformers would append a missing
    // special token to the vocabulary, giving it an id the model has no
    // embedding for; refusing says so instead.
    ByteLevelBpeTokenizer(const Vocabulary& modelVocab, BpeMerges merges, ByteLevelBpeOptions options,
                          const std::string& source = {});

    // <dir>/vocab.json and <dir>/merges.txt, with the optional tokenizer_config.json,
    // special_tokens_map.json and added_tokens.json as RobertaTokenizer.from_pretrained
    // reads them (see roberta_folder_files.h). Throws FileError naming the file
    // at fault (and the line, for merges.txt).
    static ByteLevelBpeTokenizer fromFolder(const std::string& dir);

    // transformers' tokenize(): BPE pieces as strings (also where the
    // vocabulary lacks one, which tokenizeToIds maps to <unk>), added tokens whole.
    std::vector<std::string> tokenize(std::string_view text) const override;
    std::vector<int32_t> tokenizeToIds(std::string_view text) const override;

    // maxLength as in Tokenizer; 'longest_first' keeps the 2 (one text) or 4
    // (pair) special tokens. Text that is not UTF-8 is read with U+FFFD in
    // place of each ill-formed sequence, as Python's errors="replace".
    Encoding encode(std::string_view text, size_t maxLength = 0) const override;
    Encoding encodePair(std::string_view a, std::string_view b, size_t maxLength = 0) const override;
    size_t specialTokenCount(bool pair) const override { return pair ? 4 : 2; }

    // transformers' _decode(): byte-alphabet text back to bytes, read as UTF-8
    // with errors="replace"; added tokens are words of their own joined by
    // spaces; then clean_up_tokenization when the options say so. Nothing is
    // stripped. An id outside the vocabulary decodes as <unk> (transformers
    // fails there) and is kept when skipping special tokens.
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens = true) const override;

    std::string readableToken(int32_t id) const override;

    const Vocabulary& vocabulary() const override { return vocab_; }
    SpecialTokenIds specialIds() const override { return {clsId_, sepId_, padId_, unkId_, maskId_}; }
    std::string kind() const override { return "byte-level BPE"; }
    bool lowercases() const override { return false; }
    // vocab.json, merges.txt, added_tokens.json (when there are added tokens),
    // tokenizer_config.json and special_tokens_map.json, as RobertaTokenizer's
    // save_pretrained writes them. Added tokens that are not special are read
    // back with transformers' slow rule, stripping whitespace on both sides,
    // whatever flags they were given.
    void writeFiles(const std::string& dir, int64_t modelMaxLength) const override;

    const ByteLevelBpeOptions& options() const { return options_; }
    const BpeMerges& merges() const { return merges_; }
    size_t modelVocabSize() const { return modelVocabSize_; }  // vocab.json's part of vocabulary()

private:
    void appendPieces(std::string_view text, std::vector<int32_t>& ids, std::vector<std::string>* pieces) const;
    Encoding assemble(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, size_t maxLength) const;
    bool isSpecialId(int32_t id) const;

    Vocabulary vocab_;
    size_t modelVocabSize_;
    BpeMerges merges_;
    ByteLevelBpeOptions options_;
    AddedTokenSplitter splitter_;
    std::vector<int32_t> splitterIds_;  // id of each of splitter_.tokens()
    std::vector<int32_t> specialIds_;   // sorted: every role's and additional special token's id
    int32_t unkId_, clsId_, sepId_, padId_, maskId_;
};

}  // namespace bertbench
