// The hyperparameter options train and mlm share, bound to TrainingOptions.
#pragma once

#include "training/trainer.h"
#include "training/training_options.h"

#include <string>

namespace CLI {
class App;
}

namespace bertbench::cli {

struct TrainingFlags {
    TrainingOptions options;
    std::string schedule = "linear", padding = "dynamic", shuffle = "bucketed";

    void addOptions(CLI::App& command);
    TrainingOptions resolved() const;  // options with the enum names applied
};

// Progress lines on stderr ("step 120/1000 ... ETA 3:12"), about every 2 seconds
// and at every evaluation.
TrainingCallbacks stderrProgress();

}  // namespace bertbench::cli
