// WorkbenchSession: see workbench_session.h.
#include "workbench_session.h"

#include "engine_worker.h"
#include "worker_thread.h"

#include <QFileInfo>

WorkbenchSession::WorkbenchSession(QObject* parent) : QObject(parent) {
    registerWorkbenchMetaTypes();
    engine_ = new EngineWorker;
    thread_ = std::make_unique<WorkerThread>(engine_, QStringLiteral("engine"));
    connect(engine_, &EngineWorker::datasetImported, this, &WorkbenchSession::onImported);
    connect(engine_, &EngineWorker::modelReady, this, &WorkbenchSession::onModelReady);
    connect(engine_, &EngineWorker::modelSaved, this, [this](const QString& folder) {
        model_.folder = folder;
        modelDirty_ = false;
        emit modelDirtyChanged(false);
        emit modelSaved(folder);
        emit statusMessage(tr("Model saved to %1").arg(folder));
        jobDone();
    });
    connect(engine_, &EngineWorker::evaluated, this, [this](const EvaluationOutcome& outcome) {
        // Replaces "Evaluating on …", which would otherwise linger as if still at work.
        emit statusMessage(tr("Evaluated on %1").arg(outcome.split));
        emit evaluated(outcome);
        jobDone();
    });
    connect(engine_, &EngineWorker::progress, this, &WorkbenchSession::progress);
    connect(engine_, &EngineWorker::cancelled, this, [this](const QString& what) {
        emit statusMessage(tr("%1: cancelled").arg(what));
        jobDone();
    });
    connect(engine_, &EngineWorker::failed, this, [this](const QString& what, const QString& message) {
        emit errorOccurred(what, message);
        jobDone();
    });
}

WorkbenchSession::~WorkbenchSession() {
    engine_->cancelImport();
    thread_.reset();  // quits and waits before the state it reports on goes away
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

void WorkbenchSession::run(std::function<void(EngineWorker*)> job) {
    if (busyJobs_++ == 0) emit busyChanged(true);
    EngineWorker* engine = engine_;
    QMetaObject::invokeMethod(engine_, [engine, job] { job(engine); }, Qt::QueuedConnection);
}

void WorkbenchSession::jobDone() {
    if (--busyJobs_ == 0) emit busyChanged(false);
}

void WorkbenchSession::importDataset(const ImportRequest& request) {
    emit statusMessage(tr("Importing %1…").arg(QFileInfo(request.path).fileName()));
    run([request](EngineWorker* e) { e->importDataset(request, {}); });
}

void WorkbenchSession::importHoldout(const ImportRequest& request) {
    ImportRequest r = request;
    r.holdout = true;
    // The holdout must speak the training data's labels, or its metrics mean nothing.
    const QStringList labels = labelNames();
    emit statusMessage(tr("Importing holdout %1…").arg(QFileInfo(request.path).fileName()));
    run([r, labels](EngineWorker* e) { e->importDataset(r, labels); });
}

void WorkbenchSession::cancelImport() { engine_->cancelImport(); }

void WorkbenchSession::openModel(const QString& folder) {
    const QStringList labels = labelNames();
    emit statusMessage(tr("Opening model %1…").arg(folder));
    run([folder, labels](EngineWorker* e) { e->openModel(folder, labels); });
}

void WorkbenchSession::createModel(const QString& preset, const QString& vocabPath, bool lowercase, quint64 seed) {
    QStringList labels = labelNames();
    if (labels.isEmpty()) labels = {QStringLiteral("0"), QStringLiteral("1")};
    emit statusMessage(tr("Creating a %1 model…").arg(preset));
    run([=](EngineWorker* e) { e->createModel(preset, vocabPath, labels, lowercase, seed); });
}

void WorkbenchSession::saveModel(const QString& folder) {
    if (!hasModel()) return;
    const auto handle = model_.handle;
    run([handle, folder](EngineWorker* e) { e->saveModel(handle, folder); });
}

void WorkbenchSession::evaluate(const QString& split, int maxLength) {
    if (!hasModel()) return;
    const auto handle = model_.handle;
    const auto data = this->split(split);
    emit statusMessage(tr("Evaluating on %1…").arg(split));
    run([=](EngineWorker* e) { e->evaluate(handle, data, split, maxLength); });
}

void WorkbenchSession::markModelTrained() {
    modelDirty_ = true;
    model_.summary = model_.handle.summary();
    emit modelDirtyChanged(true);
    emit modelChanged();
}

void WorkbenchSession::replaceModel(const LoadedModel& model, bool dirty) {
    model_ = model;
    modelDirty_ = dirty;
    emit modelDirtyChanged(dirty);
    emit modelChanged();
}

void WorkbenchSession::onImported(const ImportedData& data) {
    if (data.request.holdout) {
        holdout_ = data;
        emit holdoutChanged();
        emit statusMessage(tr("Holdout: %n example(s) from %1", nullptr, int(data.train->examples.size()))
                               .arg(QFileInfo(data.request.path).fileName()));
    } else {
        data_ = data;
        emit dataChanged();
        emit statusMessage(tr("Imported %n example(s) from %1", nullptr, int(data.report.rowsLoaded))
                               .arg(QFileInfo(data.request.path).fileName()));
        if (!hasModel() && !autoPreset_.isEmpty())
            createModel(autoPreset_, data.request.vocabPath.isEmpty() ? defaultVocab_ : data.request.vocabPath,
                        data.request.lowercase, autoSeed_);
    }
    jobDone();
}

void WorkbenchSession::onModelReady(const LoadedModel& model) {
    replaceModel(model, false);
    emit statusMessage(tr("Model ready: %1").arg(qs(model.summary.source)));
    jobDone();
}
