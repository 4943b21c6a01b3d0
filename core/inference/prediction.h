// The result of classifying one text, as plain values (no tensors), so the GUI
// and the CLI can hold and show it without LibTorch headers.
#pragma once

#include "inference/head_mask.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

// Post-softmax attention of every layer and head: values[((l * heads + h) * tokens + i) * tokens + j]
// is how much token i attends to token j in head h of layer l. `heads` counts
// the model's heads before pruning: a pruned head's map is all zero.
struct AttentionMaps {
    int layers = 0;
    int heads = 0;
    int tokens = 0;
    std::vector<float> values;

    size_t index(int layer, int head, int from, int to) const {
        return ((size_t(layer) * heads + head) * tokens + from) * tokens + to;
    }
    float at(int layer, int head, int from, int to) const { return values[index(layer, head, from, to)]; }
};

// What to classify: a text, or a pair (encoded as [CLS] a [SEP] b [SEP]), with
// some heads switched off or none.
struct PredictRequest {
    std::string text{};
    std::string pair{};  // empty: a single text
    bool withAttentions = false;
    HeadMask headMask{};
};

struct Prediction {
    std::string text;
    std::string pair;
    std::vector<std::string> tokens;   // with [CLS]/[SEP] (<s>/</s>), after truncation
    std::vector<std::string> readableTokens;  // the same as people read them (Tokenizer::readableToken)
    std::vector<bool> special;         // per token: one of the sequence's special tokens
    std::vector<int32_t> inputIds;
    std::vector<int32_t> tokenTypeIds;  // 0 for the text, 1 for the pair's second text
    size_t untruncatedLength = 0;      // token count before truncation
    std::vector<float> logits;
    std::vector<float> probabilities;  // softmax of the logits
    int labelId = 0;                   // argmax
    std::string label;                 // id2label[labelId]
    std::optional<AttentionMaps> attentions;

    bool truncated() const { return untruncatedLength > inputIds.size(); }
};

}  // namespace bertbench
