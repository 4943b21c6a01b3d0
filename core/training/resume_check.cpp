#include "training/resume_check.h"

#include "common/errors.h"
#include "training/option_schema.h"

namespace bertbench {

bool affectsResult(const std::string& key) {
    return key != "device" && key != "eval_batch_size" && key != "checkpoint_steps" && key != "checkpoint_minutes" &&
           key != "activation_checkpointing" && key != "processes";
}

std::vector<std::string> resumeDifferences(const nlohmann::json& saved, const TrainingOptions& options,
                                           const nlohmann::json& now, const std::string& settingsFile) {
    if (!saved.is_object()) throw FileError(settingsFile, "damaged: not a JSON object");
    std::vector<std::string> differences;
    const auto savedOptions = saved.find("options");
    TrainingOptions before;
    try {
        before = TrainingOptions::fromJson(savedOptions == saved.end() ? nlohmann::json::object() : *savedOptions);
    } catch (const UsageError& e) {
        throw FileError(settingsFile, std::string("damaged: ") + e.what());
    }
    for (const auto& d : optionDifferences(before, options))
        if (affectsResult(d.key)) differences.push_back(d.key + ": " + d.before + " -> " + d.after);
    const auto savedData = saved.find("data");
    if (savedData == saved.end() || !savedData->is_object()) return differences;
    const auto& nowData = now.at("data");
    auto field = [](const nlohmann::json& object, const std::string& key) {
        const auto it = object.find(key);
        return it == object.end() ? nlohmann::json() : *it;
    };
    // A damaged file may hold bytes that are not UTF-8: shown as U+FFFD, not thrown.
    auto text = [](const nlohmann::json& value) {
        return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    };
    for (const char* split : {"train", "validation", "test"}) {
        const std::string key = std::string(split) + "_hash";
        if (savedData->contains(key) && field(*savedData, key) != field(nowData, key))
            differences.push_back(std::string(split) + " data: " + text(field(*savedData, split)) + " -> " +
                                  text(field(nowData, split)) + " (other content)");
    }
    return differences;
}

}  // namespace bertbench
