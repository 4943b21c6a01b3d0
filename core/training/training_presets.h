// Named hyperparameter presets: each is the engine's defaults (TrainingOptions{})
// with the few settings that make it what it is, written as settings.json keys.
// Names and descriptions are English; the GUI translates them, the CLI picks a
// preset with --hyperparameters-preset ID.
#pragma once

#include "training/training_options.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bertbench {

struct TrainingPreset {
    std::string id;           // stable, used in settings and on the command line: "fast-cpu"
    std::string name;         // "Fast CPU"
    std::string description;  // one sentence, for a tooltip or --help
    nlohmann::json changes;   // the settings that differ from the defaults

    TrainingOptions options() const { return TrainingOptions::fromJson(changes); }
};

const std::vector<TrainingPreset>& trainingPresets();
const TrainingPreset* findTrainingPreset(const std::string& id);  // nullptr when unknown
// Throws UsageError listing the known ids when `id` is not one.
TrainingOptions presetOptions(const std::string& id);
// The id of the preset whose options equal `options` in every field, or "" (custom).
std::string matchingPreset(const TrainingOptions& options);

}  // namespace bertbench
