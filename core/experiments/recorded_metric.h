// A validation metric read back from a run's files: report.json's
// "validation" and metrics.jsonl's "eval" lines hold metricsToJson's keys
// (evaluation/metrics.h), where the metric option's "f1" is "f1_macro".
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace bertbench {

// `name` is a metric option's value (accuracy, mcc, f1, loss); NaN when the
// metrics do not hold it.
double recordedMetric(const nlohmann::json& metrics, const std::string& name);

}  // namespace bertbench
