// A classifier's pass over a labelled dataset, shared by evaluation and head
// importance: the data's labels fitted onto the model's, tokenized at the
// model's length limit, and cut into padded batches of similar length.
#pragma once

#include "model/model_io.h"
#include "training/encoded_dataset.h"

#include <torch/torch.h>

#include <cstddef>
#include <cstdint>
#include <vector>

namespace bertbench {

struct ModelBundle;

// `data` with its labels fitted onto the model's (label_alignment.h: a label
// the model does not know is a FileError), encoded with the model's
// tokenizer, truncated to maxLength (0 or more than the model takes: the model's maximum).
EncodedDataset encodeForClassifier(const ModelBundle& model, const Dataset& data, size_t maxLength);

// Example indices, shortest first (stable), so that a batch pads little.
std::vector<size_t> shortestFirst(const EncodedDataset& data);

struct LabelledBatch {
    ModelInputs inputs;
    torch::Tensor labels;  // [B] int64 on the inputs' device
    size_t tokens = 0;     // of the examples, padding excluded
};

// The examples order[begin, end) as one padded batch on `device`.
LabelledBatch labelledBatch(const EncodedDataset& data, const std::vector<size_t>& order, size_t begin, size_t end,
                            int32_t padId, torch::Device device);

}  // namespace bertbench
