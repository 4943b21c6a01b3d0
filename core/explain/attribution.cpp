#include "explain/attribution.h"

#include "common/errors.h"

#include <cmath>

namespace bertbench {

const char* attributionMethodName(AttributionMethod method) {
    switch (method) {
    case AttributionMethod::IntegratedGradients: return "ig";
    case AttributionMethod::GradientTimesInput: return "grad-input";
    case AttributionMethod::AttentionRollout: return "rollout";
    }
    return "ig";
}

AttributionMethod parseAttributionMethod(const std::string& name) {
    for (const auto method : {AttributionMethod::IntegratedGradients, AttributionMethod::GradientTimesInput,
                              AttributionMethod::AttentionRollout})
        if (name == attributionMethodName(method)) return method;
    throw UsageError("unknown attribution method '" + name + "': use ig, grad-input or rollout");
}

std::optional<double> Attribution::relativeGap() const {
    if (!completenessGap || !output || !baselineOutput) return std::nullopt;
    const double moved = std::abs(*output - *baselineOutput);
    return moved == 0.0 ? 0.0 : *completenessGap / moved;
}

}  // namespace bertbench
