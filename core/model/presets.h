// Size presets for new models, from the BERT paper's family of compact models
// (Turc et al. 2019, "Well-Read Students Learn Better") up to BERT-large.
// Intermediate width is 4 × hidden and positions reach 512, as in those models.
#pragma once

#include "model/bert_config.h"

#include <string>
#include <vector>

namespace bertbench {

struct SizePreset {
    std::string name;
    int64_t layers;
    int64_t hidden;
    int64_t heads;
};

const std::vector<SizePreset>& sizePresets();  // tiny, mini, small, medium, base, large

// The config of a preset with the given vocabulary size and labels.
// Throws UsageError listing the valid names for an unknown preset.
BertConfig presetConfig(const std::string& name, int64_t vocabSize,
                        std::vector<std::string> labels = defaultLabels(2));

}  // namespace bertbench
