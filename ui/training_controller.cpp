// TrainingController: see training_controller.h.
#include "training_controller.h"

#include "common/errors.h"
#include "training_worker.h"
#include "workbench_session.h"
#include "worker_thread.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

TrainingController::TrainingController(WorkbenchSession* session, QObject* parent)
    : QObject(parent), session_(session) {
    worker_ = new TrainingWorker;
    thread_ = std::make_unique<WorkerThread>(worker_, QStringLiteral("training"));
    connect(worker_, &TrainingWorker::started, this, [this](qint64 total, qint64 trainable) {
        emit started(total, trainable, lastJob_.maskedLM);
    });
    connect(worker_, &TrainingWorker::step, this, &TrainingController::step);
    connect(worker_, &TrainingWorker::evaluation, this, &TrainingController::evaluation);
    connect(worker_, &TrainingWorker::message, this, &TrainingController::message);
    connect(worker_, &TrainingWorker::finished, this, [this](const TrainingOutcome& outcome) {
        canContinue_ = !outcome.result.completed && outcome.result.steps > 0 && !outcome.maskedLM;
        if (outcome.maskedLM) {
            if (!outcome.adapted.handle.isNull()) session_->replaceModel(outcome.adapted, true);
        } else if (outcome.result.steps > 0) {
            session_->markModelTrained();
        }
        setState(State::Idle);
        emit finished(outcome);
    });
    connect(worker_, &TrainingWorker::failed, this, [this](const QString& text) {
        canContinue_ = false;
        setState(State::Idle);
        emit failed(text);
    });
}

TrainingController::~TrainingController() {
    // run() holds the worker thread; the thread can only quit once it returns.
    worker_->cancel();
    thread_.reset();
}

QString TrainingController::newRunDir(const QString& kind) const {
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    const QString name = kind + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return QDir(base).filePath(QStringLiteral("runs/") + name);
}

void TrainingController::start(const bertbench::TrainingOptions& options) {
    if (isActive()) return;
    if (!session_->hasData()) return emit failed(tr("Import a dataset first (Data page)."));
    if (!session_->hasModel()) return emit failed(tr("Open or create a model first (Model page)."));
    try {
        options.validate();
    } catch (const bertbench::Error& e) {
        return emit failed(QString::fromUtf8(e.what()));
    }
    TrainingJob job;
    job.model = session_->model().handle;
    job.options = options;
    job.train = session_->data().train;
    job.validation = session_->data().validation;
    job.test = session_->holdout().train;
    job.runDir = newRunDir(QStringLiteral("run"));
    launch(job);
}

void TrainingController::continueStopped() {
    if (isActive() || !canContinue_) return;
    TrainingJob job = lastJob_;
    job.resume = true;
    launch(job);
}

void TrainingController::adaptMaskedLM(const bertbench::TrainingOptions& options) {
    if (isActive()) return;
    if (!session_->hasData()) return emit failed(tr("Import a dataset first (Data page)."));
    if (!session_->hasModel()) return emit failed(tr("Open or create a model first (Model page)."));
    TrainingJob job;
    job.model = session_->model().handle;
    job.options = options;
    job.train = session_->data().train;
    job.maskedLM = true;
    job.runDir = newRunDir(QStringLiteral("mlm"));
    launch(job);
}

void TrainingController::launch(const TrainingJob& job) {
    lastJob_ = job;
    canContinue_ = false;
    QDir().mkpath(job.runDir);
    setState(State::Running);
    TrainingWorker* worker = worker_;
    QMetaObject::invokeMethod(worker_, [worker, job] { worker->train(job); }, Qt::QueuedConnection);
}

void TrainingController::pause() {
    if (state_ != State::Running) return;
    worker_->pause();
    setState(State::Paused);
}

void TrainingController::resume() {
    if (state_ != State::Paused) return;
    worker_->resume();
    setState(State::Running);
}

void TrainingController::stop() {
    if (state_ != State::Running && state_ != State::Paused) return;
    worker_->cancel();
    setState(State::Stopping);
}

void TrainingController::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    emit stateChanged(state);
}
