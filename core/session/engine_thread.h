// EngineThread: the one thread on which a Session runs the engine's jobs.
// Jobs run one at a time in the order they were posted. Quick jobs (a
// prediction) go before queued ones, and a long job (training) serves them
// at its safe points through serveQuickJobs(), so they never wait for it.
#pragma once

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace bertbench {

class EngineThread {
public:
    EngineThread();
    // Lets the running job finish, runs what is still queued, then joins.
    ~EngineThread();
    EngineThread(const EngineThread&) = delete;
    EngineThread& operator=(const EngineThread&) = delete;

    void post(std::function<void()> job);
    void postQuick(std::function<void()> job);
    // Runs every pending quick job now; call only on the engine thread.
    void serveQuickJobs();
    bool isEngineThread() const { return std::this_thread::get_id() == thread_.get_id(); }

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::deque<std::function<void()>> jobs_, quickJobs_;
    bool stopping_ = false;
    std::thread thread_;
};

}  // namespace bertbench
