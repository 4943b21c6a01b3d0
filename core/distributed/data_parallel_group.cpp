#include "distributed/data_parallel_group.h"

#include "common/errors.h"

// Debian's LibTorch is built with Gloo; its header declares the class only
// under USE_C10D_GLOO, which TorchConfig.cmake defines for every target.
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <chrono>
#include <cstdlib>
#include <thread>
#include <cstring>

namespace bertbench {

namespace {

bool isLoopback(const std::string& address) {
    return address == "localhost" || address.rfind("127.", 0) == 0 || address == "::1";
}

// Gloo's own messages start with "[path/to/file.cc:123] "; the rest is the news.
std::string withoutSourceLocation(std::string text) {
    if (!text.empty() && text[0] == '[') {
        const auto end = text.find("] ");
        if (end != std::string::npos) text.erase(0, end + 2);
    }
    const auto trace = text.find("\nException raised from");
    if (trace != std::string::npos) text.erase(trace);
    return text;
}

std::string describe(const std::exception& e) {
    if (const auto* c10 = dynamic_cast<const c10::Error*>(&e)) return withoutSourceLocation(c10->what_without_backtrace());
    return withoutSourceLocation(e.what());
}

// The interface Gloo listens on: loopback for a one-machine run, else the
// interface GLOO_SOCKET_IFNAME names (as in PyTorch), else the host's address.
std::shared_ptr<::gloo::transport::Device> glooDevice(const LaunchEnvironment& environment) {
    if (isLoopback(environment.masterAddress)) return c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1");
    if (const char* name = std::getenv("GLOO_SOCKET_IFNAME"); name && *name)
        return c10d::ProcessGroupGloo::createDeviceForInterface(name);
    return c10d::ProcessGroupGloo::createDefaultDevice();
}

}  // namespace

struct DataParallelGroup::Impl {
    c10::intrusive_ptr<c10d::TCPStore> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> gloo;
};

PendingReduction::PendingReduction(const DataParallelGroup& group, c10::intrusive_ptr<c10d::Work> work)
    : group_(&group), work_(std::move(work)) {}

void PendingReduction::wait() {
    try {
        work_->wait();
    } catch (const std::exception& e) {
        group_->lostContact(describe(e));
    }
}

DataParallelGroup::DataParallelGroup(LaunchEnvironment environment, std::unique_ptr<Impl> impl)
    : environment_(std::move(environment)), impl_(std::move(impl)) {}

DataParallelGroup::~DataParallelGroup() = default;

std::shared_ptr<DataParallelGroup> DataParallelGroup::join(const LaunchEnvironment& environment,
                                                           const std::function<void()>& whileWaiting) {
    const auto timeout = distributedTimeout();
    const std::string where = environment.masterAddress + ":" + std::to_string(environment.masterPort);
    const std::string who = "rank " + std::to_string(environment.rank) + " of " + std::to_string(environment.worldSize);
    auto impl = std::make_unique<Impl>();
    c10d::TCPStoreOptions options;
    options.port = uint16_t(environment.masterPort);
    options.isServer = environment.isCoordinator();
    options.numWorkers = size_t(environment.worldSize);
    options.waitWorkers = false;  // counted below, where a dead worker can be noticed
    options.timeout = timeout;
    try {
        impl->store = c10::make_intrusive<c10d::TCPStore>(environment.masterAddress, options);
    } catch (const std::exception& e) {
        const std::string text = describe(e);
        if (environment.isCoordinator() && text.find("already in use") != std::string::npos)
            throw GroupError(who + ": port " + std::to_string(environment.masterPort) + " on " +
                             environment.masterAddress +
                             " is already in use, so the run's rendezvous cannot open there; choose another "
                             "MASTER_PORT (or leave it unset with --nproc)");
        throw GroupError(who + ": the rendezvous at " + where + " did not gather all " +
                         std::to_string(environment.worldSize) + " processes within " +
                         std::to_string(timeout.count() / 1000) + " s (" + text + ")");
    }
    try {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        impl->store->add("bertbench/joined", 1);
        while (impl->store->add("bertbench/joined", 0) < environment.worldSize) {
            if (whileWaiting) whileWaiting();
            if (std::chrono::steady_clock::now() >= deadline)
                throw GroupError(who + ": only " + std::to_string(impl->store->add("bertbench/joined", 0)) + " of " +
                                 std::to_string(environment.worldSize) + " processes reached the rendezvous at " +
                                 where + " within " + std::to_string(timeout.count() / 1000) + " s");
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
        }
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw GroupError(who + ": lost the rendezvous at " + where + " (" + describe(e) + ")");
    }
    try {
        auto glooOptions = c10d::ProcessGroupGloo::Options::create(timeout);
        glooOptions->devices.push_back(glooDevice(environment));
        glooOptions->threads = 2;
        impl->gloo = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, environment.rank, environment.worldSize,
                                                                 glooOptions);
    } catch (const std::exception& e) {
        throw GroupError(who + ": cannot connect to the other processes of the run through " + where + " (" +
                         describe(e) + ")");
    }
    return std::shared_ptr<DataParallelGroup>(new DataParallelGroup(environment, std::move(impl)));
}

void DataParallelGroup::fail(const std::string& what) const {
    throw GroupError("rank " + std::to_string(rank()) + " of " + std::to_string(size()) + ", at " + phase_ + ": " + what);
}

void DataParallelGroup::lostContact(const std::string& transportMessage) const {
    fail("lost contact with the other processes of the run (one stopped, or did not answer within " +
         std::to_string(distributedTimeout().count() / 1000) + " s): " + transportMessage);
}

void DataParallelGroup::run(const char* operation, const std::function<void()>& body) {
    try {
        body();
    } catch (const GroupError&) {
        throw;
    } catch (const std::exception& e) {
        lostContact(std::string(operation) + ": " + describe(e));
    }
}

void DataParallelGroup::allReduceSum(torch::Tensor& tensor) {
    run("all-reduce", [&] {
        std::vector<at::Tensor> tensors{tensor};
        impl_->gloo->allreduce(tensors)->wait();
    });
}

void DataParallelGroup::allReduceMax(torch::Tensor& tensor) {
    run("all-reduce", [&] {
        std::vector<at::Tensor> tensors{tensor};
        c10d::AllreduceOptions options;
        options.reduceOp = c10d::ReduceOp::MAX;
        impl_->gloo->allreduce(tensors, options)->wait();
    });
}

PendingReduction DataParallelGroup::allReduceSumAsync(torch::Tensor& tensor) {
    c10::intrusive_ptr<c10d::Work> work;
    run("all-reduce", [&] {
        std::vector<at::Tensor> tensors{tensor};
        work = impl_->gloo->allreduce(tensors);
    });
    return PendingReduction(*this, std::move(work));
}

void DataParallelGroup::broadcast(torch::Tensor& tensor) {
    run("broadcast", [&] {
        std::vector<at::Tensor> tensors{tensor};
        impl_->gloo->broadcast(tensors)->wait();
    });
}

std::string DataParallelGroup::broadcastBytes(const std::string& bytes) {
    auto length = torch::tensor({int64_t(rank() == 0 ? bytes.size() : 0)}, torch::kInt64);
    broadcast(length);
    auto buffer = torch::empty({length.item<int64_t>()}, torch::kUInt8);
    if (rank() == 0 && !bytes.empty()) std::memcpy(buffer.data_ptr<uint8_t>(), bytes.data(), bytes.size());
    if (buffer.numel() > 0) broadcast(buffer);
    return std::string(reinterpret_cast<const char*>(buffer.data_ptr<uint8_t>()), size_t(buffer.numel()));
}

}  // namespace bertbench
