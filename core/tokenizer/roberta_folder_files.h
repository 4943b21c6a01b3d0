// What RobertaTokenizer.from_pretrained (transformers 4.29.2) takes from a model
// folder besides vocab.json and merges.txt, and what save_pretrained writes:
// tokenizer_config.json, special_tokens_map.json and added_tokens.json, each
// optional when reading.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

#include "tokenizer/byte_level_bpe_tokenizer.h"
#include "tokenizer/vocabulary.h"

namespace bertbench {

// The options these files give, transformers' precedence reproduced:
// tokenizer_config.json's values go to RobertaTokenizer's constructor, which
// wraps a plain string as an AddedToken that strips nothing (<mask>: strips on
// the left); special_tokens_map.json's values then replace them, and a plain
// string there stays a plain string, which transformers treats as stripping the
// whitespace on both sides, unless another role holds the same token as an
// AddedToken. added_tokens.json's tokens must continue vocab.json's ids
// (modelVocab) without a gap; those that are not special strip both sides.
// Throws FileError naming the file for values of the wrong type, a required
// token (unk, sep, pad, cls, mask) set to null, an `errors` mode other than
// "replace", or added tokens out of order.
ByteLevelBpeOptions readRobertaFolderOptions(const std::string& dir, const Vocabulary& modelVocab);

// The files' contents as save_pretrained writes them for these options.
nlohmann::json robertaTokenizerConfig(const ByteLevelBpeOptions& options, int64_t modelMaxLength);
nlohmann::json robertaSpecialTokensMap(const ByteLevelBpeOptions& options);
nlohmann::json robertaAddedTokens(const ByteLevelBpeOptions& options, size_t modelVocabSize);

}  // namespace bertbench
