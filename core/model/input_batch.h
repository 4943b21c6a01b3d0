// Turning tokenized texts into the padded id tensors the model reads.
#pragma once

#include "model/bert_model.h"
#include "tokenizer/tokenizer.h"

#include <vector>

namespace bertbench {

// One example's ids; positions from secondSegmentStart on are token type 1 (the
// second text of a pair); ids.size() when there is no second text.
struct TokenSequence {
    const std::vector<int32_t>* ids;
    size_t secondSegmentStart;
};

TokenSequence sequenceOf(const Encoding& encoding);

// Right-pads every sequence with padId to `length` tokens (0 = the longest in the
// batch), as transformers' padding="longest" / "max_length" do: padded positions
// get attention_mask 0 and token_type 0. Tensors are [B, T] int64 on `device`.
ModelInputs padBatch(const std::vector<TokenSequence>& sequences, int32_t padId, size_t length = 0,
                    torch::Device device = torch::kCPU);

}  // namespace bertbench
