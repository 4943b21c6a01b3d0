#include "distributed/launch_environment.h"

#include "common/errors.h"

#include <cerrno>
#include <cstdlib>

namespace bertbench {

namespace {

const char* variable(const char* name) {
    const char* value = std::getenv(name);
    return value && *value ? value : nullptr;
}

long number(const char* name, const char* text, long min, long max) {
    char* end = nullptr;
    errno = 0;
    const long value = std::strtol(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || value < min || value > max)
        throw UsageError(std::string(name) + "=" + text + " is not a whole number from " + std::to_string(min) +
                         " to " + std::to_string(max));
    return value;
}

long required(const char* name, long min, long max) {
    const char* text = variable(name);
    if (!text) throw UsageError(std::string("WORLD_SIZE is set but ") + name + " is not: a data-parallel process needs "
                                "RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT (as torchrun sets them)");
    return number(name, text, min, max);
}

}  // namespace

std::map<std::string, std::string> LaunchEnvironment::variables() const {
    return {{"RANK", std::to_string(rank)},
            {"LOCAL_RANK", std::to_string(localRank)},
            {"WORLD_SIZE", std::to_string(worldSize)},
            {"LOCAL_WORLD_SIZE", std::to_string(localWorldSize)},
            {"MASTER_ADDR", masterAddress},
            {"MASTER_PORT", std::to_string(masterPort)}};
}

std::optional<LaunchEnvironment> LaunchEnvironment::fromProcessEnvironment() {
    const char* world = variable("WORLD_SIZE");
    if (!world) return std::nullopt;
    LaunchEnvironment env;
    env.worldSize = int(number("WORLD_SIZE", world, 1, 65536));
    if (env.worldSize == 1) return std::nullopt;
    env.rank = int(required("RANK", 0, env.worldSize - 1));
    env.localWorldSize = variable("LOCAL_WORLD_SIZE") ? int(number("LOCAL_WORLD_SIZE", variable("LOCAL_WORLD_SIZE"), 1,
                                                                   env.worldSize))
                                                      : 1;
    env.localRank = variable("LOCAL_RANK")
                        ? int(number("LOCAL_RANK", variable("LOCAL_RANK"), 0, env.localWorldSize - 1))
                        : 0;
    const char* address = variable("MASTER_ADDR");
    if (!address) required("MASTER_ADDR", 0, 0);  // throws the message naming it
    env.masterAddress = address;
    env.masterPort = int(required("MASTER_PORT", 1, 65535));
    return env;
}

std::chrono::milliseconds distributedTimeout() {
    if (const char* text = variable("BERTBENCH_DISTRIBUTED_TIMEOUT"))
        return std::chrono::seconds(number("BERTBENCH_DISTRIBUTED_TIMEOUT", text, 1, 86400));
    return std::chrono::seconds(300);
}

}  // namespace bertbench
