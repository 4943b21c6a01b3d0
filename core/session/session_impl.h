// Session::Impl: the session's state and job machinery, shared by
// session.cpp (the requests) and session_training.cpp (the training jobs).
// Private to core/session/.
#pragma once

#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "session/engine_thread.h"
#include "session/session.h"
#include "checkpoint/tokenizer_files.h"

#include <atomic>
#include <mutex>

namespace bertbench {

using DatasetPtr = std::shared_ptr<const Dataset>;

// The end of every refusal of a job that cannot run beside training.
constexpr const char* kBusyTraining = "while a training run is active; stop it or wait until it ends";

struct Session::Impl {
    Callbacks callbacks;

    mutable std::mutex mutex;  // guards everything below up to `engine`
    DatasetPtr train, validation, holdout;
    ModelHandle model;
    // The masked-LM model that adapts `model`'s encoder, kept so a second
    // adaptation continues with the same head; reset with the model.
    std::shared_ptr<ModelBundle> adapter;
    ModelSummary modelSummary;  // taken on the engine thread, never while weights change
    std::string modelFolder;
    bool dirty = false;
    // Where the data, holdout and model came from (run_source.h): a run's
    // settings.json records them, so that the run can be listed and run again.
    nlohmann::json dataSource, holdoutSource, modelSource;
    int trainingJobs = 0;       // queued or running
    Trainer* trainer = nullptr;  // while a training job runs
    bool paused = false;

    // Requests remember the value at their making; cancel() increments it, so
    // a job whose value is older has been cancelled.
    std::atomic<uint64_t> cancelEpoch{0};

    // The second model of attention comparisons, kept while the same folder is
    // asked for again. Engine thread only.
    std::shared_ptr<ModelBundle> comparisonModel;
    std::string comparisonFolder;

    EngineThread engine;  // last: joined before the state above goes away

    explicit Impl(Callbacks c) : callbacks(std::move(c)) {}

    bool cancelledSince(uint64_t epoch) const { return cancelEpoch.load() != epoch; }

    ModelHandle currentModel() const {
        std::lock_guard<std::mutex> lock(mutex);
        return model;
    }

    // The current model, or the refusal a request needs one for.
    ModelHandle requiredModel() const {
        ModelHandle current = currentModel();
        if (current.isNull()) throw UsageError("open or create a model first");
        return current;
    }

    void message(const std::string& line) const {
        if (callbacks.onMessage) callbacks.onMessage(line);
    }

    // Runs `work(epoch)` as a job and delivers its Outcome. `finally` runs
    // after the work however it ended, before `done` sees the outcome.
    template <class T, class Work>
    Reply<T> submit(Work work, OnDone<T> done, bool quick = false, std::function<void()> finally = {}) {
        auto promise = std::make_shared<std::promise<Outcome<T>>>();
        auto reply = promise->get_future();
        const uint64_t epoch = cancelEpoch.load();
        auto job = [this, promise, epoch, work = std::move(work), done = std::move(done),
                    finally = std::move(finally)]() mutable {
            Outcome<T> outcome;
            try {
                if (cancelledSince(epoch)) throw OperationCancelled("cancelled before it started");
                outcome.value = work(epoch);
            } catch (const c10::Error& e) {
                outcome.error = std::make_exception_ptr(Error(e.what_without_backtrace()));
            } catch (...) {
                outcome.error = std::current_exception();
            }
            if (finally) finally();
            if (done) done(outcome);
            promise->set_value(std::move(outcome));
        };
        if (quick)
            engine.postQuick(std::move(job));
        else
            engine.post(std::move(job));
        return reply;
    }

    // An Outcome that says no at once, on the caller's thread.
    template <class T>
    static Reply<T> refuse(const std::string& text, const OnDone<T>& done) {
        Outcome<T> outcome;
        outcome.error = std::make_exception_ptr(UsageError(text));
        if (done) done(outcome);
        std::promise<Outcome<T>> promise;
        promise.set_value(std::move(outcome));
        return promise.get_future();
    }

    // The "source" block a run records (run_source.h): where its data, holdout
    // and model came from. A model trained since it was opened or created no
    // longer is what its source names. Call with `mutex` held.
    nlohmann::json sourceBlockLocked(bool maskedLM, bool adaptFirst, bool newHead) const {
        const nlohmann::json modelOrigin =
            dirty ? nlohmann::json{{"unavailable", "the model had trained in this session since it was opened"}}
                  : modelSource;
        return {{"command", maskedLM && !adaptFirst ? "mlm" : "train"},
                {"model", modelOrigin},
                {"data", dataSource},
                {"test", maskedLM ? nlohmann::json() : holdoutSource},
                {"new_head", newHead},
                {"adapt_first", adaptFirst}};
    }

    bool trainingActive() const {
        std::lock_guard<std::mutex> lock(mutex);
        return trainingJobs > 0;
    }

    void replaceModel(ModelHandle handle, std::string folder, UnsavedTraining unsaved, nlohmann::json source) {
        auto summary = handle.summary();
        std::lock_guard<std::mutex> lock(mutex);
        if (dirty && unsaved == UnsavedTraining::Refuse)
            throw UnsavedModelError("the current model has training that is not saved; save it first or discard it");
        model = std::move(handle);
        modelSource = std::move(source);
        adapter.reset();
        modelSummary = std::move(summary);
        modelFolder = std::move(folder);
        dirty = false;
    }

    std::function<bool(double)> progressFor(const std::string& what, uint64_t epoch) const {
        auto last = std::make_shared<double>(-1);
        return [this, what, epoch, last](double fraction) {
            if (callbacks.onProgress && (fraction - *last >= 0.01 || fraction >= 1)) {
                *last = fraction;
                callbacks.onProgress(what, fraction);
            }
            return !cancelledSince(epoch);
        };
    }

    // Imports request.path and measures its token lengths as the request says.
    Dataset importWithStats(const DataRequest& request, uint64_t epoch, DataSummary& summary) {
        ImportOptions options = request.options;
        options.progress = progressFor("Importing " + request.path, epoch);
        Dataset data = importDataset(request.path, options, &summary.report);
        const ModelHandle current = currentModel();
        TokenLengthOptions lengthOptions;
        lengthOptions.maxLength = request.statsMaxLength;
        lengthOptions.progress = [this, epoch](double) { return !cancelledSince(epoch); };
        if (!current.isNull()) {
            summary.lengths = current.tokenLengthStats(data, lengthOptions);
        } else if (!request.statsVocabPath.empty()) {
            const auto tokenizer = tokenizerForNewModel(request.statsVocabPath, request.statsLowercase);
            summary.lengths = computeTokenLengthStats(data, *tokenizer, lengthOptions);
        }
        return data;
    }

    // One training job at a time: a second is refused while one is queued or runs.
    Reply<TrainingResult> submitTraining(TrainRequest request, OnDone<TrainingResult> done, bool maskedLM) {
        {
            std::lock_guard<std::mutex> lock(mutex);
            if (trainingJobs > 0) return refuse<TrainingResult>("a training run is already active; stop it first", done);
            ++trainingJobs;
        }
        return submit<TrainingResult>(
            [this, request = std::move(request), maskedLM](uint64_t epoch) { return runTraining(request, epoch, maskedLM); },
            std::move(done), /*quick=*/false, [this] {
                std::lock_guard<std::mutex> lock(mutex);
                --trainingJobs;
                paused = false;
            });
    }

    TrainingResult runTraining(const TrainRequest& request, uint64_t epoch, bool maskedLM);
    TrainingResult runTrainer(std::shared_ptr<ModelBundle> bundle, const TrainRequest& request, TrainingData data,
                              uint64_t epoch);
};

}  // namespace bertbench
