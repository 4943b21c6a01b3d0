// The preset table and its look-ups; see training_presets.h.
#include "training/training_presets.h"

#include "common/errors.h"
#include "training/option_schema.h"

namespace bertbench {

const std::vector<TrainingPreset>& trainingPresets() {
    static const std::vector<TrainingPreset> presets = {
        {"classic", "Classic notebook",
         "The BERT CoLA notebook: batch 32, learning rate 2e-5, 4 epochs, every example padded to max length, "
         "random shuffling.",
         {{"padding", "max_length"}, {"shuffle", "random"}}},
        {"fast-cpu", "Fast CPU",
         "Dynamic padding with length buckets, max length 64, batch 32, learning rate 5e-5, 3 epochs: several times "
         "faster on a CPU.",
         {{"max_length", 64}, {"learning_rate", 5e-5}, {"epochs", 3}}},
        // Measured on the bundled AG News sample with the tiny preset: 5e-5 leaves
        // a random model near chance after 3 epochs, 5e-4 reaches ~85 % accuracy.
        {"new-model", "New model",
         "For a model created from random weights: the Fast CPU settings with learning rate 5e-4, ten times the "
         "fine-tuning rate, because nothing pre-trained needs protecting.",
         {{"max_length", 64}, {"learning_rate", 5e-4}, {"epochs", 3}}},
        {"lora", "LoRA",
         "Low-rank adapters (rank 8, alpha 16) on query and value with learning rate 5e-4: few trainable weights, "
         "small checkpoints.",
         {{"lora", {{"rank", 8}}}, {"learning_rate", 5e-4}}},
    };
    return presets;
}

const TrainingPreset* findTrainingPreset(const std::string& id) {
    for (const auto& preset : trainingPresets())
        if (preset.id == id) return &preset;
    return nullptr;
}

TrainingOptions presetOptions(const std::string& id) {
    if (const auto* preset = findTrainingPreset(id)) return preset->options();
    std::string known;
    for (const auto& preset : trainingPresets()) known += (known.empty() ? "" : ", ") + preset.id;
    throw UsageError("unknown hyperparameter preset \"" + id + "\"; use one of " + known);
}

std::string matchingPreset(const TrainingOptions& options) {
    for (const auto& preset : trainingPresets())
        if (optionDifferences(preset.options(), options).empty()) return preset.id;
    return {};
}

}  // namespace bertbench
