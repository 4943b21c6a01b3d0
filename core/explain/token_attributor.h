// TokenAttributor: explains a classifier's prediction for one text (or pair)
// token by token (attribution.h). Gradients are taken with respect to the
// embeddings output only (torch::autograd::grad), never accumulated into the
// parameters, and in eval mode with the random state restored, so an
// explanation served between two training steps leaves the run bit-identical.
// Not thread-safe: one per thread, or serialise calls.
#pragma once

#include "explain/attribution.h"

#include <functional>
#include <memory>

namespace bertbench {

struct ModelBundle;

class TokenAttributor {
public:
    // model must be a sequence-classification bundle (UsageError otherwise).
    explicit TokenAttributor(std::shared_ptr<ModelBundle> model);

    // progress(fraction) may return false to stop (OperationCancelled).
    // UsageError for an unknown class label or a head mask of another shape.
    Attribution explain(const ExplainRequest& request, const std::function<bool(double)>& progress = {}) const;

private:
    std::shared_ptr<ModelBundle> model_;
};

}  // namespace bertbench
