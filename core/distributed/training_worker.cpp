#include "distributed/training_worker.h"

#include "common/errors.h"
#include "distributed/data_parallel_group.h"
#include "distributed/local_launch.h"
#include "distributed/worker_bundle.h"
#include "runtime/torch_runtime.h"

#include <csignal>
#include <iostream>

namespace bertbench {

int runTrainingWorker(const std::string& bundleDir) {
    std::string rank = "?";
    // Ctrl+C in a terminal reaches the whole process group; rank 0 hears it and
    // stops every rank after the same step (see Trainer), so a worker ignores it.
    std::signal(SIGINT, SIG_IGN);
    try {
        const auto environment = LaunchEnvironment::fromProcessEnvironment();
        if (!environment) throw UsageError("a worker needs RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT");
        rank = std::to_string(environment->rank);
        configureTorchThreads(threadsPerProcess(environment->localWorldSize));
        auto job = readWorkerBundle(bundleDir);
        auto group = DataParallelGroup::join(*environment);
        Trainer trainer(job.model, job.options, std::move(job.data), job.runDir, {}, group);
        trainer.run(job.resume, job.overwrite);
        return 0;
    } catch (const GroupError& e) {
        std::cerr << "bertbench worker: " << e.what() << std::endl;
        return 5;
    } catch (const Error& e) {
        std::cerr << "bertbench worker rank " << rank << ": " << e.what() << std::endl;
        return 3;
    } catch (const std::exception& e) {
        std::cerr << "bertbench worker rank " << rank << ": internal error: " << e.what() << std::endl;
        return 4;
    }
}

}  // namespace bertbench
