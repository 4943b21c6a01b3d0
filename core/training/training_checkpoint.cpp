#include "training/training_checkpoint.h"

#include "checkpoint/state_dict.h"
#include "common/atomic_file.h"
#include "common/atomic_folder.h"
#include "common/errors.h"
#include "common/json_file.h"

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <unistd.h>

namespace bertbench {

namespace fs = std::filesystem;

namespace {

// The previous checkpoint, kept until the new one is in place.
std::string previousOf(const std::string& dir) { return dir + ".previous"; }

int64_t cudaDeviceCount() { return torch::cuda::is_available() ? int64_t(torch::cuda::device_count()) : 0; }

// Through the device-generic context, so this builds against CPU-only LibTorch too.
at::Generator cudaGenerator(int64_t device) {
    return at::globalContext().defaultGenerator(at::Device(at::kCUDA, static_cast<c10::DeviceIndex>(device)));
}

// torch::save writes through a zip writer that aborts the process (from a
// destructor) when the disk fills; it writes to memory here, and the one
// atomic file writer puts the bytes on disk and reports its failures.
void writeSerialized(const std::string& path, const std::function<void(std::ostream&)>& serialize) {
    std::ostringstream bytes;
    serialize(bytes);
    const auto data = bytes.str();
    writeFileAtomically(path, [&](std::ostream& out) { out.write(data.data(), std::streamsize(data.size())); });
}

}  // namespace

void saveTrainingCheckpoint(const std::string& dir, const TaskModelImpl& model,
                            torch::optim::Optimizer& optimizer, const TrainerPosition& position) {
    const std::string partial = partialFolderFor(dir);
    std::error_code ignored;
    try {
        fs::remove_all(partial);
        fs::create_directories(partial);
        writeStateDict(partial + "/model.safetensors", trainingStateDict(model));
        writeSerialized(partial + "/optimizer.pt", [&](std::ostream& out) { torch::save(optimizer, out); });
        const auto state = at::detail::getDefaultCPUGenerator().get_state();
        writeSerialized(partial + "/rng_state.pt", [&](std::ostream& out) { torch::save(state, out); });
        // Dropout on a GPU draws from that device's generator: keep each one too.
        for (int64_t d = 0; d < cudaDeviceCount(); ++d) {
            const auto cudaState = cudaGenerator(d).get_state();
            writeSerialized(partial + "/cuda_rng_state_" + std::to_string(d) + ".pt",
                            [&](std::ostream& out) { torch::save(cudaState, out); });
        }
        writeJsonFile(partial + "/trainer_state.json", positionToJson(position));
    } catch (const c10::Error& e) {
        fs::remove_all(partial, ignored);
        throw FileError(partial, std::string("cannot write the checkpoint: ") + e.what_without_backtrace());
    } catch (const fs::filesystem_error& e) {
        fs::remove_all(partial, ignored);
        throw FileError(partial, std::string("cannot write the checkpoint: ") + e.code().message());
    } catch (...) {
        fs::remove_all(partial, ignored);  // the previous checkpoint stays in place
        throw;
    }
    // Killed between its two renames, loading falls back to dir.previous.
    replaceFolder(partial, dir);
}

bool loadTrainingCheckpoint(const std::string& requested, TaskModelImpl& model,
                            torch::optim::Optimizer& optimizer, TrainerPosition& position) {
    std::string dir = requested;
    if (!fs::exists(dir + "/trainer_state.json")) {
        if (!fs::exists(previousOf(requested) + "/trainer_state.json")) return false;
        dir = previousOf(requested);
    }
    const std::string stateFile = dir + "/trainer_state.json";
    position = positionFromJson(readJsonFile(stateFile), stateFile);
    const auto report = applyStateDict(model, readStateDict(dir + "/model.safetensors"),
                                       dir + "/model.safetensors");
    if (!report.newlyInitialised.empty() || !report.unused.empty())
        throw FileError(dir, "the checkpoint was written for other training settings (e.g. another LoRA setup)");
    try {
        torch::load(optimizer, dir + "/optimizer.pt");
        torch::Tensor state;
        torch::load(state, dir + "/rng_state.pt");
        auto generator = at::detail::getDefaultCPUGenerator();
        {
            std::lock_guard<std::mutex> lock(generator.mutex());
            generator.set_state(state);
        }
        for (int64_t d = 0; d < cudaDeviceCount(); ++d) {
            const std::string file = dir + "/cuda_rng_state_" + std::to_string(d) + ".pt";
            if (!fs::exists(file)) continue;  // written on a machine without this GPU
            torch::Tensor cudaState;
            torch::load(cudaState, file);
            auto cuda = cudaGenerator(d);
            std::lock_guard<std::mutex> lock(cuda.mutex());
            cuda.set_state(cudaState);
        }
    } catch (const c10::Error& e) {
        throw FileError(dir, std::string("cannot read the optimizer or random state: ") + e.what_without_backtrace());
    } catch (const std::exception& e) {  // the unpickler also throws std::out_of_range and the like
        throw FileError(dir, std::string("cannot read the optimizer or random state: ") + e.what());
    }
    return true;
}

}  // namespace bertbench
