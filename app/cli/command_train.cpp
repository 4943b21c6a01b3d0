// bertbench-cli train / mlm: fine-tune a classifier, or continue masked-LM
// pre-training on a dataset's text (read without labels), into a run folder.
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "interrupt_watcher.h"
#include "run_input_flags.h"
#include "distributed/launch_environment.h"
#include "session/session.h"
#include "training_flags.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

namespace bertbench::cli {

namespace {

struct TrainCommand {
    RunInputFlags input;
    std::string outDir;
    bool resume = false, overwrite = false, newHead = false, adaptFirst = false;
    TrainingFlags training;
};

void runTrain(const TrainCommand& c) {
    if (c.input.modelDir.empty() == c.input.preset.empty()) throw UsageError("give either --model DIR or --preset NAME");
    TrainRequest request;
    request.options = c.training.resolved();
    if (c.resume) {
        // Omitted flags keep the run's own settings; given ones must match them
        // (the trainer refuses any that would change the result).
        const std::string settingsFile = c.outDir + "/settings.json";
        if (std::filesystem::exists(settingsFile)) {
            const auto saved = readJsonFile(settingsFile);
            if (saved.is_object() && saved.contains("options")) {
                try {
                    request.options = c.training.resolvedOnto(TrainingOptions::fromJson(saved.at("options")));
                } catch (const UsageError& e) {
                    throw FileError(settingsFile, std::string("damaged: ") + e.what());
                }
            }
        }
    }
    request.options.validate();
    request.runDir = c.outDir;
    request.resume = c.resume;
    request.overwrite = c.overwrite;
    request.newHead = c.newHead;
    if (c.adaptFirst) request.adaptFirst = request.options;

    Session session(sessionProgressOnStderr());
    c.input.importData(session);
    c.input.loadModel(session, c.training.options.seed);

    auto training = c.input.maskedLM ? session.adapt(request) : session.train(request);
    TrainingResult result;
    {
        InterruptWatcher watcher(session);
        result = training.get().take();
    }
    // Only rank 0 of a data-parallel run reports (the others' run folder stays empty).
    if (const auto rank = LaunchEnvironment::fromProcessEnvironment(); rank && !rank->isCoordinator()) return;
    std::ifstream report(c.outDir + "/report.json");
    std::cout << std::string(std::istreambuf_iterator<char>(report), {});
    if (!result.completed) throw Error("training was interrupted at step " + std::to_string(result.steps) +
                                       "; continue it with --resume");
}

void addCommandTo(CLI::App& app, int& exitCode, bool maskedLM) {
    auto c = std::make_shared<TrainCommand>();
    c->input.maskedLM = maskedLM;
    auto* command = addCommand(app, maskedLM ? "mlm" : "train",
                               maskedLM ? "Continue masked-LM pre-training on a dataset's text (domain adaptation); "
                                          "the data needs no label column"
                                        : "Fine-tune a classifier and write a run folder",
                               exitCode, [c] { runTrain(*c); });
    c->input.addOptions(*command);
    c->training.addOptions(*command);
    if (maskedLM) {
        auto* metric = command->get_option("--metric");
        metric->description(metric->get_description() +
                            " Ignored by mlm: a masked-LM run keeps the model with the lowest validation loss (and "
                            "stops early on it).");
    }
    command->add_option("--out", c->outDir, "Run folder to write")->required();
    command->add_flag("--resume", c->resume,
                      "Continue the run in --out from its checkpoint (with the settings it started with)");
    auto* overwrite = command->add_flag("--overwrite", c->overwrite,
                                        "Replace a run already in --out (without it, such a folder is refused)");
    overwrite->excludes(command->get_option("--resume"));
    if (!maskedLM)
        command->add_flag("--new-head", c->newHead,
                          "Give the classifier a new head for the data's labels (when they are not the model's)");
    if (!maskedLM)
        command->add_flag("--adapt-first", c->adaptFirst,
                          "Adapt the encoder to the training text with masked-LM training first (same options, "
                          "into OUT/adaptation), then fine-tune");
}

}  // namespace

void addTrainCommand(CLI::App& app, int& exitCode) { addCommandTo(app, exitCode, /*maskedLM=*/false); }
void addMaskedLMCommand(CLI::App& app, int& exitCode) { addCommandTo(app, exitCode, /*maskedLM=*/true); }

}  // namespace bertbench::cli
