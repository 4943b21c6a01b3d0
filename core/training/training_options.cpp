#include "training/training_options.h"

#include "common/errors.h"

#include <cmath>

namespace bertbench {

NLOHMANN_JSON_SERIALIZE_ENUM(LrSchedule, {{LrSchedule::Linear, "linear"},
                                          {LrSchedule::Constant, "constant"},
                                          {LrSchedule::Cosine, "cosine"}})
NLOHMANN_JSON_SERIALIZE_ENUM(Padding, {{Padding::Dynamic, "dynamic"}, {Padding::MaxLength, "max_length"}})
NLOHMANN_JSON_SERIALIZE_ENUM(ShuffleMode, {{ShuffleMode::Bucketed, "bucketed"},
                                           {ShuffleMode::Random, "random"},
                                           {ShuffleMode::None, "none"}})

int64_t TrainingOptions::resolvedWarmupSteps(int64_t totalSteps) const {
    if (warmupSteps >= 0) return warmupSteps;
    return static_cast<int64_t>(std::ceil(warmupRatio * double(totalSteps)));
}

void TrainingOptions::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw UsageError(message);
    };
    require(epochs > 0 || maxSteps > 0, "epochs must be at least 1 (or give max steps)");
    require(maxSteps >= 0, "max steps cannot be negative");
    require(batchSize > 0, "batch size must be at least 1");
    require(gradientAccumulation > 0, "gradient accumulation must be at least 1");
    require(learningRate > 0 && learningRate < 1, "learning rate must be between 0 and 1");
    require(headLearningRate >= 0 && headLearningRate < 1, "head learning rate must be between 0 and 1");
    require(warmupRatio >= 0 && warmupRatio < 1, "warmup ratio must be in [0, 1)");
    require(weightDecay >= 0 && weightDecay < 1, "weight decay must be in [0, 1)");
    require(adamBeta1 >= 0 && adamBeta1 < 1 && adamBeta2 >= 0 && adamBeta2 < 1, "Adam betas must be in [0, 1)");
    require(adamEpsilon > 0, "Adam epsilon must be positive");
    require(maxLength >= 3, "max length must leave room for [CLS], a token and [SEP] (at least 3)");
    require(freezeLayers >= 0, "frozen layers cannot be negative");
    require(lora.rank >= 0, "LoRA rank cannot be negative");
    require(lora.rank == 0 || !headOnly, "LoRA and head-only training exclude each other");
    require(lora.dropout >= 0 && lora.dropout < 1, "LoRA dropout must be in [0, 1)");
    for (const auto& target : lora.targets)
        require(target == "query" || target == "key" || target == "value" || target == "dense",
                "unknown LoRA target \"" + target + "\"; use query, key, value or dense");
    require(earlyStoppingPatience >= 0, "early-stopping patience cannot be negative");
    require(metric == "accuracy" || metric == "mcc" || metric == "f1" || metric == "loss",
            "unknown metric \"" + metric + "\"; use accuracy, mcc, f1 or loss");
    require(evalBatchSize > 0, "evaluation batch size must be at least 1");
}

nlohmann::json TrainingOptions::toJson() const {
    return {{"epochs", epochs},
            {"max_steps", maxSteps},
            {"batch_size", batchSize},
            {"gradient_accumulation", gradientAccumulation},
            {"learning_rate", learningRate},
            {"head_learning_rate", headLearningRate},
            {"warmup_ratio", warmupRatio},
            {"warmup_steps", warmupSteps},
            {"schedule", schedule},
            {"weight_decay", weightDecay},
            {"adam_beta1", adamBeta1},
            {"adam_beta2", adamBeta2},
            {"adam_epsilon", adamEpsilon},
            {"max_grad_norm", maxGradNorm},
            {"max_length", maxLength},
            {"padding", padding},
            {"shuffle", shuffle},
            {"seed", seed},
            {"freeze_layers", freezeLayers},
            {"head_only", headOnly},
            {"lora", {{"rank", lora.rank}, {"alpha", lora.alpha}, {"dropout", lora.dropout}, {"targets", lora.targets}}},
            {"early_stopping_patience", earlyStoppingPatience},
            {"metric", metric},
            {"eval_batch_size", evalBatchSize},
            {"device", device}};
}

TrainingOptions TrainingOptions::fromJson(const nlohmann::json& j) {
    TrainingOptions o;
    // Reads j[key] into field when present, naming the setting on a type error.
    auto readFrom = [](const nlohmann::json& object, const char* key, auto& field) {
        auto it = object.find(key);
        if (it == object.end()) return;
        try {
            field = it->get<std::remove_reference_t<decltype(field)>>();
        } catch (const nlohmann::json::exception&) {
            throw UsageError(std::string("training setting \"") + key + "\" has the wrong type: " + it->dump());
        }
    };
    auto read = [&](const char* key, auto& field) { readFrom(j, key, field); };
    if (!j.is_object()) throw UsageError("training settings must be a JSON object");
    read("epochs", o.epochs);
    read("max_steps", o.maxSteps);
    read("batch_size", o.batchSize);
    read("gradient_accumulation", o.gradientAccumulation);
    read("learning_rate", o.learningRate);
    read("head_learning_rate", o.headLearningRate);
    read("warmup_ratio", o.warmupRatio);
    read("warmup_steps", o.warmupSteps);
    // Enums by name: an unknown name is an error, never silently the first value.
    auto readEnum = [&j](const char* key, auto& field, std::initializer_list<const char*> names) {
        auto it = j.find(key);
        if (it == j.end()) return;
        std::string valid;
        for (const char* name : names) {
            if (it->is_string() && it->get<std::string>() == name) {
                field = nlohmann::json(name).get<std::remove_reference_t<decltype(field)>>();
                return;
            }
            valid += (valid.empty() ? "" : ", ") + std::string(name);
        }
        throw UsageError(std::string("training setting \"") + key + "\" is " + it->dump() + "; use one of " + valid);
    };
    readEnum("schedule", o.schedule, {"linear", "constant", "cosine"});
    read("weight_decay", o.weightDecay);
    read("adam_beta1", o.adamBeta1);
    read("adam_beta2", o.adamBeta2);
    read("adam_epsilon", o.adamEpsilon);
    read("max_grad_norm", o.maxGradNorm);
    read("max_length", o.maxLength);
    readEnum("padding", o.padding, {"dynamic", "max_length"});
    readEnum("shuffle", o.shuffle, {"bucketed", "random", "none"});
    read("seed", o.seed);
    read("freeze_layers", o.freezeLayers);
    read("head_only", o.headOnly);
    if (j.contains("lora")) {
        const auto& l = j.at("lora");
        auto readLora = [&](const char* key, auto& field) { readFrom(l, key, field); };
        readLora("rank", o.lora.rank);
        readLora("alpha", o.lora.alpha);
        readLora("dropout", o.lora.dropout);
        readLora("targets", o.lora.targets);
    }
    read("early_stopping_patience", o.earlyStoppingPatience);
    read("metric", o.metric);
    read("eval_batch_size", o.evalBatchSize);
    read("device", o.device);
    return o;
}

}  // namespace bertbench
