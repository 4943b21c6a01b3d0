// bertbench-cli sweep: a grid or seeded random search over options, each
// trial a full run into OUT/trial-NNN, one after the other; one JSON line per
// finished trial, then the ranking. A stopped sweep continues where it was
// when started again with the same arguments.
#include "cli_support.h"
#include "commands.h"
#include "experiments/sweep_runner.h"
#include "interrupt_watcher.h"
#include "run_input_flags.h"
#include "training_flags.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace bertbench::cli {

namespace {

struct SweepCommand {
    RunInputFlags input;
    TrainingFlags training;
    std::vector<std::string> parameters;
    int trials = 0;
    uint64_t sweepSeed = 0;
    std::string outDir;
};

void runSweepCommand(const SweepCommand& c) {
    std::vector<SweepParameter> parameters;
    for (const auto& text : c.parameters) parameters.push_back(parseSweepParameter(text));
    auto base = c.training.resolved();
    base.validate();
    const auto plan = planSweep(base, parameters, c.trials, c.sweepSeed);
    const auto source = c.input.source(base.seed);

    Session session(sessionProgressOnStderr());
    SweepCallbacks callbacks;
    callbacks.onTrialStarted = [](const SweepTrial& trial, int total) {
        std::cerr << "trial " << trial.index + 1 << " of " << total << ": " << trial.assignments.dump() << std::endl;
    };
    callbacks.onTrialFinished = [](const SweepResult& result) { printJsonLine(result.toJson()); };
    std::vector<SweepResult> results;
    {
        InterruptWatcher watcher(session, "run the same sweep again to continue it");
        results = runSweep(session, source, plan, c.outDir, callbacks);
    }
    if (results.size() < plan.size())
        throw Error("the sweep stopped after " + std::to_string(results.size()) + " of " + std::to_string(plan.size()) +
                    " trials; run the same command again to continue it");
    OrderedJson ranking = OrderedJson::array();
    for (const auto& r : rankSweep(results))
        ranking.push_back({{"trial", r.index + 1}, {"params", r.assignments}, {"value", r.value}, {"run", r.runDir}});
    const auto spread = spreadOf(results);
    printJsonLine({{"metric", results.empty() ? std::string() : results.front().metric},
                   {"ranking", ranking},
                   {"mean", spread.mean},
                   {"std", spread.standardDeviation},
                   {"trials", spread.count}});
}

}  // namespace

void addSweepCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<SweepCommand>();
    auto* command = addCommand(app, "sweep",
                               "Train once per combination of option values (a grid, or --trials drawn at random) "
                               "and rank the runs by the validation metric",
                               exitCode, [c] { runSweepCommand(*c); });
    c->input.addOptions(*command);
    c->training.addOptions(*command);
    command->add_option("--param", c->parameters,
                        "NAME=VALUE,VALUE,...: an option to vary, by its flag without dashes (lr, batch-size, "
                        "head-lr, epochs, warmup-ratio, weight-decay, freeze-layers, lora-rank, seed, ...); repeat "
                        "for more. Lists (lora-targets) join items with +")
        ->required()
        ->take_all();
    command->add_option("--trials", c->trials,
                        "Run this many combinations drawn at random (seeded by --sweep-seed) instead of all");
    command->add_option("--sweep-seed", c->sweepSeed, "Seed of the random draw of --trials")->capture_default_str();
    command->add_option("--out", c->outDir, "Folder for the sweep: sweep.json and one run folder per trial")->required();
}

}  // namespace bertbench::cli
