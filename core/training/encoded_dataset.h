// A dataset tokenized once, before training: ids only (no token strings), so a
// large dataset costs a few bytes per token.
#pragma once

#include "data/dataset.h"
#include "tokenizer/tokenizer.h"

#include <cstdint>
#include <functional>
#include <vector>

namespace bertbench {

struct EncodedExample {
    std::vector<int32_t> ids;       // [CLS] a [SEP] (b [SEP]), truncated to the max length
    uint32_t secondSegmentStart;    // first id of b; ids.size() without a pair
    int32_t label;
};

struct EncodedDataset {
    std::vector<EncodedExample> examples;
    size_t truncated = 0;           // examples longer than the max length
    int64_t numLabels = 0;
};

// progress(fraction) may return false to cancel (throws OperationCancelled).
EncodedDataset encodeDataset(const Dataset& dataset, const Tokenizer& tokenizer, size_t maxLength,
                             const std::function<bool(double)>& progress = {});

}  // namespace bertbench
