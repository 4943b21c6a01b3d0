#include "model/presets.h"

#include <algorithm>

#include "common/errors.h"

namespace bertbench {

const std::vector<SizePreset>& sizePresets() {
    static const std::vector<SizePreset> presets = {
        {"tiny", 2, 128, 2},  {"mini", 4, 256, 4},   {"small", 4, 512, 8},
        {"medium", 8, 512, 8}, {"base", 12, 768, 12}, {"large", 24, 1024, 16},
    };
    return presets;
}

ModelConfig presetConfig(const std::string& name, int64_t vocabSize, std::vector<std::string> labels,
                         ModelFamily family, int64_t padTokenId) {
    for (const auto& preset : sizePresets()) {
        if (preset.name != name) continue;
        ModelConfig config = defaultConfig(family);
        config.padTokenId = padTokenId;
        config.numHiddenLayers = family == ModelFamily::DistilBert ? std::max<int64_t>(1, preset.layers / 2) : preset.layers;
        if (family == ModelFamily::Roberta) {
            config.typeVocabSize = 1;
            config.layerNormEps = 1e-5;
            config.maxPositionEmbeddings += config.firstPosition();
        }
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
