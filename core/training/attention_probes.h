// Attention across training: after every epoch the trainer saves the attention
// of a few probe sentences (TrainingOptions::attentionProbes) to
// "<run>/attention_probes/step-NNNNNNNN.safetensors", so that a GUI can scrub
// through how the heads change, during the run and after it. No tensors here:
// the GUI reads these files directly.
//
// Each file is a safetensors file (any safetensors reader opens it):
//   8 bytes       little-endian length N of the JSON header
//   N bytes       {"__metadata__": {"format": "bertbench-attention-probes/1",
//                                   "step": "120", "epoch": "1", "scale": "255",
//                                   "probes": "<JSON text: [{text, pair, tokens,
//                                              readable_tokens}, ...]>"},
//                  "probe.0": {"dtype": "U8", "shape": [L, N, T, T],
//                              "data_offsets": [begin, end]}, ...}
//                 padded with spaces to a multiple of 8
//   data          per probe L*N*T*T bytes in AttentionMaps order: round(p * 255)
// Metadata values are strings because safetensors allows nothing else.
//
// Size: the values cost L*N*sum(T²) bytes, which for BERT-base (12 × 12) and 4
// probes of 64 tokens would be 2.36 MB. So that every file stays under 1 MB,
// the recorder cuts the probes further, to the longest common length whose
// values fit kAttentionProbeValueBudget (attentionProbeTokenCap): BERT-base
// keeps 4 probes of up to 41 tokens, 3 of up to 48, 2 of up to 58 or 1 of 64
// (short probes leave room for longer ones); the presets up to "small" keep 4
// of 64. The header (the texts and tokens) adds a few KB.
#pragma once

#include "inference/prediction.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

// What a file holds: one evaluation's attention of every probe.
struct AttentionProbeSnapshot {
    int64_t step = 0;   // optimizer steps completed when it was taken
    int64_t epoch = 0;  // 0-based, as EvaluationReport's
    std::vector<std::string> texts;
    std::vector<std::string> pairs;  // the second text of a pair; empty for a single text
    std::vector<std::vector<std::string>> tokens;          // per probe, with [CLS]/[SEP]
    std::vector<std::vector<std::string>> readableTokens;  // the same as people read them
    std::vector<AttentionMaps> attentions;  // per probe, tokens × tokens maps of every layer and head
};

// Each value is stored as round(p * 255): read back within half of this step.
constexpr float kAttentionProbeStep = 1.0f / 255.0f;

// The most bytes of values one snapshot holds.
constexpr size_t kAttentionProbeValueBudget = 1000000;

// The longest a probe may be, so that probes of these lengths (tokens each),
// cut to it, fit kAttentionProbeValueBudget in a model of layers × heads: the
// largest m with layers * heads * sum(min(length, m)²) within the budget, but
// never below `minimum` (room for the special tokens and one more) and never
// above the longest length.
size_t attentionProbeTokenCap(const std::vector<size_t>& lengths, int64_t layers, int64_t heads,
                              size_t minimum = 4);

std::string attentionProbesDir(const std::string& runDir);  // "<runDir>/attention_probes"
std::string attentionProbeFile(const std::string& runDir, int64_t step);

// Quantises and writes atomically (see atomic_file.h). Throws FileError naming
// the file when it cannot be written, UsageError when the snapshot's vectors
// disagree in size or a map is not layers × heads × tokens².
void writeAttentionProbes(const std::string& path, const AttentionProbeSnapshot& snapshot);

// Throws FileError naming the file when it cannot be read, is truncated, or is
// not such a file.
AttentionProbeSnapshot readAttentionProbes(const std::string& path);

// Every snapshot of a run folder, by step; empty when the folder has none (or
// no attention_probes/ folder at all). Files of other names (a half-written
// "….partial-<pid>") are left out; a damaged snapshot throws as readAttentionProbes.
std::vector<AttentionProbeSnapshot> loadAttentionProbes(const std::string& runDir);

// Removes the snapshots taken after `step`, which a resumed run takes anew.
void removeAttentionProbesAfter(const std::string& runDir, int64_t step);

}  // namespace bertbench
