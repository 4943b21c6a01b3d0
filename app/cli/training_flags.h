// The hyperparameter options train and mlm share: one CLI11 option per field
// of the option schema, plus --hyperparameters-preset and --options FILE.
#pragma once

#include "training/option_schema.h"
#include "training/trainer.h"
#include "session/session.h"
#include "training/training_options.h"

#include <string>
#include <vector>

namespace CLI {
class App;
}

namespace bertbench::cli {

// `options` is complete once the command line is parsed: the engine defaults,
// then a preset or an --options file, then each flag given explicitly. Range
// and choice errors are parse errors naming the flag (exit code 2); the
// cross-field checks are left to TrainingOptions::validate().
struct TrainingFlags {
    TrainingOptions options;

    void addOptions(CLI::App& command);
    TrainingOptions resolved() const { return options; }
    // For --resume: `saved` (the run's settings.json options) with only the
    // flags given explicitly applied on top, so omitted ones keep the run's
    // values. A preset or --options file given as well replaces `saved`.
    TrainingOptions resolvedOnto(const TrainingOptions& saved) const;

private:
    std::vector<const OptionField*> given_;  // fields set by an explicit flag
    bool baseGiven_ = false;                        // a preset or --options file
};

// Progress lines on stderr ("step 120/1000 ... ETA 3:12"), about every 2 seconds
// and at every evaluation.
TrainingCallbacks stderrProgress();
// The same, as a session's callbacks.
Session::Callbacks sessionProgressOnStderr();

}  // namespace bertbench::cli
