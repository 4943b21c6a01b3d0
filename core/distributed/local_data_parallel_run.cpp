#include "distributed/local_data_parallel_run.h"

#include "common/errors.h"
#include "distributed/data_parallel_group.h"
#include "distributed/local_launch.h"
#include "distributed/worker_processes.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <thread>

namespace bertbench {

namespace {

std::string temporaryJobFolder() {
    std::string pattern = (std::filesystem::temp_directory_path() / "bertbench-workers-XXXXXX").string();
    if (!mkdtemp(pattern.data()))
        throw FileError(pattern, std::string("cannot create the workers' job folder: ") + std::strerror(errno));
    return pattern;
}

}  // namespace

LocalDataParallelRun::LocalDataParallelRun(const WorkerJob& job, int processes) : jobDir_(temporaryJobFolder()) {
    try {
        writeWorkerBundle(jobDir_, job);
        const auto launch = planLocalLaunch(processes);
        workers_ = std::make_unique<WorkerProcesses>(workerProgram(), std::vector<std::string>{kWorkerFlag, jobDir_},
                                                     launch.workerVariables);
        group_ = DataParallelGroup::join(launch.coordinator, [this] {
            if (const auto ended = workers_->exitedEarly(); !ended.empty())
                throw GroupError(ended + " before the run began (its message is above)");
        });
    } catch (...) {
        workers_.reset();
        std::error_code ignored;
        std::filesystem::remove_all(jobDir_, ignored);
        throw;
    }
}

LocalDataParallelRun::~LocalDataParallelRun() {
    group_.reset();
    workers_.reset();  // stops any still running
    std::error_code ignored;
    std::filesystem::remove_all(jobDir_, ignored);
}

void LocalDataParallelRun::finish() {
    const auto failure = workers_->waitAll(distributedTimeout());
    if (!failure.empty()) throw GroupError(failure);
}

std::string LocalDataParallelRun::explain(const std::string& failure) {
    // The worker that broke the run has usually exited by now; give it a moment.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    std::string ended;
    while ((ended = workers_->exitedEarly()).empty() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    return ended.empty() ? failure : ended + "; " + failure;
}

}  // namespace bertbench
