// bertbench-cli reproduce RUN: the run started again with its recorded
// options, data and starting model, and its loss curve compared with the
// original's, step by step.
#include "cli_support.h"
#include "commands.h"
#include "experiments/reproduction.h"
#include "interrupt_watcher.h"
#include "training_flags.h"

#include <CLI/CLI.hpp>

namespace bertbench::cli {

namespace {

struct ReproduceCommand {
    std::string run, out;
};

void runReproduce(const ReproduceCommand& c) {
    Session session(sessionProgressOnStderr());
    const std::string out = c.out.empty() ? reproductionFolderFor(c.run) : c.out;
    ReproductionResult result;
    {
        InterruptWatcher watcher(session, "the reproduction can be resumed with train --resume");
        result = reproduceRun(session, c.run, out);
    }
    printJsonLine({{"run", result.original},
                   {"reproduction", result.reproduction},
                   {"steps", result.originalSteps},
                   {"reproduced_steps", result.reproducedSteps},
                   {"identical", result.identical},
                   {"first_difference", result.firstDifference < 0 ? OrderedJson() : OrderedJson(result.firstDifference)}});
}

}  // namespace

void addReproduceCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<ReproduceCommand>();
    auto* command = addCommand(app, "reproduce",
                               "Run a recorded run again (same options, data and starting model) and say whether its "
                               "loss curve is the original's, bit for bit",
                               exitCode, [c] { runReproduce(*c); });
    command->add_option("run", c->run, "The run folder")->required();
    command->add_option("--out", c->out, "Folder for the new run (default: RUN-reproduced)");
}

}  // namespace bertbench::cli
