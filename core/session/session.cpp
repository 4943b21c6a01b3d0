#include "session/session.h"

#include "data/dataset_split.h"
#include "data/label_alignment.h"
#include "inference/batch_prediction.h"
#include "inference/predictor.h"
#include "model/model_config.h"
#include "session/run_source.h"
#include "session/session_impl.h"

#include <algorithm>
#include <filesystem>

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

}  // namespace

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
                    impl.holdoutSource = nullptr;
                }
            }
            impl.train = std::make_shared<const Dataset>(std::move(all));
            impl.dataSource = dataSourceJson(request);
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
            impl.holdoutSource = dataSourceJson(request);
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
            impl_->replaceModel(std::move(handle), request.folder, unsaved, modelSourceJson(request));
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
                                                            request.seed, request.family)
                              : ModelHandle::createClassifier(request.preset, request.vocabPath, labels,
                                                              request.lowercase, request.seed, request.family);
            auto summary = handle.summary();
            impl_->replaceModel(std::move(handle), {}, unsaved, modelSourceJson(request));
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
            // The saved folder now holds exactly this model: runs from here on start from it.
            impl_->modelSource = modelSourceJson(
                OpenModelRequest{request.folder, impl_->modelSource.is_object() && impl_->modelSource.value("masked_lm", false)});
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
            const ModelHandle current = impl_->requiredModel();
            const DatasetPtr data = dataset(request.split);
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
    PredictRequest request;
    request.text = std::move(text);
    request.withAttentions = withAttentions;
    return predict(std::move(request), std::move(done));
}

Session::Reply<Prediction> Session::predict(PredictRequest request, OnDone<Prediction> done) {
    return impl_->submit<Prediction>(
        [this, request = std::move(request)](uint64_t) {
            return Predictor(impl_->requiredModel().bundle()).predict(request);
        },
        std::move(done), /*quick=*/true);
}

Session::Reply<std::vector<Prediction>> Session::predictBatch(std::vector<std::string> texts, size_t maxLength,
                                                              OnDone<std::vector<Prediction>> done) {
    if (impl_->trainingActive()) return Impl::refuse("cannot predict a file " + std::string(kBusyTraining), done);
    return impl_->submit<std::vector<Prediction>>(
        [this, texts = std::move(texts), maxLength](uint64_t epoch) {
            Predictor predictor(impl_->requiredModel().bundle(), maxLength);
            return predictInBatches(predictor, texts, kPredictionBatchSize, impl_->progressFor("Predicting", epoch));
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

nlohmann::json Session::currentSource() const {
    std::lock_guard<std::mutex> lock(impl_->mutex);
    return impl_->sourceBlockLocked(/*maskedLM=*/false, /*adaptFirst=*/false, /*newHead=*/false);
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
