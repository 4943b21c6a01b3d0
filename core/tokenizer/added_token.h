// A token the tokenizer never splits: a special token (<s>, <mask>, ...) or a
// token added to a vocabulary after training. transformers' AddedToken, less
// the fields its slow tokenizers ignore (normalized, single_word).
#pragma once

#include <string>

namespace bertbench {

struct AddedToken {
    std::string content;
    bool lstrip = false;  // absorbs the whitespace before it (RoBERTa's <mask>)
    bool rstrip = false;  // absorbs the whitespace after it
};

}  // namespace bertbench
