// Turning a text's ids (or a pair's) into the model's input, shared by every
// tokenizer: transformers' 'longest_first' truncation (truncate_sequences),
// which keeps the special tokens and removes text ids, then the special tokens
// around the texts (build_inputs_with_special_tokens) and the token types.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "tokenizer/tokenizer.h"

namespace bertbench {

// Removes ids one at a time from the end of the longer of a and b (b on ties)
// until a, b and `specials` special tokens fit in maxLength (0 = no limit).
// Returns the length before truncation, specials included. Throws UsageError
// where transformers cannot truncate either (it logs an error and returns too
// many ids): a single text when maxLength < specials + 1.
size_t truncateLongestFirst(std::vector<int32_t>& a, std::optional<std::vector<int32_t>>& b, size_t specials,
                            size_t maxLength);

// How a family puts its special tokens around the texts.
struct SequenceTemplate {
    int32_t cls;                  // first: [CLS] or <s>
    int32_t sep;                  // after each text: [SEP] or </s>
    bool doubleSeparator;         // RoBERTa: <s> a </s></s> b </s> (BERT: [CLS] a [SEP] b [SEP])
    bool secondTextIsTokenTypeOne;  // BERT: the second text (and its [SEP]) is type 1; RoBERTa: all 0
};

// The encoding of a (and b): truncated to maxLength (0 = no limit), special
// tokens placed as `layout` says, attention mask all 1, tokens from `vocabulary`.
Encoding assembleEncoding(std::vector<int32_t> a, std::optional<std::vector<int32_t>> b, const SequenceTemplate& layout,
                          size_t maxLength, const Vocabulary& vocabulary);

}  // namespace bertbench
