// The trials of a hyperparameter sweep: every combination of the given values
// (a grid), or `trials` combinations drawn with a seed (a random search).
// Parameters are named by their option key (learning_rate), or by their
// command-line flag without dashes (lr, batch-size); values are read as the
// option's type and checked against its range.
#pragma once

#include "training/training_options.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

struct SweepParameter {
    std::string key;                  // the option's key, e.g. "learning_rate"
    std::vector<std::string> values;  // as given
};

// "lr=1e-5,3e-5,5e-5" -> {learning_rate, {1e-5, 3e-5, 5e-5}}; UsageError on an
// unknown name, a missing value or a value the option does not allow.
SweepParameter parseSweepParameter(const std::string& text);

struct SweepTrial {
    int index = 0;                 // 0-based, in the order they run
    TrainingOptions options;
    nlohmann::json assignments;    // {"learning_rate": 3e-05, "batch_size": 16}
};

// trials <= 0: the full grid, in order (the last parameter varies fastest).
// trials > 0: that many distinct combinations drawn from the grid with `seed`
// (all of it when it is smaller).
std::vector<SweepTrial> planSweep(const TrainingOptions& base, const std::vector<SweepParameter>& parameters,
                                  int trials = 0, uint64_t seed = 0);

}  // namespace bertbench
