// GPT-2's pre-tokenizer: the regular expression that cuts text into the words
// byte-level BPE then encodes one at a time (RobertaTokenizer and
// GPT2Tokenizer in transformers 4.29.2):
//   's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
// Every character belongs to some match, so the words cover the text exactly.
#pragma once

#include <string_view>
#include <vector>

namespace bertbench {

// Appends the words of `text` (valid UTF-8) to `words`, in order. Safe to call
// from several threads at once. Throws UsageError only if the PCRE2 library
// cannot compile the pattern (one built without Unicode support).
void splitGpt2Words(std::string_view text, std::vector<std::string_view>& words);

}  // namespace bertbench
