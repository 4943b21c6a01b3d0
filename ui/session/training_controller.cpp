// TrainingController: see training_controller.h.
#include "session/training_controller.h"

#include "i18n/engine_messages.h"
#include "session/session.h"
#include "session/workbench_session.h"

#include <QDateTime>
#include <QDir>
#include <QStandardPaths>

using namespace bertbench;

TrainingController::TrainingController(WorkbenchSession* session, QObject* parent)
    : QObject(parent), session_(session) {
    connect(session_, &WorkbenchSession::trainingStarted, this, &TrainingController::started);
    connect(session_, &WorkbenchSession::trainingStep, this, &TrainingController::step);
    connect(session_, &WorkbenchSession::trainingEvaluation, this, &TrainingController::evaluation);
    connect(session_, &WorkbenchSession::engineMessage, this, [this](const QString& line) {
        if (isActive()) emit message(line);
    });
}

QString TrainingController::runsRoot() {
    return QDir(QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)).filePath(QStringLiteral("runs"));
}

QString TrainingController::newRunDir(const QString& kind) const {
    const QString name = kind + QLatin1Char('-') + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss-zzz"));
    return QDir(runsRoot()).filePath(name);
}

void TrainingController::setExperimentRunning(bool running) {
    experimentRunning_ = running;
    emit stateChanged(state_);  // what can start has changed
}

void TrainingController::start(const TrainingOptions& options) {
    if (!canStart()) return;
    if (!session_->hasData()) return emit failed(tr("Import a dataset first (Data page)."));
    if (!session_->hasModel()) return emit failed(tr("Open or create a model first (Model page)."));
    try {
        options.validate();
    } catch (const Error& e) {
        return emit failed(EngineMessages::translate(QString::fromUtf8(e.what())));
    }
    TrainRequest request;
    request.options = options;
    request.runDir = ss(newRunDir(QStringLiteral("run")));
    launch(request, false);
}

void TrainingController::startWithNewHead() {
    if (!canStart() || lastMaskedLM_) return;
    TrainRequest request = lastRequest_;
    request.newHead = true;
    request.resume = false;
    launch(request, false);
}

void TrainingController::continueStopped() {
    if (!canStart() || !canContinue_) return;
    TrainRequest request = lastRequest_;
    request.resume = true;
    request.newHead = false;  // the checkpoint already holds the head it started with
    launch(request, lastMaskedLM_);
}

void TrainingController::adaptMaskedLM(const TrainingOptions& options) {
    if (!canStart()) return;
    if (!session_->hasData()) return emit failed(tr("Import a dataset first (Data page)."));
    if (!session_->hasModel()) return emit failed(tr("Open or create a model first (Model page)."));
    TrainRequest request;
    request.options = options;
    request.runDir = ss(newRunDir(QStringLiteral("mlm")));
    launch(request, true);
}

void TrainingController::launch(const TrainRequest& request, bool maskedLM) {
    lastRequest_ = request;
    lastMaskedLM_ = maskedLM;
    canContinue_ = false;
    // The engine creates the run folder once the run really starts, and removes
    // it again when the start is refused: no empty run folders.
    setState(State::Running);
    auto done = [this, maskedLM](const Outcome<TrainingResult>& outcome) {
        QMetaObject::invokeMethod(
            this,
            [this, maskedLM, outcome] {
                TrainingOutcome result;
                result.maskedLM = maskedLM;
                if (outcome.ok()) result.result = *outcome.value;
                // Before the state changes, so that buttons updating on it see it.
                canContinue_ = outcome.ok() && !result.result.completed && result.result.steps > 0;
                setState(State::Idle);
                session_->refreshModel();
                if (outcome.ok() || outcome.cancelled()) return emit finished(result);
                try {
                    std::rethrow_exception(outcome.error);
                } catch (const LabelMismatchError& e) {
                    return emit headQuestion(toQStringList(e.modelLabels), toQStringList(e.dataLabels));
                } catch (...) {
                }
                emit failed(EngineMessages::translate(qs(outcome.message())));
            },
            Qt::QueuedConnection);
    };
    auto& engine = session_->engine();
    if (maskedLM)
        engine.adapt(request, done);
    else
        engine.train(request, done);
}

void TrainingController::pause() {
    if (state_ != State::Running) return;
    session_->engine().pauseTraining();
    setState(State::Paused);
}

void TrainingController::resume() {
    if (state_ != State::Paused) return;
    session_->engine().resumeTraining();
    setState(State::Running);
}

void TrainingController::stop() {
    if (state_ != State::Running && state_ != State::Paused) return;
    session_->engine().cancel();
    setState(State::Stopping);
}

void TrainingController::setState(State state) {
    if (state_ == state) return;
    state_ = state;
    emit stateChanged(state);
}
