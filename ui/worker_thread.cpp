// WorkerThread: see worker_thread.h.
#include "worker_thread.h"

WorkerThread::WorkerThread(QObject* worker, const QString& name) : worker_(worker) {
    thread_.setObjectName(name);
    worker_->moveToThread(&thread_);
    thread_.start();
}

WorkerThread::~WorkerThread() {
    thread_.quit();
    thread_.wait();
    // The thread has ended, so deleting its object from here races with nothing.
    delete worker_;
}
