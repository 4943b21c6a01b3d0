#include "experiments/recorded_metric.h"

#include <limits>

namespace bertbench {

double recordedMetric(const nlohmann::json& metrics, const std::string& name) {
    const std::string key = name == "f1" ? "f1_macro" : name;
    if (!metrics.is_object() || !metrics.contains(key) || !metrics.at(key).is_number())
        return std::numeric_limits<double>::quiet_NaN();
    return metrics.at(key).get<double>();
}

}  // namespace bertbench
