// WorkbenchSession: see workbench_session.h.
#include "session/workbench_session.h"

#include "i18n/engine_messages.h"
#include "session/session.h"

#include <QFileInfo>
#include <QPointer>

using namespace bertbench;

namespace {
std::optional<Split> splitNamed(const QString& name) {
    if (name == QLatin1String("train")) return Split::Train;
    if (name == QLatin1String("validation")) return Split::Validation;
    if (name == QLatin1String("holdout")) return Split::Holdout;
    return std::nullopt;
}
}  // namespace

WorkbenchSession::WorkbenchSession(QObject* parent) : QObject(parent) {
    registerWorkbenchMetaTypes();
    // Callbacks run on the engine thread; each hops to the GUI thread queued.
    Session::Callbacks callbacks;
    callbacks.onStep = [this](const StepReport& r) {
        QMetaObject::invokeMethod(this, [this, r] { emit trainingStep(r); }, Qt::QueuedConnection);
    };
    callbacks.onEvaluation = [this](const EvaluationReport& r) {
        QMetaObject::invokeMethod(this, [this, r] { emit trainingEvaluation(r); }, Qt::QueuedConnection);
    };
    callbacks.onMessage = [this](const std::string& line) {
        QMetaObject::invokeMethod(
            this, [this, line = qs(line)] { emit engineMessage(EngineMessages::translate(line)); }, Qt::QueuedConnection);
    };
    callbacks.onProgress = [this](const std::string& what, double fraction) {
        QMetaObject::invokeMethod(this, [this, what = qs(what), fraction] { emit progress(what, fraction); },
                                  Qt::QueuedConnection);
    };
    callbacks.onTrainingStarted = [this](int64_t total, int64_t trainable, bool maskedLM) {
        QMetaObject::invokeMethod(this, [=] { emit trainingStarted(total, trainable, maskedLM); }, Qt::QueuedConnection);
    };
    engine_ = std::make_unique<Session>(callbacks);
}

WorkbenchSession::~WorkbenchSession() {
    engine_.reset();  // cancels and joins before the state it reports on goes away
}

template <class T, class Handler>
std::function<void(const Outcome<T>&)> WorkbenchSession::onGuiThread(const QString& what, Handler handler,
                                                                     std::function<void()> finally) {
    jobStarted();
    return [this, what, handler, finally](const Outcome<T>& outcome) {
        QMetaObject::invokeMethod(
            this,
            [this, what, handler, finally, outcome] {
                if (finally) finally();  // first: the handler may start the next job
                if (outcome.cancelled())
                    emit statusMessage(WorkbenchSession::tr("%1: cancelled").arg(what));
                else
                    handler(outcome);
                jobDone();
            },
            Qt::QueuedConnection);
    };
}

void WorkbenchSession::jobStarted() {
    if (busyJobs_++ == 0) emit busyChanged(true);
}

void WorkbenchSession::jobDone() {
    if (--busyJobs_ == 0) emit busyChanged(false);
}

QStringList WorkbenchSession::labelNames() const {
    if (data_.train) return toQStringList(data_.train->labelNames);
    return toQStringList(model_.summary.labels);
}

DatasetPtr WorkbenchSession::split(const QString& name) const {
    if (name == QLatin1String("train")) return data_.train;
    if (name == QLatin1String("validation")) return data_.validation;
    if (name == QLatin1String("holdout")) return holdout_.train;
    return {};
}

namespace {
DataRequest dataRequestFor(const ImportRequest& request) {
    DataRequest r;
    r.path = ss(request.path);
    r.options = request.options;
    r.validationRatio = request.validationRatio;
    r.splitSeed = request.seed;
    r.stratified = request.stratified;
    r.statsVocabPath = ss(request.vocabPath);
    r.statsLowercase = request.lowercase;
    r.statsMaxLength = size_t(request.maxLength);
    return r;
}

ImportedData importedFrom(const ImportRequest& request, const DataSummary& summary) {
    ImportedData out;
    out.request = request;
    out.train = summary.data;
    out.validation = summary.validation;
    out.report = summary.report;
    if (summary.lengths) out.lengths = *summary.lengths;
    return out;
}
}  // namespace

void WorkbenchSession::importDataset(const ImportRequest& request) {
    const QString what = tr("Import %1").arg(request.path);
    emit statusMessage(tr("Importing %1…").arg(QFileInfo(request.path).fileName()));
    engine_->importData(dataRequestFor(request), onGuiThread<DataSummary>(what, [this, request, what](const auto& o) {
        if (!o.ok()) return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
        data_ = importedFrom(request, *o.value);
        emit dataChanged();
        for (const auto& line : o.value->messages) emit statusMessage(EngineMessages::translate(qs(line)));
        if (holdout_.train && !engine_->state().hasHoldout) {
            holdout_ = {};
            emit holdoutChanged();
        }
        if (o.value->messages.empty())
            emit statusMessage(tr("Imported %n example(s) from %1", nullptr, int(o.value->report.rowsLoaded))
                                   .arg(QFileInfo(request.path).fileName()));
        if (!hasModel_ && modelJobs_ == 0 && !autoPreset_.isEmpty())
            createModel(autoPreset_, request.vocabPath.isEmpty() ? defaultVocab_ : request.vocabPath, request.lowercase,
                        autoSeed_);
    }));
}

void WorkbenchSession::importHoldout(const ImportRequest& request) {
    const QString what = tr("Import %1").arg(request.path);
    emit statusMessage(tr("Importing holdout %1…").arg(QFileInfo(request.path).fileName()));
    engine_->importHoldout(dataRequestFor(request), onGuiThread<DataSummary>(what, [this, request, what](const auto& o) {
        if (!o.ok()) return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
        holdout_ = importedFrom(request, *o.value);
        holdout_.request.holdout = true;
        emit holdoutChanged();
        emit statusMessage(tr("Holdout: %n example(s) from %1", nullptr, int(o.value->examples))
                               .arg(QFileInfo(request.path).fileName()));
    }));
}

void WorkbenchSession::cancelImport() { engine_->cancel(); }

void WorkbenchSession::setModel(const ModelSummary& summary, const QString& folder, bool dirty) {
    hasModel_ = true;
    model_.summary = summary;
    model_.folder = folder;
    const bool dirtyChanged = dirty != modelDirty_;
    modelDirty_ = dirty;
    if (dirtyChanged) emit modelDirtyChanged(dirty);
    emit modelChanged();
}

template <class T>
bool WorkbenchSession::askedToDiscard(const Outcome<T>& outcome, const QString& question, std::function<void()> proceed) {
    try {
        std::rethrow_exception(outcome.error);
    } catch (const UnsavedModelError&) {
        emit discardQuestion(question, proceed);
        return true;
    } catch (...) {
    }
    return false;
}

void WorkbenchSession::openModel(const QString& folder, bool discardConfirmed) {
    const QString what = tr("Open model %1").arg(folder);
    emit statusMessage(tr("Opening model %1…").arg(folder));
    const auto unsaved = discardConfirmed ? UnsavedTraining::Discard : UnsavedTraining::Refuse;
    ++modelJobs_;
    engine_->openModel({ss(folder)}, unsaved,
                       onGuiThread<ModelSummary>(what, [this, folder, what](const auto& o) {
                           if (!o.ok() && askedToDiscard(o, tr("The current model has training that is not saved. "
                                                                "Open another model and discard it?"),
                                                         [this, folder] { openModel(folder, true); }))
                               return;
                           if (!o.ok()) return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
                           model_.created.reset();
                           setModel(*o.value, folder, false);
                           emit statusMessage(tr("Model ready: %1").arg(qs(o.value->source)));
                       }, [this] { --modelJobs_; }));
}

void WorkbenchSession::createModel(const QString& preset, const QString& vocabPath, bool lowercase, quint64 seed,
                                   bertbench::ModelFamily family, bool discardConfirmed) {
    NewModelRequest request;
    request.preset = ss(preset);
    request.vocabPath = ss(vocabPath);
    request.family = family;
    request.lowercase = lowercase;
    request.seed = seed;
    const QString what = tr("Create model");
    emit statusMessage(tr("Creating a %1 model…").arg(preset));
    const auto unsaved = discardConfirmed ? UnsavedTraining::Discard : UnsavedTraining::Refuse;
    auto retry = [=] { createModel(preset, vocabPath, lowercase, seed, family, true); };
    const NewModelSpec spec{preset, vocabPath, lowercase, seed, family};
    ++modelJobs_;
    engine_->createModel(request, unsaved, onGuiThread<ModelSummary>(what, [this, what, retry, spec](const auto& o) {
                             if (!o.ok() && askedToDiscard(o, tr("The current model has training that is not saved. "
                                                                  "Create a new model and discard it?"),
                                                           retry))
                                 return;
                             if (!o.ok()) return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
                             model_.created = spec;
                             setModel(*o.value, {}, false);
                             emit statusMessage(tr("Model ready: %1").arg(qs(o.value->source)));
                         }, [this] { --modelJobs_; }));
}

void WorkbenchSession::saveModel(const QString& folder, bool replaceConfirmed) {
    if (!hasModel_) return;
    const QString what = tr("Save model to %1").arg(folder);
    engine_->saveModel({ss(folder), replaceConfirmed}, onGuiThread<Done>(what, [this, folder, what](const auto& o) {
        if (!o.ok()) {
            try {
                std::rethrow_exception(o.error);
            } catch (const ExistingModelFolderError&) {
                return emit replaceFolderQuestion(folder);
            } catch (...) {
            }
            return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
        }
        setModel(model_.summary, folder, false);
        emit modelSaved(folder);
        emit statusMessage(tr("Model saved to %1").arg(folder));
    }));
}

void WorkbenchSession::evaluate(const QString& split, int maxLength) {
    const auto which = splitNamed(split);
    if (!hasModel_ || !which) return;
    const QString what = tr("Evaluate on %1").arg(EngineMessages::splitName(split));
    emit statusMessage(tr("Evaluating on %1…").arg(EngineMessages::splitName(split)));
    EvaluateRequest request;
    request.split = *which;
    request.maxLength = size_t(std::max(0, maxLength));
    engine_->evaluate(request, onGuiThread<EvaluationSummary>(what, [this, split, what](const auto& o) {
        if (!o.ok()) return emit errorOccurred(what, EngineMessages::translate(qs(o.message())));
        EvaluationOutcome out;
        out.split = split;
        out.data = o.value->data;
        out.result = o.value->result;
        // Replaces "Evaluating on …", which would otherwise linger as if still at work.
        emit statusMessage(tr("Evaluated on %1").arg(EngineMessages::splitName(split)));
        emit evaluated(out);
    }));
}

void WorkbenchSession::refreshModel() {
    const auto state = engine_->state();
    if (!state.hasModel) return;
    setModel(state.model, qs(state.modelFolder), state.modelDirty);
}
