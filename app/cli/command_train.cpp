// bertbench-cli train / mlm: fine-tune a classifier, or continue masked-LM
// pre-training on a dataset's text (read without labels), into a run folder.
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "dataset_flags.h"
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
    bool maskedLM = false;
    std::string modelDir, preset, family = "bert", vocab, trainFile, validationFile, testFile, outDir;
    double validationSplit = 0.1;
    uint64_t splitSeed = 2018;
    bool stratify = false, cased = false, resume = false, overwrite = false, newHead = false, adaptFirst = false;
    DatasetFlags dataset;
    TrainingFlags training;
};

std::atomic<bool> interruptRequested{false};
extern "C" void onInterrupt(int) { interruptRequested = true; }

// Ctrl+C stops training at the next step and keeps a resumable checkpoint; a
// signal handler may only set a flag, so a watcher passes it on.
class InterruptWatcher {
public:
    explicit InterruptWatcher(Session& session)
        : thread_([this, &session] {
              while (!done_) {
                  if (interruptRequested.exchange(false)) {
                      std::cerr << "Stopping after this step (the checkpoint can be resumed with --resume) ..." << std::endl;
                      session.cancel();
                  }
                  std::this_thread::sleep_for(std::chrono::milliseconds(100));
              }
          }) {
        std::signal(SIGINT, onInterrupt);
    }
    ~InterruptWatcher() {
        done_ = true;
        thread_.join();
        std::signal(SIGINT, SIG_DFL);
    }

private:
    std::atomic<bool> done_{false};
    std::thread thread_;
};

Session::Callbacks progressOnStderr() {
    const auto training = stderrProgress();
    Session::Callbacks callbacks;
    callbacks.onStep = training.onStep;
    callbacks.onEvaluation = training.onEvaluation;
    callbacks.onMessage = training.onMessage;
    return callbacks;
}

void loadModel(Session& session, const TrainCommand& c) {
    ModelSummary model;
    if (!c.modelDir.empty()) {
        model = session.openModel({c.modelDir, c.maskedLM}).get().take();
    } else {
        NewModelRequest request;
        request.preset = c.preset;
        request.vocabPath = c.vocab.empty() ? bundledVocabularyPath() : c.vocab;
        request.lowercase = !c.cased;
        request.family = familyOfModelType(c.family);
        request.seed = c.training.options.seed;
        request.maskedLM = c.maskedLM;
        model = session.createModel(request).get().take();
    }
    for (const auto& warning : model.warnings) std::cerr << "warning: " << warning << '\n';
}

void runTrain(const TrainCommand& c) {
    if (c.modelDir.empty() == c.preset.empty()) throw UsageError("give either --model DIR or --preset NAME");
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

    Session session(progressOnStderr());
    DataRequest data = c.dataset.request(c.trainFile);
    data.validationPath = c.validationFile;
    data.validationRatio = c.validationSplit;
    data.splitSeed = c.splitSeed;
    data.stratified = c.stratify;
    const auto imported = session.importData(data).get().take();
    printImportSummary(c.trainFile, imported.labelNames, imported.report);
    if (imported.validationExamples > 0)
        std::cerr << "validation: " << imported.validationExamples << " examples"
                  << (c.validationFile.empty() ? " split off (seed " + std::to_string(c.splitSeed) + ")" : "") << '\n';
    if (!c.testFile.empty()) {
        const auto test = session.importHoldout(c.dataset.request(c.testFile)).get().take();
        printImportSummary(c.testFile, test.labelNames, test.report);
    }
    loadModel(session, c);

    auto training = c.maskedLM ? session.adapt(request) : session.train(request);
    TrainingResult result;
    {
        InterruptWatcher watcher(session);
        result = training.get().take();
    }
    std::ifstream report(c.outDir + "/report.json");
    std::cout << std::string(std::istreambuf_iterator<char>(report), {});
    if (!result.completed) throw Error("training was interrupted at step " + std::to_string(result.steps) +
                                       "; continue it with --resume");
}

void addCommandTo(CLI::App& app, int& exitCode, bool maskedLM) {
    auto c = std::make_shared<TrainCommand>();
    c->maskedLM = maskedLM;
    c->dataset.unlabelled = maskedLM;  // masked-LM training reads only the text
    auto* command = addCommand(app, maskedLM ? "mlm" : "train",
                               maskedLM ? "Continue masked-LM pre-training on a dataset's text (domain adaptation); "
                                          "the data needs no label column"
                                        : "Fine-tune a classifier and write a run folder",
                               exitCode, [c] { runTrain(*c); });
    auto* model = command->add_option("--model", c->modelDir, "Start from this Hugging Face model folder, or a model name in the Hugging Face cache")->transform(modelFolderOrCachedName());
    auto* preset = command->add_option("--preset", c->preset, "Start from a new model: tiny, mini, small, medium, base, large");
    model->excludes(preset);
    command->add_option("--family", c->family, "With --preset: the architecture of the new model")
        ->check(CLI::IsMember({"bert", "distilbert", "roberta"}))
        ->capture_default_str();
    command->add_option("--vocab", c->vocab,
                        "With --preset: a vocab.txt, or a model folder whose tokenizer to take (RoBERTa: vocab.json "
                        "and merges.txt); default: bert-base-uncased's vocab.txt");
    command->add_flag("--cased", c->cased, "With --preset: keep case and accents");
    command->add_option("--train", c->trainFile, "Training data file")->required();
    c->dataset.addOptions(*command);
    auto* validation = command->add_option(
        "--validation", c->validationFile,
        maskedLM ? "Validation data file: its masked-LM loss and perplexity after every epoch; the lowest loss "
                   "gives best/"
                 : "Validation data file");
    auto* split = command->add_option("--validation-split", c->validationSplit,
                                      "Share of the training file held out for validation (0: none)")
                      ->capture_default_str();
    validation->excludes(split);
    command->add_option("--split-seed", c->splitSeed, "Seed of the validation split")->capture_default_str();
    // Without labels there are no class shares to keep, and no test metrics to report.
    if (!maskedLM) {
        command->add_flag("--stratify", c->stratify, "Keep class shares in the validation split");
        command->add_option("--test", c->testFile, "Held-out test file, evaluated at the end with the best model");
    }
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
