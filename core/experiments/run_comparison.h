// Comparison data for runs side by side: their curves (training loss, learning
// rate, a validation metric) read from metrics.jsonl, aligned on one x axis
// (optimizer step, epoch, or training time), smoothed as TensorBoard smooths,
// written as CSV; and which options differ between them.
#pragma once

#include "experiments/run_record.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

enum class CurveAxis { Step, Epoch, Seconds };
enum class CurveKind { Loss, LearningRate, Validation };

struct CurvePoint {
    int64_t step = 0;
    double epoch = 0;
    double seconds = 0;  // training time when the point was taken (0 in runs from before it was recorded)
    double value = 0;
};

struct RunCurves {
    std::string name;
    std::vector<CurvePoint> loss, learningRate, validation;
};

// `metric`: the validation metric to follow (mcc, accuracy, f1, loss).
RunCurves readRunCurves(const std::string& folder, const std::string& name, const std::string& metric = "mcc");

// TensorBoard's smoothing: an exponential moving average with weight in
// [0, 1), debiased so the first points are not pulled towards 0.
std::vector<double> smoothed(const std::vector<double>& values, double weight);

// One row per x value any run has (ascending); each run's value there, or NaN.
struct AlignedCurves {
    std::vector<double> x;
    std::vector<std::vector<double>> values;  // [run][row]
};
AlignedCurves alignCurves(const std::vector<RunCurves>& runs, CurveKind kind, CurveAxis axis, double smoothing = 0);

// "step,run a,run b" and one line per row; empty cells where a run has no value.
std::string curvesCsv(const AlignedCurves& curves, const std::vector<std::string>& names, CurveAxis axis);

// Every option of the runs, one row per key ("learning_rate", "lora.rank"),
// sorted by key, with each run's value as text ("(absent)" where a run has none).
struct OptionRow {
    std::string key;
    std::vector<std::string> values;  // [run]
    bool differs = false;
};
std::vector<OptionRow> optionTable(const std::vector<RunRecord>& runs);

// The option keys whose values differ between the runs.
std::vector<std::string> differingOptions(const std::vector<RunRecord>& runs);

}  // namespace bertbench
