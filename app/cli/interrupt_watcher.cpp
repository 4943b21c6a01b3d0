#include "interrupt_watcher.h"

#include <chrono>
#include <csignal>
#include <iostream>

namespace bertbench::cli {

namespace {
std::atomic<bool> interruptRequested{false};
extern "C" void onInterrupt(int) { interruptRequested = true; }
}  // namespace

InterruptWatcher::InterruptWatcher(Session& session, std::string what)
    : thread_([this, &session, what] {
          while (!done_) {
              if (interruptRequested.exchange(false)) {
                  std::cerr << "Stopping after this step (" << what << ") ..." << std::endl;
                  session.cancel();
              }
              std::this_thread::sleep_for(std::chrono::milliseconds(100));
          }
      }) {
    std::signal(SIGINT, onInterrupt);
}

InterruptWatcher::~InterruptWatcher() {
    done_ = true;
    thread_.join();
    std::signal(SIGINT, SIG_DFL);
}

}  // namespace bertbench::cli
