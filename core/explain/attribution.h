// Token attributions: how much each token of a text moved the model towards a
// class, as plain values (the CLI prints them, the GUI shades tokens by them).
//   integrated gradients  Sundararajan et al. 2017, on the embeddings output
//   gradient × input      one backward pass: the first-order estimate
//   attention rollout     Abnar & Zuidema 2020: where [CLS] gathers from,
//                         through every layer (attention_rollout.h)
// The attributed quantity is the class's softmax probability, so integrated
// gradients' scores add up to how far that probability moved from the baseline.
#pragma once

#include "inference/head_mask.h"
#include "inference/prediction.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

enum class AttributionMethod { IntegratedGradients, GradientTimesInput, AttentionRollout };

const char* attributionMethodName(AttributionMethod method);  // "ig", "grad-input", "rollout"
// The method a name (as above) stands for; a UsageError listing them otherwise.
AttributionMethod parseAttributionMethod(const std::string& name);

struct ExplainRequest {
    std::string text;
    std::string pair;  // empty: a single text
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    int steps = 50;          // integrated gradients: intervals of the trapezoid rule (steps + 1 forward points)
    std::string classLabel;  // the class to explain; empty = the predicted one
    size_t maxLength = 0;    // 0: the model's maximum
    // Interpolation points per forward pass; 0 = as many as keep the attention
    // scores of one pass under kAttributionScoreBudget (memory stays flat for
    // long inputs: a 512-token BERT-base input goes one point at a time).
    int64_t pointsPerBatch = 0;
    HeadMask headMask;  // heads switched off for the prediction and its explanation
};

// Attention scores (batch × layers × heads × tokens²) one interpolation pass may hold.
constexpr int64_t kAttributionScoreBudget = int64_t(1) << 22;

struct Attribution {
    Prediction prediction;  // of the text as asked (with its head mask)
    AttributionMethod method = AttributionMethod::IntegratedGradients;
    int classId = 0;
    std::string classLabel;
    std::vector<float> scores;  // per token of prediction.tokens, special tokens included
    // Integrated gradients only: f = the class probability of the input and of
    // the baseline (every token but the special ones replaced by padding), and
    // the completeness gap |Σ scores − (f(x) − f(baseline))|, which shrinks as
    // steps grow (a check that the integral was taken finely enough).
    int steps = 0;
    std::optional<double> output, baselineOutput, completenessGap;
    // Passes through the whole model: the prediction, then one per batch of
    // interpolation points (gradient × input: one). The embedding layer's own
    // runs for the input and the baseline are not counted: they cost next to nothing.
    int64_t forwardPasses = 0;

    // The gap as a share of |f(x) − f(baseline)| (0 when they are equal).
    std::optional<double> relativeGap() const;
};

}  // namespace bertbench
