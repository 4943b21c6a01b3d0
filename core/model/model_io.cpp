#include "model/model_io.h"

#include <limits>
#include <string>

#include "common/errors.h"

namespace bertbench {

torch::Tensor positionsForLogits(const torch::Tensor& hidden, const ForwardOptions& options) {
    if (!options.logitPositions.defined()) return hidden;
    return hidden.reshape({-1, hidden.size(-1)}).index_select(/*dim=*/0, options.logitPositions);
}

torch::Tensor additiveAttentionMask(const torch::Tensor& attentionMask, torch::ScalarType dtype) {
    auto keep = attentionMask.to(dtype).unsqueeze(1).unsqueeze(2);  // [B, 1, 1, T]
    const double lowest = dtype == torch::kFloat64 ? std::numeric_limits<double>::lowest()
                          : dtype == torch::kBFloat16 ? -3.3895313892515355e38
                          : dtype == torch::kFloat16  ? -65504.0
                                                      : double(std::numeric_limits<float>::lowest());
    return (1.0 - keep) * lowest;
}

void checkInputShape(const torch::Tensor& inputIds, int64_t maxPositions) {
    if (inputIds.dim() != 2) throw UsageError("input_ids must be [batch, tokens]");
    if (inputIds.size(1) > maxPositions)
        throw UsageError("an input of " + std::to_string(inputIds.size(1)) +
                         " tokens is longer than the model's maximum of " + std::to_string(maxPositions));
}

void checkHeadMask(const torch::Tensor& headMask, int64_t layers, int64_t heads) {
    if (!headMask.defined()) return;
    if (headMask.dim() != 2 || headMask.size(0) != layers || headMask.size(1) != heads)
        throw UsageError("a head mask must be [layers, heads] = [" + std::to_string(layers) + ", " +
                         std::to_string(heads) + "]");
}

}  // namespace bertbench
