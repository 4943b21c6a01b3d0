#include "inference/head_mask_tensor.h"

#include "common/errors.h"

namespace bertbench {

torch::Tensor headMaskTensor(const HeadMask& mask, int64_t layers, int64_t heads, torch::Device device) {
    if (mask.empty()) return {};
    if (mask.layers != layers || mask.heads != heads || mask.factors.size() != size_t(layers * heads))
        throw UsageError("the head mask is for " + std::to_string(mask.layers) + " layers of " +
                         std::to_string(mask.heads) + " heads, the model has " + std::to_string(layers) + " of " +
                         std::to_string(heads));
    return torch::tensor(mask.factors).view({layers, heads}).to(device);
}

}  // namespace bertbench
