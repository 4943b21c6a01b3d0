#include "inference/eval_mode_scope.h"

namespace bertbench {

EvalModeScope::EvalModeScope(torch::nn::Module& module)
    : module_(module), moduleWasTraining_(module.is_training()) {
    for (auto& child : module.modules(/*include_self=*/false)) modes_.emplace_back(child, child->is_training());
    module.eval();
}

EvalModeScope::~EvalModeScope() {
    // train(bool) recurses into children; modules() lists parents before their
    // children, so setting each in that order leaves every one as it was.
    module_.train(moduleWasTraining_);
    for (auto& [child, training] : modes_) child->train(training);
}  // randomState_ then restores the random state

}  // namespace bertbench
