// TrainingOptions' JSON and validation, driven by the option schema.
#include "training/training_options.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "training/option_schema.h"

#include <algorithm>
#include <cmath>

namespace bertbench {

namespace {

// "lora.rank" -> {"lora", "rank"}; "epochs" -> {"", "epochs"}.
std::pair<std::string, std::string> splitKey(const std::string& key) {
    const auto dot = key.find('.');
    if (dot == std::string::npos) return {"", key};
    return {key.substr(0, dot), key.substr(dot + 1)};
}

bool isObjectKey(const std::string& name) {
    for (const auto& field : trainingOptionFields())
        if (splitKey(field.key).first == name) return true;
    return false;
}

void readSetting(TrainingOptions& options, const std::string& key, const nlohmann::json& value) {
    const OptionField* field = findOptionField(key);
    if (!field) throw UsageError("unknown training setting \"" + key + "\"");
    field->set(options, field->fromJson(value));
}

}  // namespace

int64_t TrainingOptions::resolvedWarmupSteps(int64_t totalSteps) const {
    if (warmupSteps >= 0) return warmupSteps;
    return static_cast<int64_t>(std::ceil(warmupRatio * double(totalSteps)));
}

std::vector<std::string> TrainingOptions::attentionProbeTexts() const {
    std::vector<std::string> texts;
    size_t start = 0;
    while (start <= attentionProbes.size()) {
        const size_t bar = std::min(attentionProbes.find('|', start), attentionProbes.size());
        const auto first = attentionProbes.find_first_not_of(" \t\r\n", start);
        if (first != std::string::npos && first < bar) {
            const auto last = attentionProbes.find_last_not_of(" \t\r\n", bar - 1);
            texts.push_back(attentionProbes.substr(first, last - first + 1));
        }
        start = bar + 1;
    }
    return texts;
}

void TrainingOptions::validate() const {
    auto require = [](bool ok, const std::string& message) {
        if (!ok) throw UsageError(message);
    };
    for (const auto& field : trainingOptionFields()) {
        const std::string problem = field.problem(field.get(*this));
        require(problem.empty(), problem);
    }
    require(epochs > 0 || maxSteps > 0, "epochs must be at least 1 (or give max steps)");
    require(lora.rank == 0 || !headOnly, "LoRA and head-only training exclude each other");
    require(gradualUnfreezing == GradualUnfreezing::Off || (lora.rank == 0 && !headOnly),
            "gradual unfreezing trains the encoder in the end, so it excludes head-only training and LoRA");
    const size_t probes = attentionProbeTexts().size();
    require(probes <= kMaxAttentionProbes, "training setting \"attention_probes\" (attention probes) has " +
                                               std::to_string(probes) + " sentences; give at most " +
                                               std::to_string(kMaxAttentionProbes) + ", separated by |");
}

nlohmann::json TrainingOptions::toJson() const {
    auto json = nlohmann::json::object();
    for (const auto& field : trainingOptionFields()) {
        const auto [object, name] = splitKey(field.key);
        auto& parent = object.empty() ? json : json[object];
        parent[name] = field.toJson(field.get(*this));
    }
    return json;
}

TrainingOptions TrainingOptions::fromJson(const nlohmann::json& j) {
    if (!j.is_object()) throw UsageError("training settings must be a JSON object");
    TrainingOptions o;
    for (const auto& [name, value] : j.items()) {
        if (!isObjectKey(name)) {
            readSetting(o, name, value);
            continue;
        }
        if (!value.is_object()) throw UsageError("training setting \"" + name + "\" must be an object: " + jsonText(value));
        for (const auto& [inner, innerValue] : value.items()) readSetting(o, name + "." + inner, innerValue);
    }
    return o;
}

}  // namespace bertbench
