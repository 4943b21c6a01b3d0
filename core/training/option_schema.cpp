// The TrainingOptions table and the checks and conversions that loop over it;
// see option_schema.h.
#include "training/option_schema.h"

#include "common/errors.h"
#include "common/json_file.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bertbench {

NLOHMANN_JSON_SERIALIZE_ENUM(LrSchedule, {{LrSchedule::Linear, "linear"},
                                          {LrSchedule::Constant, "constant"},
                                          {LrSchedule::Cosine, "cosine"}})
NLOHMANN_JSON_SERIALIZE_ENUM(Padding, {{Padding::Dynamic, "dynamic"}, {Padding::MaxLength, "max_length"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ShuffleMode, {{ShuffleMode::Bucketed, "bucketed"},
                                           {ShuffleMode::Random, "random"},
                                           {ShuffleMode::None, "none"}})
NLOHMANN_JSON_SERIALIZE_ENUM(GradualUnfreezing, {{GradualUnfreezing::Off, "off"},
                                                 {GradualUnfreezing::Layers, "layers"},
                                                 {GradualUnfreezing::HeadThenAll, "head_then_all"}})
NLOHMANN_JSON_SERIALIZE_ENUM(UnfreezeUnit, {{UnfreezeUnit::Epochs, "epochs"}, {UnfreezeUnit::Steps, "steps"}})
NLOHMANN_JSON_SERIALIZE_ENUM(TrainingPrecision, {{TrainingPrecision::Float32, "fp32"},
                                                 {TrainingPrecision::BFloat16, "bf16"}})

namespace {

// A field's value as the variant alternative of its OptionType; enums by name.
OptionValue value(int64_t v) { return v; }
OptionValue value(uint64_t v) { return static_cast<int64_t>(v); }  // seeds above 2^63 are not offered
OptionValue value(double v) { return v; }
OptionValue value(bool v) { return v; }
OptionValue value(const std::string& v) { return v; }
OptionValue value(const std::vector<std::string>& v) { return v; }
template <class Enum>
OptionValue enumName(Enum v) { return nlohmann::json(v).get<std::string>(); }

void assign(int64_t& field, const OptionValue& v) { field = std::get<int64_t>(v); }
void assign(uint64_t& field, const OptionValue& v) { field = static_cast<uint64_t>(std::get<int64_t>(v)); }
void assign(double& field, const OptionValue& v) { field = std::get<double>(v); }
void assign(bool& field, const OptionValue& v) { field = std::get<bool>(v); }
void assign(std::string& field, const OptionValue& v) { field = std::get<std::string>(v); }
void assign(std::vector<std::string>& field, const OptionValue& v) { field = std::get<std::vector<std::string>>(v); }
// Callers have checked the name against the field's choices: an unknown one
// would silently become the first enumerator.
template <class Enum>
void assignEnum(Enum& field, const OptionValue& v) { field = nlohmann::json(std::get<std::string>(v)).get<Enum>(); }

OptionRange atLeast(double min) { return {min, std::nullopt, false, false}; }
OptionRange greaterThan(double min) { return {min, std::nullopt, true, false}; }
OptionRange fraction() { return {0.0, 1.0, false, true}; }      // [0, 1)
OptionRange openFraction() { return {0.0, 1.0, true, true}; }   // (0, 1)

const std::string kSchedule = "Schedule", kOptimizer = "Optimizer", kData = "Data and hardware",
                  kStrategy = "What is trained and kept";

OptionField field(std::string key, std::string flag, OptionType type, std::string group, std::string label,
                  std::string help, OptionValue (*get)(const TrainingOptions&),
                  void (*set)(TrainingOptions&, const OptionValue&), std::vector<OptionChoice> choices = {},
                  OptionRange range = {}, std::string minimumMeaning = {}, double step = 1, bool spansDecades = false) {
    return {std::move(key), std::move(flag), type, std::move(group), std::move(label), std::move(help), get, set,
            std::move(choices), range, std::move(minimumMeaning), step, spansDecades};
}

std::vector<OptionField> makeFields() {
    using O = TrainingOptions;
    using V = OptionValue;
    using T = OptionType;
    return {
        field("epochs", "--epochs", T::Int, kSchedule, "epochs",
         "Passes over the training data. BERT's authors recommend 2–4 for fine-tuning; more overfits small datasets such as CoLA.",
         [](const O& o) { return value(o.epochs); }, [](O& o, const V& v) { assign(o.epochs, v); },
         {}, atLeast(0)),
        field("max_steps", "--max-steps", T::Int, kSchedule, "max steps",
         "Stop after this many optimizer steps, overriding epochs. 0 trains for the full epochs; useful for quick trials.",
         [](const O& o) { return value(o.maxSteps); }, [](O& o, const V& v) { assign(o.maxSteps, v); },
         {}, atLeast(0), "no limit"),
        field("batch_size", "--batch-size", T::Int, kSchedule, "batch size",
         "Examples per forward pass. 16 or 32 is the usual choice; larger batches need more memory.",
         [](const O& o) { return value(o.batchSize); }, [](O& o, const V& v) { assign(o.batchSize, v); },
         {}, atLeast(1)),
        field("gradient_accumulation", "--gradient-accumulation", T::Int, kSchedule, "gradient accumulation",
         "Batches summed before each optimizer step: the effective batch is batch size × this, without the memory cost.",
         [](const O& o) { return value(o.gradientAccumulation); }, [](O& o, const V& v) { assign(o.gradientAccumulation, v); },
         {}, atLeast(1)),
        field("learning_rate", "--lr", T::Real, kSchedule, "learning rate",
         "Peak AdamW learning rate. Fine-tuning uses 2e-5 to 5e-5: large enough to adapt the classifier, small enough not to destroy what pre-training learned. LoRA tolerates about 10× more.",
         [](const O& o) { return value(o.learningRate); }, [](O& o, const V& v) { assign(o.learningRate, v); },
         {}, openFraction(), "", 0, /*spansDecades=*/true),
        field("head_learning_rate", "--head-lr", T::Real, kSchedule, "classifier learning rate",
         "A separate rate for the new classifier and pooler, which start from random weights and may learn faster. 0 uses the learning rate.",
         [](const O& o) { return value(o.headLearningRate); }, [](O& o, const V& v) { assign(o.headLearningRate, v); },
         {}, fraction(), "same", 0, /*spansDecades=*/true),
        field("warmup_ratio", "--warmup-ratio", T::Real, kSchedule, "warmup ratio",
         "Share of all steps during which the rate rises linearly from 0. Warmup (usually 10 %) keeps the first, noisy updates from wrecking pre-trained weights.",
         [](const O& o) { return value(o.warmupRatio); }, [](O& o, const V& v) { assign(o.warmupRatio, v); },
         {}, fraction(), "", 0.01),
        field("warmup_steps", "--warmup-steps", T::Int, kSchedule, "warmup steps",
         "Exact number of warmup steps; overrides the ratio when 0 or more. -1 uses the ratio.",
         [](const O& o) { return value(o.warmupSteps); }, [](O& o, const V& v) { assign(o.warmupSteps, v); },
         {}, atLeast(-1), "use ratio"),
        field("schedule", "--schedule", T::Choice, kSchedule, "schedule",
         "How the rate falls after warmup: linearly to 0 (BERT's choice), not at all, or along a cosine.",
         [](const O& o) { return enumName(o.schedule); }, [](O& o, const V& v) { assignEnum(o.schedule, v); },
         {{"linear", "linear decay"}, {"constant", "constant"}, {"cosine", "cosine"}}),

        field("weight_decay", "--weight-decay", T::Real, kOptimizer, "weight decay",
         "AdamW's decoupled weight decay (0.01 in BERT), a mild regulariser; never applied to biases and LayerNorm weights.",
         [](const O& o) { return value(o.weightDecay); }, [](O& o, const V& v) { assign(o.weightDecay, v); },
         {}, fraction(), "", 0.001),
        field("adam_beta1", "--adam-beta1", T::Real, kOptimizer, "Adam β1",
         "Decay of the running mean of gradients (momentum). 0.9 is standard.",
         [](const O& o) { return value(o.adamBeta1); }, [](O& o, const V& v) { assign(o.adamBeta1, v); },
         {}, fraction(), "", 0.001),
        field("adam_beta2", "--adam-beta2", T::Real, kOptimizer, "Adam β2",
         "Decay of the running mean of squared gradients. 0.999 is standard.",
         [](const O& o) { return value(o.adamBeta2); }, [](O& o, const V& v) { assign(o.adamBeta2, v); },
         {}, fraction(), "", 0.0001),
        field("adam_epsilon", "--adam-epsilon", T::Real, kOptimizer, "Adam ε",
         "Added to the denominator for numerical stability. 1e-8 (BERT uses 1e-6 in some recipes).",
         [](const O& o) { return value(o.adamEpsilon); }, [](O& o, const V& v) { assign(o.adamEpsilon, v); },
         {}, greaterThan(0), "", 0, /*spansDecades=*/true),
        field("max_grad_norm", "--max-grad-norm", T::Real, kOptimizer, "max gradient norm",
         "Gradients whose global L2 norm exceeds this are scaled down (clipping), which prevents rare huge updates. 0 disables it.",
         [](const O& o) { return value(o.maxGradNorm); }, [](O& o, const V& v) { assign(o.maxGradNorm, v); },
         {}, atLeast(0), "", 0.1),

        field("max_length", "--max-length", T::Int, kData, "max length",
         "Tokens per example including [CLS] and [SEP]; longer texts are truncated. Most CoLA sentences need fewer than 64.",
         [](const O& o) { return value(o.maxLength); }, [](O& o, const V& v) { assign(o.maxLength, v); },
         {}, atLeast(3)),
        field("padding", "--padding", T::Choice, kData, "padding",
         "Dynamic pads each batch only to its longest example (much faster); max length pads every example to max length, as the classic notebook does.",
         [](const O& o) { return enumName(o.padding); }, [](O& o, const V& v) { assignEnum(o.padding, v); },
         {{"dynamic", "dynamic (per batch)"}, {"max_length", "max length (every example)"}}),
        field("shuffle", "--shuffle", T::Choice, kData, "shuffle",
         "Bucketed groups examples of similar length into batches (less padding); random shuffles freely; none keeps file order.",
         [](const O& o) { return enumName(o.shuffle); }, [](O& o, const V& v) { assignEnum(o.shuffle, v); },
         {{"bucketed", "bucketed by length"}, {"random", "random"}, {"none", "none (file order)"}}),
        field("seed", "--seed", T::Int, kData, "seed",
         "Seeds shuffling, dropout and new weights, so a run can be repeated exactly.",
         [](const O& o) { return value(o.seed); }, [](O& o, const V& v) { assign(o.seed, v); },
         {}, atLeast(0)),
        field("eval_batch_size", "--eval-batch-size", T::Int, kData, "evaluation batch size",
         "Batch size for validation and test; evaluation needs no gradients, so it can be larger.",
         [](const O& o) { return value(o.evalBatchSize); }, [](O& o, const V& v) { assign(o.evalBatchSize, v); },
         {}, atLeast(1)),
        field("device", "--device", T::String, kData, "device",
         "Where training runs: cpu, cuda (the first GPU) or cuda:N.",
         [](const O& o) { return value(o.device); }, [](O& o, const V& v) { assign(o.device, v); },
         {{"cpu", "cpu"}, {"cuda", "cuda"}}),
        field("processes", "--nproc", T::Int, kData, "processes",
         "Train in this many processes on this machine, each on its share of every batch, with the cores split between them (data parallelism). The results equal one process's at the same batch size; on machines with many cores, several processes of fewer threads each are often faster than one. A run resumes only with as many processes as it started with.",
         [](const O& o) { return value(o.processes); }, [](O& o, const V& v) { assign(o.processes, v); },
         {}, {1.0, 64.0, false, false}),
        field("precision", "--precision", T::Choice, kData, "precision",
         "bf16 (bfloat16 mixed precision) computes the matrix products in bfloat16 and keeps the weights and optimizer state in float32: nearly twice as fast for large models such as BERT-base on CPUs with AVX512-BF16 and on recent GPUs (small models gain little), with losses that differ from float32 in the third digit. Evaluation stays in float32. Without native bfloat16 it is emulated and slower.",
         [](const O& o) { return enumName(o.precision); }, [](O& o, const V& v) { assignEnum(o.precision, v); },
         {{"fp32", "float32 (exact)"}, {"bf16", "bfloat16 mixed precision"}}),
        field("activation_checkpointing", "--activation-checkpointing", T::Bool, kData, "activation checkpointing",
         "Keep only each layer's input during the forward pass and recompute the rest in the backward pass: much less memory for long inputs and large batches, for up to a third more time per step. The results are the same.",
         [](const O& o) { return value(o.activationCheckpointing); },
         [](O& o, const V& v) { assign(o.activationCheckpointing, v); }),

        field("freeze_layers", "--freeze-layers", T::Int, kStrategy, "frozen layers",
         "Freeze the embeddings and the first K encoder layers: faster and less prone to overfitting, at some cost in accuracy.",
         [](const O& o) { return value(o.freezeLayers); }, [](O& o, const V& v) { assign(o.freezeLayers, v); },
         {}, atLeast(0)),
        field("head_only", "--head-only", T::Bool, kStrategy, "train classifier only",
         "Keep the whole encoder fixed and train only the pooler and classifier — a quick baseline.",
         [](const O& o) { return value(o.headOnly); }, [](O& o, const V& v) { assign(o.headOnly, v); }),
        field("gradual_unfreezing", "--gradual-unfreezing", T::Choice, kStrategy, "gradual unfreezing",
         "Start with only the classifier trainable and unfreeze the encoder step by step (ULMFiT): layers unfreezes one more layer from the top every interval, down to the embeddings; head then all trains the head for one interval, then everything. Each newly unfrozen layer starts with a fresh optimizer state; the learning-rate chart marks each stage.",
         [](const O& o) { return enumName(o.gradualUnfreezing); }, [](O& o, const V& v) { assignEnum(o.gradualUnfreezing, v); },
         {{"off", "off"}, {"layers", "one layer at a time, from the top"}, {"head_then_all", "head first, then everything"}}),
        field("unfreeze_interval", "--unfreeze-interval", T::Int, kStrategy, "unfreezing interval",
         "How long each stage of gradual unfreezing lasts, in the unit below.",
         [](const O& o) { return value(o.unfreezeInterval); }, [](O& o, const V& v) { assign(o.unfreezeInterval, v); },
         {}, atLeast(1)),
        field("unfreeze_unit", "--unfreeze-unit", T::Choice, kStrategy, "unfreezing unit",
         "Whether the unfreezing interval counts epochs or optimizer steps.",
         [](const O& o) { return enumName(o.unfreezeUnit); }, [](O& o, const V& v) { assignEnum(o.unfreezeUnit, v); },
         {{"epochs", "epochs"}, {"steps", "steps"}}),
        field("lora.rank", "--lora-rank", T::Int, kStrategy, "LoRA rank",
         "Rank of the low-rank adapters added to the chosen projections; the original weights stay frozen. 0 disables LoRA; 4–16 is typical.",
         [](const O& o) { return value(o.lora.rank); }, [](O& o, const V& v) { assign(o.lora.rank, v); },
         {}, atLeast(0)),
        field("lora.alpha", "--lora-alpha", T::Real, kStrategy, "LoRA alpha",
         "Scales the adapters' output by alpha / rank; 2 × rank is a common choice.",
         [](const O& o) { return value(o.lora.alpha); }, [](O& o, const V& v) { assign(o.lora.alpha, v); },
         {}, atLeast(0), "", 1),
        field("lora.dropout", "--lora-dropout", T::Real, kStrategy, "LoRA dropout",
         "Dropout on the adapters' input, a regulariser for small datasets.",
         [](const O& o) { return value(o.lora.dropout); }, [](O& o, const V& v) { assign(o.lora.dropout, v); },
         {}, fraction(), "", 0.05),
        field("lora.targets", "--lora-targets", T::StringList, kStrategy, "LoRA targets",
         "The projections that get adapters. Query and value, as in the LoRA paper, is usually enough. In DistilBERT they are q_lin, k_lin and v_lin; dense is out_lin, lin1 and lin2.",
         [](const O& o) { return value(o.lora.targets); }, [](O& o, const V& v) { assign(o.lora.targets, v); },
         {{"query", "query"}, {"key", "key"}, {"value", "value"}, {"dense", "dense"}}),
        field("metric", "--metric", T::Choice, kStrategy, "best model by",
         "The validation metric that picks the checkpoint kept at the end. MCC is CoLA's official metric and robust to class imbalance.",
         [](const O& o) { return value(o.metric); }, [](O& o, const V& v) { assign(o.metric, v); },
         {{"mcc", "MCC"}, {"accuracy", "accuracy"}, {"f1", "macro F1"}, {"loss", "validation loss"}}),
        field("early_stopping_patience", "--early-stopping-patience", T::Int, kStrategy, "early stopping patience",
         "Stop after this many evaluations without improvement of that metric. 0 never stops early.",
         [](const O& o) { return value(o.earlyStoppingPatience); }, [](O& o, const V& v) { assign(o.earlyStoppingPatience, v); },
         {}, atLeast(0)),
        field("checkpoint_steps", "--checkpoint-steps", T::Int, kStrategy, "checkpoint every (steps)",
         "Also write a resumable checkpoint every this many optimizer steps, not only at epoch ends. 0 does not count steps.",
         [](const O& o) { return value(o.checkpointSteps); }, [](O& o, const V& v) { assign(o.checkpointSteps, v); },
         {}, atLeast(0), "off"),
        field("checkpoint_minutes", "--checkpoint-minutes", T::Real, kStrategy, "checkpoint every (minutes)",
         "Also write a resumable checkpoint after this many minutes of training, so a crash or kill loses at most that much work. 0 does not count time.",
         [](const O& o) { return value(o.checkpointMinutes); }, [](O& o, const V& v) { assign(o.checkpointMinutes, v); },
         {}, atLeast(0), "off", 1),
        field("attention_probes", "--attention-probes", T::String, kStrategy, "attention probes",
         "Up to 4 sentences, separated by |, whose attention in every layer and head is saved after every epoch, to follow how attention changes during training. Each is cut to 64 tokens (fewer in large models, so that each save stays under 1 MB). Empty uses the first 3 validation texts.",
         [](const O& o) { return value(o.attentionProbes); }, [](O& o, const V& v) { assign(o.attentionProbes, v); }),
    };
}

// 3 rather than 3.0 for bounds of integer fields.
std::string number(double v) {
    if (std::floor(v) == v && std::abs(v) < 1e15) return std::to_string(static_cast<int64_t>(v));
    return nlohmann::json(v).dump();
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string text;
    for (const auto& item : items) text += (text.empty() ? "" : separator) + item;
    return text;
}

std::string named(const OptionField& field) {
    return "training setting \"" + field.key + "\" (" + field.label + ")";
}

}  // namespace

bool OptionRange::contains(double v) const {
    if (std::isnan(v)) return false;
    if (min && (minExclusive ? v <= *min : v < *min)) return false;
    if (max && (maxExclusive ? v >= *max : v > *max)) return false;
    return true;
}

std::string OptionRange::words() const {
    std::string low, high;
    if (min) low = (minExclusive ? "greater than " : "at least ") + number(*min);
    if (max) high = (maxExclusive ? "below " : "at most ") + number(*max);
    return low.empty() || high.empty() ? low + high : low + " and " + high;
}

std::vector<std::string> OptionField::choiceNames() const {
    std::vector<std::string> names;
    for (const auto& choice : choices) names.push_back(choice.name);
    return names;
}

std::string OptionField::problem(const OptionValue& v) const {
    const auto names = choiceNames();
    auto known = [&names](const std::string& name) { return std::find(names.begin(), names.end(), name) != names.end(); };
    switch (type) {
    case OptionType::Int:
    case OptionType::Real: {
        const double x = type == OptionType::Int ? double(std::get<int64_t>(v)) : std::get<double>(v);
        if (!range.contains(x)) return named(*this) + " must be " + range.words() + ", not " + optionValueText(v);
        return {};
    }
    case OptionType::Choice:
        if (!known(std::get<std::string>(v)))
            return named(*this) + " is \"" + std::get<std::string>(v) + "\"; use one of " + joined(names, ", ");
        return {};
    case OptionType::StringList:
        for (const auto& item : std::get<std::vector<std::string>>(v))
            if (!names.empty() && !known(item))
                return named(*this) + " has \"" + item + "\"; use " + joined(names, ", ");
        return {};
    case OptionType::Bool:
    case OptionType::String:
        return {};
    }
    return {};
}

nlohmann::json OptionField::toJson(const OptionValue& v) const {
    return std::visit([](const auto& x) { return nlohmann::json(x); }, v);
}

OptionValue OptionField::fromJson(const nlohmann::json& j) const {
    auto wrongType = [&](const std::string& expected) {
        return UsageError("training setting \"" + key + "\" has the wrong type: " + jsonText(j) + " (expected " + expected + ")");
    };
    switch (type) {
    case OptionType::Int:
    {
        if (const auto value = jsonInteger(j)) return *value;
        if (j.is_number_integer()) throw UsageError("training setting \"" + key + "\" is too large: " + jsonText(j));
        throw wrongType("an integer");
    }
    case OptionType::Real:
        if (!j.is_number()) throw wrongType("a number");
        return j.get<double>();
    case OptionType::Bool:
        if (!j.is_boolean()) throw wrongType("true or false");
        return j.get<bool>();
    case OptionType::Choice: {
        const auto names = choiceNames();
        if (!j.is_string() || std::find(names.begin(), names.end(), j.get<std::string>()) == names.end())
            throw UsageError("training setting \"" + key + "\" is " + jsonText(j) + "; use one of " + joined(names, ", "));
        return j.get<std::string>();
    }
    case OptionType::StringList: {
        if (!j.is_array()) throw wrongType("a list of names");
        std::vector<std::string> items;
        for (const auto& item : j) {
            if (!item.is_string()) throw wrongType("a list of names");
            items.push_back(item.get<std::string>());
        }
        return items;
    }
    case OptionType::String:
        if (!j.is_string()) throw wrongType("a string");
        return j.get<std::string>();
    }
    throw wrongType("a known type");
}

const std::vector<OptionField>& trainingOptionFields() {
    static const std::vector<OptionField> fields = makeFields();
    return fields;
}

const OptionField* findOptionField(const std::string& key) {
    for (const auto& field : trainingOptionFields())
        if (field.key == key) return &field;
    return nullptr;
}

std::string optionValueText(const OptionValue& v) {
    if (const auto* i = std::get_if<int64_t>(&v)) return std::to_string(*i);
    if (const auto* d = std::get_if<double>(&v)) return nlohmann::json(*d).dump();
    if (const auto* b = std::get_if<bool>(&v)) return *b ? "true" : "false";
    if (const auto* s = std::get_if<std::string>(&v)) return *s;
    return joined(std::get<std::vector<std::string>>(v), ",");
}

std::vector<OptionDifference> optionDifferences(const TrainingOptions& before, const TrainingOptions& after) {
    std::vector<OptionDifference> differences;
    for (const auto& field : trainingOptionFields()) {
        const auto a = field.get(before), b = field.get(after);
        if (a != b) differences.push_back({field.key, optionValueText(a), optionValueText(b)});
    }
    return differences;
}

}  // namespace bertbench
