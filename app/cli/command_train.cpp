// bertbench-cli train / mlm: fine-tune a classifier, or continue masked-LM
// pre-training on a dataset's text, into a run folder.
#include "checkpoint/model_handle.h"
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "data/dataset_split.h"
#include "dataset_flags.h"
#include "training_flags.h"

#include <CLI/CLI.hpp>

#include <atomic>
#include <csignal>
#include <fstream>
#include <iostream>
#include <thread>

namespace bertbench::cli {

namespace {

struct TrainCommand {
    bool maskedLM = false;
    std::string modelDir, preset, vocab, trainFile, validationFile, testFile, outDir;
    double validationSplit = 0.1;
    uint64_t splitSeed = 2018;
    bool stratify = false, cased = false, resume = false;
    DatasetFlags dataset;
    TrainingFlags training;
};

std::atomic<bool> interruptRequested{false};
extern "C" void onInterrupt(int) { interruptRequested = true; }

// Ctrl+C stops training at the next step and keeps a resumable checkpoint; a
// signal handler may only set a flag, so a watcher passes it on.
class InterruptWatcher {
public:
    explicit InterruptWatcher(Trainer& trainer)
        : thread_([this, &trainer] {
              while (!done_) {
                  if (interruptRequested.exchange(false)) {
                      std::cerr << "Stopping after this step (the checkpoint can be resumed with --resume) ..." << std::endl;
                      trainer.cancel();
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

ModelHandle modelFor(const TrainCommand& c, const std::vector<std::string>& labels) {
    if (!c.modelDir.empty())
        return c.maskedLM ? ModelHandle::openMaskedLM(c.modelDir) : ModelHandle::openClassifier(c.modelDir, labels);
    const auto vocab = c.vocab.empty() ? bundledVocabularyPath() : c.vocab;
    return c.maskedLM ? ModelHandle::createMaskedLM(c.preset, vocab, !c.cased, c.training.options.seed)
                      : ModelHandle::createClassifier(c.preset, vocab, labels, !c.cased, c.training.options.seed);
}

void runTrain(const TrainCommand& c) {
    if (c.modelDir.empty() == c.preset.empty()) throw UsageError("give either --model DIR or --preset NAME");
    const auto options = c.training.resolved();
    options.validate();
    TrainingData data;
    data.train = importWithSummary(c.trainFile, c.dataset.importOptions());
    const auto& labels = data.train.labelNames;
    if (!c.validationFile.empty()) {
        data.validation = importWithSummary(c.validationFile, c.dataset.importOptions(labels));
    } else if (c.validationSplit > 0) {
        auto split = splitTrainValidation(std::move(data.train), c.validationSplit, c.splitSeed, c.stratify);
        data.train = std::move(split.train);
        data.validation = std::move(split.validation);
        std::cerr << "validation: " << data.validation->examples.size() << " examples split off (seed " << c.splitSeed
                  << ")\n";
    }
    if (!c.testFile.empty()) data.test = importWithSummary(c.testFile, c.dataset.importOptions(labels));

    const auto model = modelFor(c, labels);
    for (const auto& warning : model.summary().warnings) std::cerr << "warning: " << warning << '\n';
    Trainer trainer(model.bundle(), options, std::move(data), c.outDir, stderrProgress());
    std::cerr << "training " << trainer.trainableParameters() << " of " << trainer.totalParameters()
              << " parameters for " << trainer.totalSteps() << " steps into " << c.outDir << '\n';
    TrainingResult result;
    {
        InterruptWatcher watcher(trainer);
        result = trainer.run(c.resume);
    }
    std::ifstream report(c.outDir + "/report.json");
    std::cout << std::string(std::istreambuf_iterator<char>(report), {});
    if (!result.completed) throw Error("training was interrupted at step " + std::to_string(result.steps) +
                                       "; continue it with --resume");
}

void addCommandTo(CLI::App& app, int& exitCode, bool maskedLM) {
    auto c = std::make_shared<TrainCommand>();
    c->maskedLM = maskedLM;
    auto* command = addCommand(app, maskedLM ? "mlm" : "train",
                               maskedLM ? "Continue masked-LM pre-training on a dataset's text (domain adaptation)"
                                        : "Fine-tune a classifier and write a run folder",
                               exitCode, [c] { runTrain(*c); });
    auto* model = command->add_option("--model", c->modelDir, "Start from this Hugging Face model folder");
    auto* preset = command->add_option("--preset", c->preset, "Start from a new model: tiny, mini, small, medium, base, large");
    model->excludes(preset);
    command->add_option("--vocab", c->vocab, "vocab.txt for a --preset model (default: bert-base-uncased's)");
    command->add_flag("--cased", c->cased, "With --preset: keep case and accents");
    command->add_option("--train", c->trainFile, "Training data file")->required();
    c->dataset.addOptions(*command);
    auto* validation = command->add_option("--validation", c->validationFile, "Validation data file");
    auto* split = command->add_option("--validation-split", c->validationSplit,
                                      "Share of the training file held out for validation (0: none)")
                      ->capture_default_str();
    validation->excludes(split);
    command->add_option("--split-seed", c->splitSeed, "Seed of the validation split")->capture_default_str();
    command->add_flag("--stratify", c->stratify, "Keep class shares in the validation split");
    command->add_option("--test", c->testFile, "Held-out test file, evaluated at the end with the best model");
    c->training.addOptions(*command);
    command->add_option("--out", c->outDir, "Run folder to write")->required();
    command->add_flag("--resume", c->resume, "Continue the run in --out from its checkpoint");
}

}  // namespace

void addTrainCommand(CLI::App& app, int& exitCode) { addCommandTo(app, exitCode, /*maskedLM=*/false); }
void addMaskedLMCommand(CLI::App& app, int& exitCode) { addCommandTo(app, exitCode, /*maskedLM=*/true); }

}  // namespace bertbench::cli
