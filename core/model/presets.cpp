#include "model/presets.h"

#include "common/errors.h"

namespace bertbench {

const std::vector<SizePreset>& sizePresets() {
    static const std::vector<SizePreset> presets = {
        {"tiny", 2, 128, 2},  {"mini", 4, 256, 4},   {"small", 4, 512, 8},
        {"medium", 8, 512, 8}, {"base", 12, 768, 12}, {"large", 24, 1024, 16},
    };
    return presets;
}

BertConfig presetConfig(const std::string& name, int64_t vocabSize, std::vector<std::string> labels) {
    for (const auto& preset : sizePresets()) {
        if (preset.name != name) continue;
        BertConfig config;
        config.numHiddenLayers = preset.layers;
        config.hiddenSize = preset.hidden;
        config.numAttentionHeads = preset.heads;
        config.intermediateSize = 4 * preset.hidden;
        config.vocabSize = vocabSize;
        config.id2label = std::move(labels);
        config.validate();
        return config;
    }
    std::string names;
    for (const auto& preset : sizePresets()) names += (names.empty() ? "" : ", ") + preset.name;
    throw UsageError("unknown size preset \"" + name + "\"; choose one of " + names);
}

}  // namespace bertbench
