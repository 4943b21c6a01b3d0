// The processes of one data-parallel run, joined through PyTorch's own c10d:
// a TCPStore rendezvous served by rank 0 at MASTER_ADDR:MASTER_PORT, and Gloo
// collectives (on CPU tensors; CUDA tensors are staged through the CPU, see
// README "Several processes"). Every operation is bounded by
// distributedTimeout(), and every failure becomes a GroupError naming this
// rank, the run's phase (e.g. "step 12") and what the transport said.
#pragma once

#include "distributed/launch_environment.h"

#include <torch/csrc/distributed/c10d/Work.hpp>
#include <torch/torch.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace bertbench {

class DataParallelGroup;

// An all-reduce in flight; wait() blocks until its result is in the tensor.
class PendingReduction {
public:
    PendingReduction(const DataParallelGroup& group, c10::intrusive_ptr<c10d::Work> work);
    void wait();

private:
    const DataParallelGroup* group_;
    c10::intrusive_ptr<c10d::Work> work_;
};

class DataParallelGroup {
public:
    // Connects to the rendezvous (rank 0 opens it) and waits until every rank
    // has arrived, calling `whileWaiting` every 50 ms (it may throw, e.g. when
    // a worker this process started has died). Throws GroupError when the
    // port is taken, the rendezvous cannot be reached, or not every rank
    // arrives within the timeout.
    static std::shared_ptr<DataParallelGroup> join(const LaunchEnvironment& environment,
                                                   const std::function<void()>& whileWaiting = {});
    ~DataParallelGroup();

    int rank() const { return environment_.rank; }
    int size() const { return environment_.worldSize; }
    const LaunchEnvironment& environment() const { return environment_; }

    // What the run is doing, for messages: "step 12", "evaluation", ...
    void setPhase(std::string phase) { phase_ = std::move(phase); }

    // In place, every rank ends with the element-wise sum (or maximum).
    void allReduceSum(torch::Tensor& tensor);
    void allReduceMax(torch::Tensor& tensor);
    PendingReduction allReduceSumAsync(torch::Tensor& tensor);
    // Rank 0's tensor into every rank's (same shape and type).
    void broadcast(torch::Tensor& tensor);
    // Rank 0's bytes to every rank; the argument is ignored on the others.
    std::string broadcastBytes(const std::string& bytes);

    // Throws a GroupError saying this rank, the phase and `what`.
    [[noreturn]] void fail(const std::string& what) const;
    // The same for a transport failure: a peer gone or silent.
    [[noreturn]] void lostContact(const std::string& transportMessage) const;

private:
    struct Impl;
    DataParallelGroup(LaunchEnvironment environment, std::unique_ptr<Impl> impl);
    void run(const char* operation, const std::function<void()>& body);

    LaunchEnvironment environment_;
    std::unique_ptr<Impl> impl_;
    std::string phase_ = "start-up";
};

}  // namespace bertbench
