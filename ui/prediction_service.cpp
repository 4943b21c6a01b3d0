// PredictionService: see prediction_service.h.
#include "prediction_service.h"

#include "prediction_worker.h"
#include "workbench_session.h"
#include "worker_thread.h"

PredictionService::PredictionService(WorkbenchSession* session, QObject* parent)
    : QObject(parent), session_(session) {
    worker_ = new PredictionWorker;
    thread_ = std::make_unique<WorkerThread>(worker_, QStringLiteral("prediction"));
    connect(worker_, &PredictionWorker::predicted, this, &PredictionService::predicted);
    connect(worker_, &PredictionWorker::batchProgress, this, &PredictionService::fileProgress);
    connect(worker_, &PredictionWorker::batchPredicted, this, &PredictionService::filePredicted);
    connect(worker_, &PredictionWorker::failed, this, &PredictionService::failed);
    connect(session_, &WorkbenchSession::modelChanged, this, &PredictionService::syncModel);
    syncModel();
}

PredictionService::~PredictionService() {
    worker_->cancelBatch();
    thread_.reset();
}

void PredictionService::syncModel() {
    const bool had = isAvailable();
    hasModel_ = session_->hasModel();
    const auto handle = session_->model().handle;
    const int maxLength = maxLength_;
    PredictionWorker* worker = worker_;
    QMetaObject::invokeMethod(worker_, [worker, handle, maxLength] { worker->setModel(handle, maxLength); },
                              Qt::QueuedConnection);
    if (had != isAvailable()) emit availabilityChanged(isAvailable());
}

void PredictionService::setSuspended(bool suspended) {
    const bool had = isAvailable();
    suspended_ = suspended;
    if (had != isAvailable()) emit availabilityChanged(isAvailable());
}

void PredictionService::setMaxLength(int maxLength) {
    if (maxLength == maxLength_) return;
    maxLength_ = maxLength;
    syncModel();
}

int PredictionService::request(const QString& text, bool withAttentions) {
    if (!isAvailable()) return -1;
    const int id = nextId_++;
    worker_->announce(id, withAttentions);
    PredictionWorker* worker = worker_;
    QMetaObject::invokeMethod(worker_, [worker, id, text, withAttentions] { worker->predict(id, text, withAttentions); },
                              Qt::QueuedConnection);
    return id;
}

void PredictionService::predictFile(const QString& path) {
    if (!isAvailable()) return;
    PredictionWorker* worker = worker_;
    QMetaObject::invokeMethod(worker_, [worker, path] { worker->predictFile(path); }, Qt::QueuedConnection);
}

void PredictionService::cancelFile() { worker_->cancelBatch(); }

QStringList PredictionService::labels() const { return toQStringList(session_->model().summary.labels); }
