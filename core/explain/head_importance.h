// Head importance (Michel, Levy & Neubig 2019, "Are Sixteen Heads Really
// Better than One?"): how much the loss on a dataset depends on each
// attention head, as |∂loss/∂mask| for a head mask of ones, accumulated over
// the batches, divided by the tokens seen and normalised per layer (L2), as
// transformers' bertology example computes it. Plain values: the GUI overlays
// them on its layers × heads grid.
#pragma once

#include "data/dataset.h"
#include "model/model_config.h"

#include <cstdint>
#include <functional>
#include <map>
#include <vector>

namespace bertbench {

struct ModelBundle;

struct HeadImportance {
    int64_t layers = 0, heads = 0;
    std::vector<float> scores;  // [layers * heads], each layer's row of unit L2 norm
    std::vector<float> raw;     // [layers * heads], before the per-layer normalisation
    std::vector<bool> pruned;   // [layers * heads]: already pruned (score 0)
    size_t examples = 0, tokens = 0;

    float at(int64_t layer, int64_t head) const { return scores[size_t(layer * heads + head)]; }
};

// Over every example of data (its labels fitted onto the model's), batches of
// batchSize, inputs truncated to maxLength (0: the model's maximum). Gradients
// reach the mask only (torch::autograd::grad): the weights are untouched.
// progress(fraction) may return false to stop (OperationCancelled).
HeadImportance measureHeadImportance(ModelBundle& model, const Dataset& data, size_t maxLength = 0,
                                     int64_t batchSize = 32, const std::function<bool(double)>& progress = {});

// The `count` least important heads not yet pruned, by normalised score
// (ties: the earlier layer and head first), never the last head of a layer;
// fewer when no more can go.
HeadsByLayer leastImportantHeads(const HeadImportance& importance, int64_t count);

}  // namespace bertbench
