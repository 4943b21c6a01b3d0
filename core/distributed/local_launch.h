// A data-parallel run on this machine, started from one process (the CLI's
// --nproc, the GUI's "processes"): that process is rank 0 and starts the
// others as workers of the same program (worker_processes.h), which read the
// job from a folder it writes for them (worker_bundle.h).
#pragma once

#include "distributed/launch_environment.h"

#include <map>
#include <string>
#include <vector>

namespace bertbench {

// The first argument that makes a BertBench program (bertbench-cli or
// bertbench) a training worker: `PROGRAM --bertbench-worker BUNDLE_DIR`.
inline constexpr const char* kWorkerFlag = "--bertbench-worker";

struct LocalLaunch {
    LaunchEnvironment coordinator;                                   // this process, rank 0
    std::vector<std::map<std::string, std::string>> workerVariables;  // ranks 1 .. processes-1
};

// Loopback, on MASTER_PORT when this process's environment sets it, else on
// a port the system reports free.
LocalLaunch planLocalLaunch(int processes);

// The machine's cores shared between its processes, at least one each.
int threadsPerProcess(int localProcesses);

// The program workers run: BERTBENCH_WORKER_PROGRAM when set (tests run
// workers of bertbench-cli from their own binaries), else this executable.
std::string workerProgram();

}  // namespace bertbench
