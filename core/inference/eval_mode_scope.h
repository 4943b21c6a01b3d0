// EvalModeScope: runs inference on a model that may be in the middle of
// training without disturbing it. It switches every submodule to eval mode
// and, when it ends, gives each back the mode it had and restores torch's CPU
// random-number state, so a prediction served between two optimizer steps
// leaves the run bit-identical to one without it.
#pragma once

#include "inference/random_state_scope.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

class EvalModeScope {
public:
    explicit EvalModeScope(torch::nn::Module& module);
    ~EvalModeScope();
    EvalModeScope(const EvalModeScope&) = delete;
    EvalModeScope& operator=(const EvalModeScope&) = delete;

private:
    std::vector<std::pair<std::shared_ptr<torch::nn::Module>, bool>> modes_;
    torch::nn::Module& module_;
    bool moduleWasTraining_;
    RandomStateScope randomState_;
};

}  // namespace bertbench
