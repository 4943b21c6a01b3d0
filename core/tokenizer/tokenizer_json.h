// tokenizer.json, the one-file format of Hugging Face's fast tokenizers, for
// model folders that ship nothing else. Two kinds are read, each into the same
// tokenizer the slow files would give, so that ids match transformers' slow
// tokenizers on the same vocabulary:
//   model "WordPiece" with a BertNormalizer and the BertPreTokenizer -> BertTokenizer
//   model "BPE" with the ByteLevel pre-tokenizer (RoBERTa)          -> ByteLevelBpeTokenizer
// Everything else (Unigram, WordLevel, BPE without ByteLevel, normalizers and
// templates these tokenizers cannot honour) is refused, never approximated.
#pragma once

#include <memory>
#include <string>

#include "tokenizer/tokenizer.h"

namespace bertbench {

// Throws FileError naming the file: unreadable or not JSON, an unsupported
// model type (the message names it and the supported ones), a component that
// cannot be honoured, a vocabulary whose ids are not 0..N-1, malformed merges,
// or special tokens the vocabulary lacks. Added tokens outside the model's
// vocabulary must continue its ids without a gap.
std::shared_ptr<const Tokenizer> readTokenizerJson(const std::string& path);

}  // namespace bertbench
