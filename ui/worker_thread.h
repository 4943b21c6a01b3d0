// WorkerThread: owns a QThread and the worker QObject moved onto it. The
// destructor quits the thread's event loop and waits for it (qBittorrent's
// pattern), then deletes the worker, so no worker outlives its owner. A worker
// stuck in a long call must be told to stop first (see TrainingController).
#pragma once

#include <QObject>
#include <QThread>

class WorkerThread {
public:
    WorkerThread(QObject* worker, const QString& name);
    ~WorkerThread();
    WorkerThread(const WorkerThread&) = delete;
    WorkerThread& operator=(const WorkerThread&) = delete;

    QObject* worker() const { return worker_; }

private:
    QThread thread_;
    QObject* worker_;
};
