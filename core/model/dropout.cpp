#include "model/dropout.h"

#include "kernels/hashed_dropout.h"

namespace bertbench {

torch::Tensor DropoutImpl::forward(const torch::Tensor& x) {
    return is_training() ? hashedDropout(x, probability_) : x;
}

}  // namespace bertbench
