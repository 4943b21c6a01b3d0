#include "distributed/local_launch.h"

#include "common/errors.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <thread>
#include <unistd.h>

namespace bertbench {

namespace {

// A port the kernel picked as free on loopback (torchrun --standalone does
// the same); a process that takes it in the instant before rank 0 opens it
// makes the run fail with the "already in use" message, never hang.
int freeLoopbackPort() {
    const int fd = socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0) throw GroupError(std::string("cannot open a socket: ") + std::strerror(errno));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof(address);
    const bool ok = bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof(address)) == 0 &&
                    getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) == 0;
    const int error = errno;
    close(fd);
    if (!ok) throw GroupError(std::string("cannot find a free port on 127.0.0.1: ") + std::strerror(error));
    return ntohs(address.sin_port);
}

}  // namespace

LocalLaunch planLocalLaunch(int processes) {
    LocalLaunch launch;
    auto& env = launch.coordinator;
    env.worldSize = env.localWorldSize = processes;
    env.masterAddress = "127.0.0.1";
    const char* port = std::getenv("MASTER_PORT");
    if (port && *port) {
        char* end = nullptr;
        const long value = std::strtol(port, &end, 10);
        if (*end != '\0' || value < 1 || value > 65535)
            throw UsageError(std::string("MASTER_PORT=") + port + " is not a port number (1-65535)");
        env.masterPort = int(value);
    } else {
        env.masterPort = freeLoopbackPort();
    }
    for (int rank = 1; rank < processes; ++rank) {
        LaunchEnvironment worker = env;
        worker.rank = worker.localRank = rank;
        launch.workerVariables.push_back(worker.variables());
    }
    return launch;
}

int threadsPerProcess(int localProcesses) {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    return std::max(1, cores / std::max(1, localProcesses));
}

std::string workerProgram() {
    if (const char* program = std::getenv("BERTBENCH_WORKER_PROGRAM"); program && *program) return program;
    char path[PATH_MAX];
    const ssize_t length = readlink("/proc/self/exe", path, sizeof(path) - 1);
    if (length <= 0) throw Error(std::string("cannot find this program's path to start workers: ") + std::strerror(errno));
    return std::string(path, size_t(length));
}

}  // namespace bertbench
