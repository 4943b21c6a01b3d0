// Session: the one owner of a workbench's state — the imported data and its
// splits, the holdout, the current model and the running job — and the only
// way the CLI and the GUI reach the engine. Every request becomes a job on
// the session's engine thread; jobs run in the order they were made, each
// ending in an Outcome that arrives through the returned future and, when
// given, a `done` callback (called on the engine thread: a GUI forwards it as
// a queued signal). Nothing here blocks the caller.
//
// The session refuses what would disturb the running job or lose the user's
// work, with a message: changing data or model, saving or evaluating while
// training runs; replacing a model with unsaved training (UnsavedModelError);
// writing over a model folder not confirmed (ExistingModelFolderError);
// training on labels the model does not know (LabelMismatchError, unless
// newHead). A prediction made while training runs is served between two
// optimizer steps on the current weights and leaves the run bit-identical.
#pragma once

#include "inference/prediction.h"
#include "session/explain_types.h"
#include "session/session_types.h"
#include "training/evaluation.h"

#include <nlohmann/json.hpp>

#include <functional>
#include <future>
#include <memory>
#include <string>
#include <vector>

namespace bertbench {

class Session {
public:
    // Progress and log lines of the running job; called on the engine thread.
    struct Callbacks {
        std::function<void(const StepReport&)> onStep;
        std::function<void(const EvaluationReport&)> onEvaluation;
        std::function<void(const std::string&)> onMessage;
        std::function<void(const std::string& what, double fraction)> onProgress;
        // A training or adaptation run begins: its steps and trainable parameters.
        std::function<void(int64_t totalSteps, int64_t trainableParameters, bool maskedLM)> onTrainingStarted;
    };
    template <class T>
    using OnDone = std::function<void(const Outcome<T>&)>;
    template <class T>
    using Reply = std::future<Outcome<T>>;

    explicit Session(Callbacks callbacks = {});
    // Cancels the running and the queued jobs and waits for the engine thread.
    ~Session();
    Session(const Session&) = delete;
    Session& operator=(const Session&) = delete;

    Reply<DataSummary> importData(DataRequest request, OnDone<DataSummary> done = {});
    // A held-out test file, evaluated with the best model after training (the
    // validation fields of the request do not apply).
    Reply<DataSummary> importHoldout(DataRequest request, OnDone<DataSummary> done = {});
    Reply<ModelSummary> openModel(OpenModelRequest request, UnsavedTraining unsaved = UnsavedTraining::Refuse,
                                  OnDone<ModelSummary> done = {});
    Reply<ModelSummary> createModel(NewModelRequest request, UnsavedTraining unsaved = UnsavedTraining::Refuse,
                                    OnDone<ModelSummary> done = {});
    Reply<Done> saveModel(SaveRequest request, OnDone<Done> done = {});
    Reply<TrainingResult> train(TrainRequest request, OnDone<TrainingResult> done = {});
    // Domain adaptation: masked-LM training on the data's text. A classifier's
    // encoder is trained under a masked-LM head (kept for the next adaptation)
    // and comes back adapted; its own head and labels stay. A masked-LM model
    // is trained as it is. Labels play no part.
    Reply<TrainingResult> adapt(TrainRequest request, OnDone<TrainingResult> done = {});
    Reply<EvaluationSummary> evaluate(EvaluateRequest request, OnDone<EvaluationSummary> done = {});
    Reply<Prediction> predict(std::string text, bool withAttentions = false, OnDone<Prediction> done = {});
    // A text or a pair, with heads switched off or none; served between two
    // training steps like predict.
    Reply<Prediction> predict(PredictRequest request, OnDone<Prediction> done = {});
    Reply<std::vector<Prediction>> predictBatch(std::vector<std::string> texts, size_t maxLength = 0,
                                                OnDone<std::vector<Prediction>> done = {});

    // Explanations (explain/). Attributions, comparisons and head importance
    // are served between two training steps on the current weights, as
    // predictions are, and leave the run bit-identical (gradients reach the
    // inputs or the head mask only; importance goes over a whole split, so the
    // run waits for it). Pruning changes the current model, so it is refused
    // while training runs.
    Reply<Attribution> explain(ExplainRequest request, OnDone<Attribution> done = {});
    Reply<HeadImportance> headImportance(HeadImportanceRequest request, OnDone<HeadImportance> done = {});
    Reply<PruneResult> pruneHeads(PruneRequest request, OnDone<PruneResult> done = {});
    Reply<AttentionComparison> compareAttention(CompareRequest request, OnDone<AttentionComparison> done = {});

    // Stops the running job at its next check (training: after the current
    // step, keeping a resumable checkpoint) and cancels every job requested
    // before this call that has not started. Later requests run as usual.
    void cancel();
    void pauseTraining();
    void resumeTraining();

    SessionState state() const;
    // Where the current data, holdout and model came from, as the "source"
    // block a run records (run_source.h): what a sweep started from this
    // session's state begins every trial with. The model's entry says
    // "unavailable" when it has trained since it was opened or created.
    nlohmann::json currentSource() const;
    // The data of a split as the session holds it (null when there is none).
    std::shared_ptr<const Dataset> dataset(Split split) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace bertbench
