// Ctrl+C while a CLI command trains: the run stops after the current step and
// keeps a resumable checkpoint. A signal handler may only set a flag, so a
// watcher thread passes it on to the session.
#pragma once

#include "session/session.h"

#include <atomic>
#include <string>
#include <thread>

namespace bertbench::cli {

class InterruptWatcher {
public:
    // `what` ends the message printed when Ctrl+C arrives.
    explicit InterruptWatcher(Session& session,
                              std::string what = "the checkpoint can be resumed with --resume");
    ~InterruptWatcher();
    InterruptWatcher(const InterruptWatcher&) = delete;
    InterruptWatcher& operator=(const InterruptWatcher&) = delete;

private:
    std::atomic<bool> done_{false};
    std::thread thread_;
};

}  // namespace bertbench::cli
