// A sweep, run: each trial of a plan (sweep_plan.h) trained one after the
// other through the session, every one from the same starting model and data,
// into SWEEP_DIR/trial-NNN. A trial whose folder already holds a finished run
// is read instead of run again, and a stopped one is resumed, so a stopped
// sweep continues where it was. The results are ranked by the run's metric.
#pragma once

#include "experiments/sweep_plan.h"
#include "session/session.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <string>
#include <vector>

namespace bertbench {

struct SweepResult {
    int index = 0;
    std::string runDir;
    nlohmann::json assignments;
    bool completed = false;
    std::string metric;        // the options' metric; "loss" (training loss) without validation data
    double value = 0;          // of the best validation, or the last step's training loss
    nlohmann::json validation; // the best validation's metrics (null without validation)
    double trainSeconds = 0;

    nlohmann::json toJson() const;
};

struct SweepCallbacks {
    std::function<void(const SweepTrial&, int total)> onTrialStarted;
    std::function<void(const SweepResult&)> onTrialFinished;
};

// `source`: where the model and data come from (run_source.h's blocks, under
// "model", "data" and optionally "test"). Stops at the first trial that is
// cancelled (Session::cancel), returning the results so far.
std::vector<SweepResult> runSweep(Session& session, const nlohmann::json& source, const std::vector<SweepTrial>& plan,
                                  const std::string& sweepDir, const SweepCallbacks& callbacks = {});

// Best first: higher is better for accuracy, MCC and F1, lower for losses.
std::vector<SweepResult> rankSweep(std::vector<SweepResult> results);

// Mean and sample standard deviation of the results' values (for repeats with several seeds).
struct Spread {
    double mean = 0, standardDeviation = 0;
    int count = 0;
};
Spread spreadOf(const std::vector<SweepResult>& results);

}  // namespace bertbench
