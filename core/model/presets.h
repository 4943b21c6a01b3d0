// Size presets for new models, from the BERT paper's family of compact models
// (Turc et al. 2019, "Well-Read Students Learn Better") up to BERT-large.
// Intermediate width is 4 × hidden and positions reach 512, as in those models.
#pragma once

#include "model/model_config.h"

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

// The config of a preset with the given vocabulary size, labels and padding id,
// in the family's style: DistilBERT keeps half the layers (base -> 6, as
// distilbert-base), RoBERTa has roberta-base's 1 token type, LayerNorm eps 1e-5
// and two positions more for its offset. Throws UsageError listing the valid
// names for an unknown preset.
ModelConfig presetConfig(const std::string& name, int64_t vocabSize,
                         std::vector<std::string> labels = defaultLabels(2), ModelFamily family = ModelFamily::Bert,
                         int64_t padTokenId = 0);

}  // namespace bertbench
