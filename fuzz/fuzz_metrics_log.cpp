// A run folder's metrics.jsonl as a resume trims it: records of steps after the
// checkpoint are dropped, damaged lines too; nothing else may happen.
#include "fuzz_input.h"

#include "common/errors.h"
#include "training/run_folder.h"

#include <filesystem>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    fuzz::InputBytes input(data, size);
    const int64_t keepUpToStep = 1 + input.takeByte();
    static const std::string folder = fuzz::scratchFolder() + "/run";
    std::filesystem::create_directories(folder);
    fuzz::writeInput(input.rest(), "run/metrics.jsonl");
    try {
        RunFolder run(folder);
        run.openMetrics(keepUpToStep);
        if (std::filesystem::file_size(run.metricsPath()) > input.rest().size() + 1) __builtin_trap();  // only trims
    } catch (const Error&) {
    }
    return 0;
}
