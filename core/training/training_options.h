// Every setting of a fine-tuning run, with the classic CoLA notebook's choices
// as defaults (batch 32, lr 2e-5, 4 epochs, warmup 10 %, weight decay 0.01,
// max length 128). Saved as JSON in the run folder and by the GUI. Each field
// is described once in option_schema.h (key, flag, range, help), which drives
// the JSON, validation, the CLI flags and the GUI form: a new field goes there too.
#pragma once

#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace bertbench {

enum class LrSchedule { Linear, Constant, Cosine };  // each after a linear warmup
enum class Padding { Dynamic, MaxLength };            // longest in batch | always maxLength
enum class ShuffleMode { Bucketed, Random, None };    // None keeps file order
// Float32 matches transformers; BFloat16 runs the forward pass under autocast
// (matrix products in bfloat16, master weights and optimizer state in float32).
enum class TrainingPrecision { Float32, BFloat16 };
// Gradual unfreezing (Howard & Ruder 2018, ULMFiT): the run starts with only
// the head trainable. Layers: every interval one more layer group becomes
// trainable, from the top layer down to the embeddings. HeadThenAll: after
// one interval, everything. See unfreeze_schedule.h.
enum class GradualUnfreezing { Off, Layers, HeadThenAll };
enum class UnfreezeUnit { Epochs, Steps };

struct LoraOptions {
    int64_t rank = 0;       // 0 = no LoRA
    double alpha = 16;      // scale = alpha / rank
    double dropout = 0.1;   // on the adapter's input
    std::vector<std::string> targets = {"query", "value"};  // of query, key, value, dense
};

struct TrainingOptions {
    int64_t epochs = 4;
    int64_t maxSteps = 0;              // > 0: stop after this many optimizer steps (overrides epochs)
    int64_t batchSize = 32;
    int64_t gradientAccumulation = 1;  // micro-batches per optimizer step
    double learningRate = 2e-5;        // BERT paper: 2e-5..5e-5 keeps pre-trained features intact
    double headLearningRate = 0;       // > 0: separate rate for the classifier (and pooler)
    double warmupRatio = 0.1;          // share of all steps spent warming up
    int64_t warmupSteps = -1;          // >= 0 overrides warmupRatio
    LrSchedule schedule = LrSchedule::Linear;
    double weightDecay = 0.01;         // AdamW, not on biases and LayerNorm weights
    double adamBeta1 = 0.9, adamBeta2 = 0.999, adamEpsilon = 1e-8;
    double maxGradNorm = 1.0;          // <= 0 disables clipping
    int64_t maxLength = 128;           // tokens per example, [CLS]/[SEP] included
    Padding padding = Padding::Dynamic;
    ShuffleMode shuffle = ShuffleMode::Bucketed;
    uint64_t seed = 42;
    int64_t freezeLayers = 0;          // > 0: freeze the embeddings and the first K encoder layers
    bool headOnly = false;             // train only the pooler and classifier
    GradualUnfreezing gradualUnfreezing = GradualUnfreezing::Off;
    int64_t unfreezeInterval = 1;      // epochs or steps per stage of gradual unfreezing
    UnfreezeUnit unfreezeUnit = UnfreezeUnit::Epochs;
    LoraOptions lora;
    int64_t earlyStoppingPatience = 0; // > 0: stop after this many evaluations without improvement
    // Checkpoints between epoch ends, so a killed run loses little: every N
    // optimizer steps (0: not by steps) and every M minutes of training (0:
    // not by time). Neither changes any result.
    int64_t checkpointSteps = 0;
    double checkpointMinutes = 5;
    std::string metric = "mcc";        // chooses the best checkpoint: accuracy | mcc | f1 | loss
    int64_t evalBatchSize = 64;
    std::string device = "cpu";        // cpu | cuda | cuda:N
    // > 1: data-parallel training in this many processes on this machine,
    // each with the cores / processes threads (README "Several processes").
    int64_t processes = 1;
    TrainingPrecision precision = TrainingPrecision::Float32;
    bool activationCheckpointing = false;  // recompute layer activations in backward: less memory, up to 1/3 slower
    // Sentences whose attention is saved after every epoch (see
    // attention_probes.h), separated by '|' because sentences hold commas;
    // empty: the first kDefaultAttentionProbes validation texts. It changes
    // no result, but a resumed run keeps it, so that its snapshots agree.
    std::string attentionProbes;

    static constexpr size_t kMaxAttentionProbes = 4;
    static constexpr size_t kDefaultAttentionProbes = 3;
    static constexpr size_t kAttentionProbeTokens = 64;  // each probe is cut to this, [CLS]/[SEP] included

    // attentionProbes split at '|', each trimmed, empty ones left out.
    std::vector<std::string> attentionProbeTexts() const;

    int64_t resolvedWarmupSteps(int64_t totalSteps) const;
    // Throws UsageError naming the first invalid field and its allowed range.
    void validate() const;
    nlohmann::json toJson() const;
    // Missing fields keep their defaults; an unknown key, a wrong type or an
    // unknown choice name throws UsageError naming the key. Ranges are left to validate().
    static TrainingOptions fromJson(const nlohmann::json& json);
};

}  // namespace bertbench
