// A vocabulary stored as a JSON object of token -> id: RoBERTa's vocab.json and
// the "vocab" of tokenizer.json's model. The ids must be exactly 0..N-1, each
// once. transformers accepts gaps and repeats (its decoder then keeps one token
// per id), but the ids are the rows of the model's embedding matrix: a gap is a
// row no token names, a repeat two tokens that decode cannot tell apart and
// that a file written back would merge, so both are refused with a message.
#pragma once

#include <nlohmann/json.hpp>

#include <cstddef>
#include <string>

#include "tokenizer/vocabulary.h"

namespace bertbench {

// `object` read from `source`; `what` names it in messages ("vocab.json",
// "model.vocab"). Throws FileError(source, ...) for anything but a non-empty
// object of string -> integer with dense ids. A token listed twice in the JSON
// text counts once, with its last id, as Python's json module reads it.
Vocabulary vocabularyFromJson(const nlohmann::json& object, const std::string& source, const std::string& what);

// <path> read with readJsonFile, then as above.
Vocabulary readVocabJson(const std::string& path);

// The first `count` tokens as vocab.json holds them.
nlohmann::json vocabJson(const Vocabulary& vocab, size_t count);

}  // namespace bertbench
