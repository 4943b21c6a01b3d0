// The worker processes of a local data-parallel run, started by the process
// that is its rank 0 (the CLI with --nproc, or the GUI), as torchrun starts
// its workers: the same program, with the launch variables in its environment.
// Plain POSIX, no torch.
#pragma once

#include <chrono>
#include <map>
#include <string>
#include <sys/types.h>
#include <vector>

namespace bertbench {

class WorkerProcesses {
public:
    // Starts `program arguments...` once per entry of `environments` (added to
    // this process's environment; each names its RANK). A worker dies with
    // the process that started it, so a killed rank 0 leaves none behind.
    // Throws Error when a process cannot be started.
    WorkerProcesses(const std::string& program, const std::vector<std::string>& arguments,
                    const std::vector<std::map<std::string, std::string>>& environments);
    // Stops and reaps whatever still runs (SIGTERM, then SIGKILL after 5 s).
    ~WorkerProcesses();
    WorkerProcesses(const WorkerProcesses&) = delete;
    WorkerProcesses& operator=(const WorkerProcesses&) = delete;

    // Waits up to `timeout` for every worker to exit. Returns how the first
    // that failed ended ("worker rank 1 (pid 4711) was killed by signal 9"),
    // or nothing when all exited with 0; workers still running after the
    // timeout are stopped and reported.
    std::string waitAll(std::chrono::milliseconds timeout);

    // How the first worker that has already exited ended (any exit is early
    // while the run is on), or nothing; does not wait.
    std::string exitedEarly();

    void terminate();

private:
    struct Worker {
        pid_t pid = -1;
        std::string rank;
        bool running = true;
        int status = 0;
    };
    void reap(bool block);
    std::vector<Worker> workers_;
};

}  // namespace bertbench
