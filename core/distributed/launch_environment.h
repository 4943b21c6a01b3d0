// Where this process stands in a data-parallel run, in torchrun's terms: the
// variables RANK, LOCAL_RANK, WORLD_SIZE, LOCAL_WORLD_SIZE, MASTER_ADDR and
// MASTER_PORT, which torchrun, a cluster scheduler or a user by hand sets for
// every process, and which BertBench sets for the workers it starts itself.
// Plain C++ (no torch): the launcher and the GUI use it too.
#pragma once

#include <chrono>
#include <cstdint>
#include <map>
#include <optional>
#include <string>

namespace bertbench {

struct LaunchEnvironment {
    int rank = 0;
    int localRank = 0;
    int worldSize = 1;
    int localWorldSize = 1;
    std::string masterAddress = "127.0.0.1";
    int masterPort = 29500;

    bool isCoordinator() const { return rank == 0; }  // writes the run folder and reports progress

    // The six variables, as a worker's environment needs them.
    std::map<std::string, std::string> variables() const;

    // From this process's environment: nothing when WORLD_SIZE is unset or 1
    // (a single process). Throws UsageError naming the variable when one is
    // missing, not a number, or out of range (RANK not below WORLD_SIZE, a port
    // outside 1-65535).
    static std::optional<LaunchEnvironment> fromProcessEnvironment();
};

// How long a rank waits for the others: for the rendezvous (every process
// connecting), and for any collective operation, after which it stops with a
// message instead of hanging. BERTBENCH_DISTRIBUTED_TIMEOUT (seconds) overrides
// the default of 300 s; a peer that dies is noticed at once, not after this.
std::chrono::milliseconds distributedTimeout();

}  // namespace bertbench
