// The plain value types of the Session's explanation requests (no torch
// types, so ui/ can include them): head importance, pruning and attention
// compared with a second model. Token attributions use explain/attribution.h's
// ExplainRequest and Attribution as they are.
#pragma once

#include "checkpoint/model_handle.h"
#include "explain/attention_comparison.h"
#include "explain/attribution.h"
#include "explain/head_importance.h"
#include "session/session_types.h"
#include "training/evaluation.h"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace bertbench {

struct HeadImportanceRequest {
    Split split = Split::Validation;
    size_t maxLength = 0;  // 0: the model's maximum
    int64_t batchSize = 32;
};

// Prune the `count` least important heads of the current model (importance
// measured on `split`, or the one given) and evaluate it on `split` before
// and after. The current model is changed (and unsaved): save it to keep it.
struct PruneRequest {
    int64_t count = 1;
    Split split = Split::Validation;
    size_t maxLength = 0;
    int64_t batchSize = 32;
    std::optional<HeadImportance> importance;  // measured again when absent
};

struct PruneResult {
    HeadImportance importance;          // what chose the heads
    HeadsByLayer pruned;                // the heads removed now (original indices)
    HeadsByLayer prunedInAll;           // config.pruned_heads after this call
    EvaluationResult before, after;     // on request.split
    ModelSummary model;                 // the pruned model
};

// The current model's attention against another model folder's, for `text`
// (AttentionComparison: first = the folder's model, second = the current one);
// the ranking averages over the first sampleSize examples of `split`, pairs
// as pairs (just the text when the session has no such data).
struct CompareRequest {
    std::string folder{};
    std::string text{};
    std::string pair{};  // empty: a single text
    Split split = Split::Validation;
    size_t sampleSize = 32;
    size_t maxLength = 0;
};

}  // namespace bertbench
