// Domain adaptation moves a classifier's encoder under a masked-LM head and
// back, in memory: the classifier keeps its own head and labels, and the
// masked-LM head is kept for the next adaptation of the same model.
#pragma once

#include "checkpoint/model_folder.h"

#include <cstdint>

namespace bertbench {

// A BertForMaskedLM with `classifier`'s config, tokenizer and encoder weights;
// its masked-LM head is new, BERT-initialised from `seed`.
ModelBundle maskedLMOnEncoderOf(const ModelBundle& classifier, uint64_t seed);

// Copies the encoder (embeddings and layers, not the pooler, which only a
// classifier has) from one model into the other; heads stay as they are.
void copyEncoder(const ModelBundle& from, ModelBundle& to);

}  // namespace bertbench
