// The result of classifying one text, as plain values (no tensors), so the GUI
// and the CLI can hold and show it without LibTorch headers.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

// Post-softmax attention of every layer and head: values[((l * heads + h) * tokens + i) * tokens + j]
// is how much token i attends to token j in head h of layer l.
struct AttentionMaps {
    int layers = 0;
    int heads = 0;
    int tokens = 0;
    std::vector<float> values;

    float at(int layer, int head, int from, int to) const {
        return values[((size_t(layer) * heads + head) * tokens + from) * tokens + to];
    }
};

struct Prediction {
    std::string text;
    std::vector<std::string> tokens;   // with [CLS]/[SEP] (<s>/</s>), after truncation
    std::vector<std::string> readableTokens;  // the same as people read them (Tokenizer::readableToken)
    std::vector<bool> special;         // per token: one of the sequence's special tokens
    std::vector<int32_t> inputIds;
    size_t untruncatedLength = 0;      // token count before truncation
    std::vector<float> logits;
    std::vector<float> probabilities;  // softmax of the logits
    int labelId = 0;                   // argmax
    std::string label;                 // id2label[labelId]
    std::optional<AttentionMaps> attentions;

    bool truncated() const { return untruncatedLength > inputIds.size(); }
};

}  // namespace bertbench
