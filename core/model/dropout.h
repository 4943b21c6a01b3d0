// The models' dropout module: torch::nn::Dropout's behaviour (identity in
// evaluation mode, inverted dropout in training mode) on hashedDropout's
// faster masks. Registered under the same names ("dropout"), and it has no
// parameters, so state dicts are unchanged.
#pragma once

#include <torch/torch.h>

namespace bertbench {

class DropoutImpl : public torch::nn::Cloneable<DropoutImpl> {
public:
    explicit DropoutImpl(double probability = 0.5) : probability_(probability) {}
    void reset() override {}

    torch::Tensor forward(const torch::Tensor& x);
    double probability() const { return probability_; }

private:
    double probability_;
};
TORCH_MODULE(Dropout);

}  // namespace bertbench
