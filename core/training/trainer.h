// Trainer: fine-tunes a sequence classifier on a dataset, evaluating after every
// epoch, keeping the best model and a resumable checkpoint in a run folder, and
// the attention of a few probe sentences after every epoch (attention_probes.h).
//
// run() blocks and may be called on any thread; pause/resume/cancel may be
// called from any other thread. Progress arrives through TrainingCallbacks on
// the training thread (keep them quick; a GUI forwards them as queued signals).
// Cancelling stops within one optimizer step (a half-accumulated step is
// dropped) and writes a checkpoint of the last completed step, so the run can be
// resumed. Errors are thrown as bertbench::Error from run().
// The header has no torch types so that the GUI can include it.
#pragma once

#include "data/dataset.h"
#include "evaluation/metrics.h"
#include "training/training_options.h"

#include <functional>
#include <memory>
#include <optional>
#include <string>

namespace bertbench {

struct ModelBundle;

struct TrainingData {
    Dataset train;
    std::optional<Dataset> validation;  // evaluated after every epoch; chooses the best model
    std::optional<Dataset> test;        // evaluated once at the end, with the best model
    // Where the model and the data came from and how the data was read, kept in
    // settings.json as "source" so that the run can be listed and run again
    // (reproduce_command.h). The session fills it; null when unknown.
    nlohmann::json source;
};

struct StepReport {
    int64_t step = 0;          // optimizer steps completed, 1-based
    int64_t totalSteps = 0;
    int64_t epoch = 0;         // 0-based
    double epochProgress = 0;  // fractional epochs completed, e.g. 1.25
    double loss = 0;
    double learningRate = 0;   // the rate this step used (the base group's)
    double gradNorm = 0;       // global L2 norm before clipping
    double samplesPerSecond = 0;
    double tokensPerSecond = 0;  // real tokens, padding excluded
    double elapsedSeconds = 0;   // training time, pauses excluded
    double etaSeconds = 0;
    // Gradual unfreezing: the layer group that became trainable before this
    // step ("layer 11", "embeddings", "the encoder"); empty on other steps.
    std::string unfrozen;
};

struct EvaluationReport {
    std::string split;  // "validation" or "test"
    int64_t epoch = 0;
    int64_t step = 0;
    ClassificationMetrics metrics;
    bool improved = false;  // best so far by the chosen metric
    // The attention snapshot taken with this evaluation (attention_probes.h):
    // a live GUI reads it with readAttentionProbes. Empty when none was taken
    // (no probes; the test split).
    std::string attentionProbesFile;
};

struct TrainingCallbacks {
    std::function<void(const StepReport&)> onStep;
    std::function<void(const EvaluationReport&)> onEvaluation;
    std::function<void(const std::string&)> onMessage;  // human-readable log lines
    // Called on the training thread before the first step and after every
    // optimizer step and evaluation, when nothing is half-computed: the moment
    // to serve a prediction on the current weights (see EvalModeScope).
    std::function<void()> onSafePoint;
};

struct TrainingResult {
    bool completed = false;     // false when cancelled
    bool stoppedEarly = false;  // early stopping ended the run
    int64_t steps = 0;
    int64_t bestStep = -1;
    std::optional<ClassificationMetrics> bestValidation;
    std::optional<ClassificationMetrics> test;
    std::string bestModelDir;   // a Hugging Face folder
};

struct ParameterCount;
class DataParallelGroup;

class Trainer {
public:
    // The model is trained in place; at the end it holds the best weights, with
    // LoRA adapters merged and every parameter trainable again. The data's
    // labels are fitted onto the model's (see label_alignment.h): a label the
    // model does not know is a FileError naming the file and line.
    // Throws UsageError for invalid options and FileError for an unusable run folder.
    //
    // With a group, this is one rank of a data-parallel run (README "Several
    // processes"): every rank builds the same Trainer from the same model,
    // options and data; rank 0's weights (and, resuming, its checkpoint) are
    // given to all; each step's batch is shared out (step_runner.h) and every
    // rank takes the same step. Only rank 0 touches the run folder and calls
    // the callbacks. Between steps the ranks agree on pausing and stopping,
    // every kReplicaCheckInterval steps they check that their replicas are
    // identical, and they evaluate their shares of the validation and test
    // data together (sharded_evaluation.h). A rank that fails or loses the
    // others throws GroupError.
    Trainer(std::shared_ptr<ModelBundle> model, TrainingOptions options, TrainingData data, std::string runDir,
            TrainingCallbacks callbacks = {}, std::shared_ptr<DataParallelGroup> group = nullptr);
    ~Trainer();
    Trainer(const Trainer&) = delete;
    Trainer& operator=(const Trainer&) = delete;

    // resume: continue from the run folder's checkpoint (an error if it has none).
    // Without resume, a folder that already holds a run is refused (UsageError)
    // unless overwrite, which removes that run's files first. Another process
    // training in the same folder is refused at once (see RunFolder::Lock).
    // The options and data must be those in the folder's settings.json; any
    // that change the result are refused with a UsageError listing them.
    TrainingResult run(bool resume = false, bool overwrite = false);

    void pause();
    void resume();
    void cancel();
    bool isPaused() const;

    int64_t totalSteps() const;
    int64_t trainableParameters() const;
    int64_t totalParameters() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bertbench
