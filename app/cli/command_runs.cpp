// bertbench-cli runs: the run history under a runs root, one JSON line per
// run (status, options, metrics, throughput, the command that reruns it);
// --rename gives a run the name the history shows.
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "common/atomic_file.h"
#include "experiments/run_comparison.h"
#include "experiments/run_index.h"

#include <CLI/CLI.hpp>

#include <cstdlib>
#include <filesystem>

namespace bertbench::cli {

namespace {

struct RunsCommand {
    std::string root, rename;
    std::vector<std::string> compare;
    std::string curve = "loss", axis = "step", csvFile, metric = "mcc";
    double smoothing = 0;
};

// --compare: the runs' curves aligned, as CSV, and the options that differ.
void compareRuns(const RunsCommand& c, const std::string& root) {
    std::vector<RunRecord> records;
    std::vector<RunCurves> curves;
    std::vector<std::string> names;
    for (auto folder : c.compare) {
        if (!std::filesystem::exists(folder) && std::filesystem::exists(root + "/" + folder)) folder = root + "/" + folder;
        records.push_back(readRunRecord(folder));
        if (records.back().status == RunStatus::Unreadable)
            throw FileError(folder, "not a readable run: " + records.back().problem);
        names.push_back(records.back().name);
        curves.push_back(readRunCurves(folder, names.back(), c.metric));
    }
    const CurveKind kind = c.curve == "lr" ? CurveKind::LearningRate
                           : c.curve == "validation" ? CurveKind::Validation : CurveKind::Loss;
    const CurveAxis axis = c.axis == "epoch" ? CurveAxis::Epoch : c.axis == "seconds" ? CurveAxis::Seconds : CurveAxis::Step;
    const auto aligned = alignCurves(curves, kind, axis, c.smoothing);
    if (!c.csvFile.empty())
        writeFileAtomically(c.csvFile, [&](std::ostream& out) { out << curvesCsv(aligned, names, axis); });
    OrderedJson differing = OrderedJson::object();
    for (const auto& key : differingOptions(records)) {
        OrderedJson values = OrderedJson::array();
        for (const auto& r : records) {
            const auto dot = key.find('.');
            const auto& options = r.options;
            nlohmann::json value = dot == std::string::npos ? options.value(key, nlohmann::json())
                                                            : options.value(key.substr(0, dot), nlohmann::json::object())
                                                                  .value(key.substr(dot + 1), nlohmann::json());
            values.push_back(OrderedJson::parse(value.dump()));
        }
        differing[key] = values;
    }
    printJsonLine({{"runs", names}, {"points", aligned.x.size()}, {"differing_options", differing}});
}

// The GUI's runs folder ($XDG_DATA_HOME/BertBench/BertBench/runs, as Qt's AppLocalDataLocation).
std::string defaultRunsRoot() {
    const char* data = std::getenv("XDG_DATA_HOME");
    const char* home = std::getenv("HOME");
    const std::string base = data && *data ? data : std::string(home ? home : ".") + "/.local/share";
    return base + "/BertBench/BertBench/runs";
}

void runRuns(const RunsCommand& c) {
    const std::string root = c.root.empty() ? defaultRunsRoot() : c.root;
    if (!c.rename.empty()) {
        const auto equals = c.rename.find('=');
        if (equals == std::string::npos || equals == 0) throw UsageError("--rename: write RUN=NAME");
        std::string folder = c.rename.substr(0, equals);
        if (folder.find('/') == std::string::npos) folder = root + "/" + folder;
        renameRun(folder, c.rename.substr(equals + 1));
    }
    if (!c.compare.empty()) return compareRuns(c, root);
    for (const auto& run : indexRuns(root)) printJsonLine(OrderedJson::parse(run.toJson().dump()));
}

}  // namespace

void addRunsCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<RunsCommand>();
    auto* command = addCommand(app, "runs", "List the runs under a runs folder, newest first, one JSON line each",
                               exitCode, [c] { runRuns(*c); });
    command->add_option("--runs", c->root, "The runs folder (default: the window's, ~/.local/share/BertBench/BertBench/runs)");
    command->add_option("--rename", c->rename, "RUN=NAME: the name the history shows for a run (a folder, or its name under --runs)");
    command->add_option("--compare", c->compare, "Runs to compare side by side (repeat): prints the options that differ")
        ->take_all();
    command->add_option("--curve", c->curve, "With --compare: loss, lr or validation")
        ->check(CLI::IsMember({"loss", "lr", "validation"}))
        ->capture_default_str();
    command->add_option("--axis", c->axis, "With --compare: step, epoch or seconds (training time)")
        ->check(CLI::IsMember({"step", "epoch", "seconds"}))
        ->capture_default_str();
    command->add_option("--metric", c->metric, "With --curve validation: mcc, accuracy, f1 or loss")->capture_default_str();
    command->add_option("--smoothing", c->smoothing, "With --compare: TensorBoard's smoothing weight, 0 to below 1")
        ->check(CLI::Range(0.0, 0.999))
        ->capture_default_str();
    command->add_option("--csv", c->csvFile, "With --compare: write the aligned curves as CSV");
}

}  // namespace bertbench::cli
