// Rank 0's side of a local data-parallel run (the CLI's --nproc, the GUI's
// "processes"): writes the job for the workers (worker_bundle.h) into a
// temporary folder, starts processes - 1 workers of this program
// (local_launch.h), joins them in a group, and at the end waits for them.
// A worker that dies is noticed at the rendezvous at once, and during
// training by the transport; explain() then names it.
#pragma once

#include "distributed/worker_bundle.h"

#include <memory>
#include <string>

namespace bertbench {

class DataParallelGroup;
class GroupError;
class WorkerProcesses;

class LocalDataParallelRun {
public:
    LocalDataParallelRun(const WorkerJob& job, int processes);
    // Stops the workers still running and removes the job folder.
    ~LocalDataParallelRun();
    LocalDataParallelRun(const LocalDataParallelRun&) = delete;
    LocalDataParallelRun& operator=(const LocalDataParallelRun&) = delete;

    std::shared_ptr<DataParallelGroup> group() const { return group_; }

    // After rank 0's training ended normally: waits for every worker to exit;
    // throws GroupError naming the first that failed.
    void finish();

    // Rank 0's failure with, first, how the worker that caused it ended
    // ("worker rank 1 (pid 4711) was killed by signal 9; ...").
    std::string explain(const std::string& failure);

private:
    std::string jobDir_;
    std::unique_ptr<WorkerProcesses> workers_;
    std::shared_ptr<DataParallelGroup> group_;
};

}  // namespace bertbench
