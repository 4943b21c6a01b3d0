#include "session/engine_thread.h"

namespace bertbench {

EngineThread::EngineThread() : thread_([this] { loop(); }) {}

EngineThread::~EngineThread() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_all();
    thread_.join();
}

void EngineThread::post(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_all();
}

void EngineThread::postQuick(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        quickJobs_.push_back(std::move(job));
    }
    wake_.notify_all();
}

void EngineThread::serveQuickJobs() {
    for (;;) {
        std::function<void()> job;
        {
            std::lock_guard<std::mutex> lock(mutex_);
            if (quickJobs_.empty()) return;
            job = std::move(quickJobs_.front());
            quickJobs_.pop_front();
        }
        job();
    }
}

void EngineThread::loop() {
    for (;;) {
        std::function<void()> job;
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !jobs_.empty() || !quickJobs_.empty(); });
            auto& queue = !quickJobs_.empty() ? quickJobs_ : jobs_;
            if (queue.empty()) return;  // stopping, and nothing left to run
            job = std::move(queue.front());
            queue.pop_front();
        }
        job();  // jobs catch their own exceptions (Session wraps each one)
    }
}

}  // namespace bertbench
