// TrainingController: starts, pauses, resumes and stops training runs (and
// masked-LM domain adaptation) through the engine's session, and tells the
// window what happens. The session runs them on its engine thread; its
// reports reach this object as queued signals of WorkbenchSession. A model
// whose labels do not fit the data is a question (headQuestion()), answered by
// startWithNewHead(). Destroying the session cancels a run and waits.
#pragma once

#include "session/workbench_types.h"

#include "session/session_types.h"

#include <QObject>

class WorkbenchSession;

class TrainingController : public QObject {
    Q_OBJECT

public:
    enum class State { Idle, Running, Paused, Stopping };
    Q_ENUM(State)

    TrainingController(WorkbenchSession* session, QObject* parent = nullptr);

    State state() const { return state_; }
    bool isActive() const { return state_ != State::Idle; }
    bool canContinue() const { return canContinue_; }  // the last run was stopped with a checkpoint
    // Idle, and no experiment of the Runs page trains beside (they would share the cores).
    bool canStart() const { return state_ == State::Idle && !experimentRunning_; }
    void setExperimentRunning(bool running);
    QString runDir() const { return qs(lastRequest_.runDir); }
    // Where the window's runs go, one folder each (the Runs page lists them).
    static QString runsRoot();

    // Errors (no data, no model, invalid options) come back as failed().
    void start(const bertbench::TrainingOptions& options);
    void startWithNewHead();  // the last start, with a new classifier head for the data's labels
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
    // The model's labels do not fit the data: ask whether to replace the head.
    void headQuestion(const QStringList& modelLabels, const QStringList& dataLabels);

private:
    void launch(const bertbench::TrainRequest& request, bool maskedLM);
    void setState(State state);
    QString newRunDir(const QString& kind) const;

    WorkbenchSession* session_;
    State state_ = State::Idle;
    bertbench::TrainRequest lastRequest_;
    bool lastMaskedLM_ = false;
    bool canContinue_ = false;
    bool experimentRunning_ = false;
};
