// TrainingWorker: runs the engine's Trainer on its own thread. train() blocks
// that thread for the whole run, so pause/resume/cancel are plain thread-safe
// methods the GUI thread calls directly (the Trainer's own controls), not
// slots that would wait behind the run in the queue. Progress leaves as queued
// signals; failures as failed() with the engine's message; a cancelled run is
// an ordinary finished() whose result says completed = false.
#pragma once

#include "workbench_types.h"

#include <QMutex>
#include <QObject>

class TrainingWorker : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    void pause();
    void resume();
    void cancel();

public slots:
    void train(const TrainingJob& job);

signals:
    void started(qint64 totalSteps, qint64 trainableParameters);
    void step(const bertbench::StepReport& report);
    void evaluation(const bertbench::EvaluationReport& report);
    void message(const QString& line);
    void finished(const TrainingOutcome& outcome);
    void failed(const QString& message);

private:
    TrainingOutcome runJob(const TrainingJob& job);

    QMutex mutex_;
    bertbench::Trainer* trainer_ = nullptr;  // only while train() runs; guarded by mutex_
    bool cancelRequested_ = false;           // a cancel that came before the Trainer existed
};
