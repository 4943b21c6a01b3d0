// TrainingController: starts, pauses, resumes and stops training runs (and
// masked-LM domain adaptation) of the session's model on the training worker
// thread, and tells the session when the weights changed. pause/resume/stop
// go straight to the Trainer (thread-safe), because the worker's queue is
// blocked by the running run(). Destroying it cancels a run and waits.
#pragma once

#include "workbench_types.h"

#include <QObject>
#include <memory>

class TrainingWorker;
class WorkbenchSession;
class WorkerThread;

class TrainingController : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    TrainingController(WorkbenchSession* session, QObject* parent = nullptr);
    ~TrainingController() override;

    State state() const { return state_; }
    bool isActive() const { return state_ != State::Idle; }
    bool canContinue() const { return canContinue_; }  // the last run was stopped with a checkpoint
    QString runDir() const { return lastJob_.runDir; }

    // Errors (no data, no model, invalid options) come back as failed().
    void start(const bertbench::TrainingOptions& options);
    void continueStopped();
    void adaptMaskedLM(const bertbench::TrainingOptions& options);
    void pause();
    void resume();
    void stop();

signals:
    void stateChanged(TrainingController::State state);
    void started(qint64 totalSteps, qint64 trainableParameters, bool maskedLM);
    void step(const bertbench::StepReport& report);
    void evaluation(const bertbench::EvaluationReport& report);
    void message(const QString& line);
    void finished(const TrainingOutcome& outcome);
    void failed(const QString& message);

private:
    void launch(const TrainingJob& job);
    void setState(State state);
    QString newRunDir(const QString& kind) const;

    WorkbenchSession* session_;
    std::unique_ptr<WorkerThread> thread_;
    TrainingWorker* worker_ = nullptr;
    State state_ = State::Idle;
    TrainingJob lastJob_;
    bool canContinue_ = false;
};
