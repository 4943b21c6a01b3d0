// RandomStateScope: keeps torch's CPU random-number state as it was when the
// scope began, whatever runs inside (building a model draws its initial
// weights from it), so work served between two training steps leaves the run
// bit-identical.
#pragma once

#include <torch/torch.h>

namespace bertbench {

class RandomStateScope {
public:
    RandomStateScope();
    ~RandomStateScope();
    RandomStateScope(const RandomStateScope&) = delete;
    RandomStateScope& operator=(const RandomStateScope&) = delete;

private:
    torch::Tensor state_;
};

}  // namespace bertbench
