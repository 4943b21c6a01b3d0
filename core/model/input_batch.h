// Turning tokenized texts into the padded id tensors the model reads.
#pragma once

#include "model/bert_model.h"
#include "tokenizer/bert_tokenizer.h"

#include <vector>

namespace bertbench {

// Right-pads every encoding with padId to `length` tokens (0 = the longest in the
// batch), as transformers' padding="longest" / "max_length" do: padded positions
// get attention_mask 0 and token_type 0. Tensors are [B, T] int64 on `device`.
BertInputs padBatch(const std::vector<const Encoding*>& encodings, int32_t padId,
                    size_t length = 0, torch::Device device = torch::kCPU);

}  // namespace bertbench
