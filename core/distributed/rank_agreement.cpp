#include "distributed/rank_agreement.h"

#include "common/errors.h"
#include "distributed/data_parallel_group.h"

#include <chrono>
#include <sstream>
#include <thread>

namespace bertbench {

bool agreeToContinue(DataParallelGroup& group, const std::atomic<bool>& paused, std::atomic<bool>& stopRequested,
                     const std::function<void()>& whilePaused) {
    for (;;) {
        auto requests = torch::tensor({paused ? 1.0 : 0.0, stopRequested ? 1.0 : 0.0}, torch::kFloat64);
        group.allReduceMax(requests);
        if (requests[1].item<double>() > 0) {
            stopRequested = true;
            return false;
        }
        if (requests[0].item<double>() == 0) return true;
        if (whilePaused) whilePaused();
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
}

void shareStart(DataParallelGroup& group, const std::string& failure, TrainerPosition& position, bool resumed,
                const std::vector<torch::Tensor>& parameters, torch::optim::Optimizer& optimizer) {
    const bool coordinator = group.environment().isCoordinator();
    nlohmann::json start = {{"failure", failure}, {"position", positionToJson(position)}, {"resumed", resumed}};
    group.setPhase("start-up");
    start = nlohmann::json::parse(group.broadcastBytes(start.dump()));
    if (!start.at("failure").get<std::string>().empty()) {
        if (coordinator) return;
        throw UsageError("rank 0 could not start the run: " + start.at("failure").get<std::string>());
    }
    position = positionFromJson(start.at("position"), "rank 0's trainer state");
    broadcastParameters(group, parameters);
    if (start.at("resumed").get<bool>()) {
        std::ostringstream saved;
        if (coordinator) torch::save(optimizer, saved);
        std::istringstream received(group.broadcastBytes(saved.str()));
        if (!coordinator) torch::load(optimizer, received);
    }
}

void broadcastParameters(DataParallelGroup& group, const std::vector<torch::Tensor>& parameters) {
    torch::NoGradGuard noGrad;
    for (const auto& p : parameters) {
        auto values = p.detach();
        group.broadcast(values);
    }
}

uint64_t stepSeed(uint64_t seed, int64_t step, int rank) {
    uint64_t x = seed ^ (uint64_t(step) * 0x9e3779b97f4a7c15ull) ^ (uint64_t(rank + 1) << 48);
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;  // splitmix64's finaliser
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return (x ^ (x >> 31)) & 0x7fffffffffffffffull;  // the seed option's range
}

}  // namespace bertbench
