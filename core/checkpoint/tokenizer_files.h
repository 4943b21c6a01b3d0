// The tokenizer half of a Hugging Face model folder: vocab.txt,
// tokenizer_config.json and special_tokens_map.json.
#pragma once

#include "tokenizer/bert_tokenizer.h"

#include <cstdint>
#include <string>

namespace bertbench {

struct FolderTokenizer {
    BertTokenizer tokenizer;
    int64_t modelMaxLength = 0;  // tokenizer_config's model_max_length; 0 when absent or unbounded
};

// Reads <dir>/vocab.txt (required) and <dir>/tokenizer_config.json (optional;
// defaults as transformers' BertTokenizer: lower-casing on). Throws FileError.
FolderTokenizer readFolderTokenizer(const std::string& dir);

// Writes vocab.txt, tokenizer_config.json and special_tokens_map.json, each atomically.
void writeFolderTokenizer(const std::string& dir, const BertTokenizer& tokenizer, int64_t modelMaxLength);

}  // namespace bertbench
