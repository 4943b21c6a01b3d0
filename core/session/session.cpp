#include "session/session.h"

#include "checkpoint/classifier_head.h"
#include "checkpoint/encoder_transfer.h"
#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "data/dataset_split.h"
#include "data/label_alignment.h"
#include "inference/predictor.h"
#include "model/bert_config.h"
#include "tokenizer/bert_tokenizer.h"
#include "session/engine_thread.h"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <mutex>

namespace bertbench {

namespace fs = std::filesystem;

const char* splitName(Split split) {
    switch (split) {
    case Split::Train: return "train";
    case Split::Validation: return "validation";
    case Split::Holdout: return "holdout";
    }
    return "?";
}

namespace {

using DatasetPtr = std::shared_ptr<const Dataset>;

constexpr const char* kBusyTraining = "while a training run is active; stop it or wait until it ends";

// Throws unless `folder` may receive a saved model: new, empty, or a model
// folder the user agreed to replace.
void checkSaveTarget(const SaveRequest& request) {
    const fs::path folder(request.folder);
    if (request.folder.empty()) throw UsageError("choose a folder to save the model in");
    std::error_code error;
    if (!fs::exists(folder, error)) return;
    if (!fs::is_directory(folder, error)) throw FileError(request.folder, "is a file, not a folder");
    if (fs::is_empty(folder, error)) return;
    if (!fs::exists(folder / "config.json", error))
        throw FileError(request.folder, "is not empty and holds no model; save into a new or an empty folder");
    if (!request.replaceExisting)
        throw ExistingModelFolderError(request.folder + " already holds a model; replace it?");
}

std::string mismatchText(const Dataset& data, const UnknownLabel& unknown, const std::vector<std::string>& labels) {
    return "label \"" + unknown.name + "\" is not one the model knows. This model predicts " +
           std::to_string(labels.size()) + " classes (" + joinLabelNames(labels) + "); the data has " +
           std::to_string(data.labelNames.size()) + " (" + joinLabelNames(data.labelNames) +
           "). Replace the classifier head (--new-head) to train on the data's labels";
}

}  // namespace

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
    int trainingJobs = 0;       // queued or running
    Trainer* trainer = nullptr;  // while a training job runs
    bool paused = false;

    // Requests remember the value at their making; cancel() increments it, so
    // a job whose value is older has been cancelled.
    std::atomic<uint64_t> cancelEpoch{0};

    EngineThread engine;  // last: joined before the state above goes away

    explicit Impl(Callbacks c) : callbacks(std::move(c)) {}

    bool cancelledSince(uint64_t epoch) const { return cancelEpoch.load() != epoch; }

    ModelHandle currentModel() const {
        std::lock_guard<std::mutex> lock(mutex);
        return model;
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

    bool trainingActive() const {
        std::lock_guard<std::mutex> lock(mutex);
        return trainingJobs > 0;
    }

    void replaceModel(ModelHandle handle, std::string folder, UnsavedTraining unsaved) {
        auto summary = handle.summary();
        std::lock_guard<std::mutex> lock(mutex);
        if (dirty && unsaved == UnsavedTraining::Refuse)
            throw UnsavedModelError("the current model has training that is not saved; save it first or discard it");
        model = std::move(handle);
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
            TokenizerOptions tokenizerOptions;
            tokenizerOptions.lowercase = request.statsLowercase;
            const auto tokenizer = BertTokenizer::fromFile(request.statsVocabPath, tokenizerOptions);
            summary.lengths = computeTokenLengthStats(data, tokenizer, lengthOptions);
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

TrainingResult Session::Impl::runTraining(const TrainRequest& request, uint64_t epoch, bool maskedLM) {
    DatasetPtr trainData, validationData, holdoutData;
    ModelHandle current;
    {
        std::lock_guard<std::mutex> lock(mutex);
        trainData = train;
        validationData = validation;
        holdoutData = holdout;
        current = model;
    }
    if (!trainData) throw UsageError("import a training dataset first");
    if (current.isNull()) throw UsageError("open or create a model first");
    auto bundle = current.bundle();
    TrainingData data;
    data.train = *trainData;
    if (validationData) data.validation = *validationData;

    if (!maskedLM && request.adaptFirst) {
        TrainRequest adaptation = request;
        adaptation.options = *request.adaptFirst;
        adaptation.adaptFirst.reset();
        adaptation.runDir = request.runDir + "/adaptation";
        message("Adapting the encoder to " + trainData->source + " (masked-LM training) before fine-tuning");
        const auto adapted = runTraining(adaptation, epoch, /*maskedLM=*/true);
        if (!adapted.completed) return adapted;
    }

    if (maskedLM) {
        auto trainee = bundle;
        if (bundle->task == Task::SequenceClassification) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (!adapter) adapter = std::make_shared<ModelBundle>(maskedLMOnEncoderOf(*bundle, request.options.seed));
                else copyEncoder(*bundle, *adapter);  // the classifier may have trained since
                trainee = adapter;
            }
        }
        const auto result = runTrainer(trainee, request, std::move(data), epoch);
        if (trainee != bundle && result.steps > 0) {
            copyEncoder(*trainee, *bundle);
            message("The classifier now has the adapted encoder; its head and labels are unchanged");
        }
        return result;
    }

    if (bundle->task != Task::SequenceClassification)
        throw UsageError("this is a masked-LM model: adapt it, or open it as a classifier to fine-tune it");
    if (request.newHead) {
        message(replaceClassifierHead(*bundle, trainData->labelNames, request.options.seed));
    } else if (bundle->classifierTrained) {
        const auto& labels = bundle->config.id2label;
        if (auto unknown = firstUnknownLabel(*trainData, labels))
            throw LabelMismatchError(FileError(trainData->source, mismatchText(*trainData, *unknown, labels),
                                               unknown->line),
                                     labels, trainData->labelNames);
    }
    if (holdoutData) data.test = *holdoutData;
    return runTrainer(bundle, request, std::move(data), epoch);
}

TrainingResult Session::Impl::runTrainer(std::shared_ptr<ModelBundle> bundle, const TrainRequest& request,
                                         TrainingData data, uint64_t epoch) {
    TrainingCallbacks hooks;
    hooks.onStep = callbacks.onStep;
    hooks.onEvaluation = callbacks.onEvaluation;
    hooks.onMessage = callbacks.onMessage;
    hooks.onSafePoint = [this] { engine.serveQuickJobs(); };
    Trainer trainer(bundle, request.options, std::move(data), request.runDir, hooks);
    struct Publication {
        Impl& impl;
        Publication(Impl& i, Trainer& t) : impl(i) {
            std::lock_guard<std::mutex> lock(impl.mutex);
            impl.trainer = &t;
            if (impl.paused) t.pause();
        }
        ~Publication() {
            std::lock_guard<std::mutex> lock(impl.mutex);
            impl.trainer = nullptr;
        }
    } publication(*this, trainer);
    if (cancelledSince(epoch)) trainer.cancel();
    if (callbacks.onTrainingStarted)
        callbacks.onTrainingStarted(trainer.totalSteps(), trainer.trainableParameters(), bundle->task == Task::MaskedLM);
    const auto result = trainer.run(request.resume, request.overwrite);
    const ModelHandle current = currentModel();
    auto summary = current.summary();
    std::lock_guard<std::mutex> lock(mutex);
    modelSummary = std::move(summary);
    if (result.steps > 0) dirty = true;
    return result;
}

Session::Session(Callbacks callbacks) : impl_(std::make_unique<Impl>(std::move(callbacks))) {}

Session::~Session() { cancel(); }

Session::Reply<DataSummary> Session::importData(DataRequest request, OnDone<DataSummary> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot import training data " + std::string(kBusyTraining), done);
    return impl_->submit<DataSummary>(
        [this, request](uint64_t epoch) {
            auto& impl = *impl_;
            DataSummary summary;
            Dataset all = impl.importWithStats(request, epoch, summary);
            std::optional<Dataset> validation;
            if (!request.validationPath.empty()) {
                ImportOptions validationOptions = request.options;
                validationOptions.labelNames = all.labelNames;
                validation = importDataset(request.validationPath, validationOptions);
            } else if (request.validationRatio > 0) {
                auto parts = splitTrainValidation(std::move(all), request.validationRatio, request.splitSeed,
                                                  request.stratified);
                all = std::move(parts.train);
                validation = std::move(parts.validation);
            }
            summary.source = all.source;
            summary.examples = all.examples.size();
            summary.validationExamples = validation ? validation->examples.size() : 0;
            summary.labelNames = all.labelNames;
            std::lock_guard<std::mutex> lock(impl.mutex);
            if (impl.holdout) {
                if (auto unknown = firstUnknownLabel(*impl.holdout, all.labelNames)) {
                    summary.messages.push_back("The holdout " + impl.holdout->source + " was removed: its label \"" +
                                               unknown->name + "\" (line " + std::to_string(unknown->line) +
                                               ") is not among the new data's labels (" +
                                               joinLabelNames(all.labelNames) + ")");
                    impl.holdout.reset();
                }
            }
            impl.train = std::make_shared<const Dataset>(std::move(all));
            impl.validation = validation ? std::make_shared<const Dataset>(std::move(*validation)) : nullptr;
            summary.data = impl.train;
            summary.validation = impl.validation;
            return summary;
        },
        std::move(done));
}

Session::Reply<DataSummary> Session::importHoldout(DataRequest request, OnDone<DataSummary> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot import a holdout " + std::string(kBusyTraining), done);
    return impl_->submit<DataSummary>(
        [this, request](uint64_t epoch) {
            auto& impl = *impl_;
            const auto& path = request.path;
            DataSummary summary;
            Dataset holdout = impl.importWithStats(request, epoch, summary);
            std::lock_guard<std::mutex> lock(impl.mutex);
            if (impl.train)
                if (auto unknown = firstUnknownLabel(holdout, impl.train->labelNames))
                    throw FileError(path,
                                    "label \"" + unknown->name + "\" is not among the training data's labels (" +
                                        joinLabelNames(impl.train->labelNames) + ")",
                                    unknown->line);
            summary.source = holdout.source;
            summary.examples = holdout.examples.size();
            summary.labelNames = holdout.labelNames;
            impl.holdout = std::make_shared<const Dataset>(std::move(holdout));
            summary.data = impl.holdout;
            return summary;
        },
        std::move(done));
}

Session::Reply<ModelSummary> Session::openModel(OpenModelRequest request, UnsavedTraining unsaved,
                                                OnDone<ModelSummary> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot open a model " + std::string(kBusyTraining), done);
    return impl_->submit<ModelSummary>(
        [this, request, unsaved](uint64_t) {
            auto handle = request.maskedLM ? ModelHandle::openMaskedLM(request.folder)
                                           : ModelHandle::openClassifier(request.folder);
            auto summary = handle.summary();
            impl_->replaceModel(std::move(handle), request.folder, unsaved);
            return summary;
        },
        std::move(done));
}

Session::Reply<ModelSummary> Session::createModel(NewModelRequest request, UnsavedTraining unsaved,
                                                  OnDone<ModelSummary> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot create a model " + std::string(kBusyTraining), done);
    return impl_->submit<ModelSummary>(
        [this, request, unsaved](uint64_t) {
            std::vector<std::string> labels;
            {
                std::lock_guard<std::mutex> lock(impl_->mutex);
                if (impl_->train) labels = impl_->train->labelNames;
                if (labels.empty()) labels = defaultLabels(2);  // no data yet, or text without labels
            }
            auto handle = request.maskedLM
                              ? ModelHandle::createMaskedLM(request.preset, request.vocabPath, request.lowercase,
                                                            request.seed)
                              : ModelHandle::createClassifier(request.preset, request.vocabPath, labels,
                                                              request.lowercase, request.seed);
            auto summary = handle.summary();
            impl_->replaceModel(std::move(handle), {}, unsaved);
            return summary;
        },
        std::move(done));
}

Session::Reply<Done> Session::saveModel(SaveRequest request, OnDone<Done> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot save the model " + std::string(kBusyTraining), done);
    return impl_->submit<Done>(
        [this, request](uint64_t) {
            const ModelHandle current = impl_->currentModel();
            if (current.isNull()) throw UsageError("there is no model to save");
            checkSaveTarget(request);
            current.save(request.folder);
            std::lock_guard<std::mutex> lock(impl_->mutex);
            impl_->modelFolder = request.folder;
            impl_->dirty = false;
            return Done{};
        },
        std::move(done));
}

Session::Reply<TrainingResult> Session::train(TrainRequest request, OnDone<TrainingResult> done) {
    return impl_->submitTraining(std::move(request), std::move(done), /*maskedLM=*/false);
}

Session::Reply<TrainingResult> Session::adapt(TrainRequest request, OnDone<TrainingResult> done) {
    return impl_->submitTraining(std::move(request), std::move(done), /*maskedLM=*/true);
}

Session::Reply<EvaluationSummary> Session::evaluate(EvaluateRequest request, OnDone<EvaluationSummary> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot evaluate " + std::string(kBusyTraining), done);
    return impl_->submit<EvaluationSummary>(
        [this, request](uint64_t) {
            const ModelHandle current = impl_->currentModel();
            const DatasetPtr data = dataset(request.split);
            if (current.isNull()) throw UsageError("open or create a model first");
            if (!data)
                throw UsageError(std::string("there is no ") + splitName(request.split) + " data to evaluate on");
            EvaluationSummary summary;
            summary.data = std::make_shared<const Dataset>(alignLabels(*data, current.summary().labels));
            summary.result = evaluateModel(current, *summary.data, request.maxLength, request.batchSize, request.device);
            return summary;
        },
        std::move(done));
}

Session::Reply<Prediction> Session::predict(std::string text, bool withAttentions, OnDone<Prediction> done) {
    return impl_->submit<Prediction>(
        [this, text, withAttentions](uint64_t) {
            const ModelHandle current = impl_->currentModel();
            if (current.isNull()) throw UsageError("open or create a model first");
            return Predictor(current.bundle()).predict(text, withAttentions);
        },
        std::move(done), /*quick=*/true);
}

Session::Reply<std::vector<Prediction>> Session::predictBatch(std::vector<std::string> texts, size_t maxLength,
                                                              OnDone<std::vector<Prediction>> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot predict a file " + std::string(kBusyTraining), done);
    return impl_->submit<std::vector<Prediction>>(
        [this, texts = std::move(texts), maxLength](uint64_t epoch) {
            const ModelHandle current = impl_->currentModel();
            if (current.isNull()) throw UsageError("open or create a model first");
            Predictor predictor(current.bundle(), maxLength);
            // Batches of 64 keep memory flat and let a cancel stop a long file.
            constexpr size_t kBatch = 64;
            std::vector<Prediction> predictions;
            predictions.reserve(texts.size());
            auto progress = impl_->progressFor("Predicting", epoch);
            for (size_t start = 0; start < texts.size(); start += kBatch) {
                const auto end = std::min(texts.size(), start + kBatch);
                auto batch = predictor.predictBatch({texts.begin() + long(start), texts.begin() + long(end)});
                for (auto& p : batch) predictions.push_back(std::move(p));
                if (!progress(double(end) / double(texts.size()))) throw OperationCancelled("prediction cancelled");
            }
            return predictions;
        },
        std::move(done));
}

void Session::cancel() {
    ++impl_->cancelEpoch;
    std::lock_guard<std::mutex> lock(impl_->mutex);
    if (impl_->trainer) impl_->trainer->cancel();
}

void Session::pauseTraining() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->paused = true;
    if (impl_->trainer) impl_->trainer->pause();
}

void Session::resumeTraining() {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    impl_->paused = false;
    if (impl_->trainer) impl_->trainer->resume();
}

SessionState Session::state() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    SessionState s;
    s.hasData = bool(impl_->train);
    s.hasHoldout = bool(impl_->holdout);
    s.hasModel = !impl_->model.isNull();
    s.modelDirty = impl_->dirty;
    s.training = impl_->trainingJobs > 0;
    s.paused = impl_->paused;
    s.trainExamples = impl_->train ? impl_->train->examples.size() : 0;
    s.validationExamples = impl_->validation ? impl_->validation->examples.size() : 0;
    s.holdoutExamples = impl_->holdout ? impl_->holdout->examples.size() : 0;
    if (impl_->train) s.dataLabels = impl_->train->labelNames;
    if (s.hasModel) s.model = impl_->modelSummary;
    s.modelFolder = impl_->modelFolder;
    return s;
}

std::shared_ptr<const Dataset> Session::dataset(Split split) const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    switch (split) {
    case Split::Train: return impl_->train;
    case Split::Validation: return impl_->validation;
    case Split::Holdout: return impl_->holdout;
    }
    return nullptr;
}

}  // namespace bertbench
