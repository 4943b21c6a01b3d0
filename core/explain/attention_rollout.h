// Attention rollout (Abnar & Zuidema 2020, "Quantifying Attention Flow in
// Transformers"): per layer, the heads' attention averaged, the identity added
// for the residual connection and the rows renormalised; the layers' matrices
// multiplied from the first to the last. Row i of the result says how much of
// token i's final representation comes from each input token.
#pragma once

#include "inference/prediction.h"

#include <vector>

namespace bertbench {

// The rollout row of the first token ([CLS] / <s>, what a classifier reads);
// empty maps give an empty result.
std::vector<float> rolloutFromFirstToken(const AttentionMaps& maps);

}  // namespace bertbench
