#include "runtime/torch_runtime.h"

#include "common/errors.h"
#include "kernels/matmul_backend.h"
#include "runtime/blas_library.h"

#include <torch/torch.h>

#include <fstream>
#include <thread>

namespace bertbench {

int configureTorchThreads(int threads) {
    if (threads <= 0) threads = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    torch::set_num_threads(threads);
    return torch::get_num_threads();
}

int torchThreads() { return torch::get_num_threads(); }

bool cudaAvailable() { return torch::cuda::is_available(); }

bool bfloat16Accelerated() {
    std::ifstream cpuinfo("/proc/cpuinfo");
    for (std::string line; std::getline(cpuinfo, line);)
        if (line.rfind("flags", 0) == 0)
            return line.find(" avx512_bf16") != std::string::npos || line.find(" amx_bf16") != std::string::npos;
    return false;
}

void checkDeviceAvailable(const std::string& device) {
    torch::Device parsed(torch::kCPU);
    try {
        parsed = torch::Device(device);
    } catch (const c10::Error&) {
        throw UsageError("unknown device \"" + device + "\"; use cpu or cuda");
    }
    if (parsed.is_cuda() && !cudaAvailable())
        throw UsageError("device \"" + device + "\" requested, but this LibTorch build or machine has no CUDA GPU");
}

std::string runtimeDescription() {
    // Debian's LibTorch reports BLAS_INFO=generic and uses whichever libblas.so.3
    // the alternatives system points at, so ask which library defines sgemm_.
    const auto library = loadedBlasLibrary();
    const std::string blas = blasLibraryName(library) +
                             (library == BlasLibrary::Reference ? " (slow: install libopenblas0-openmp)" : "");
    return "LibTorch " + std::string(TORCH_VERSION) + ", " + blas + ", linear layers on " +
           (matmulBackend() == MatmulBackend::OneDnn ? "oneDNN" : "BLAS") + ", " +
           std::to_string(torch::get_num_threads()) + (torch::get_num_threads() == 1 ? " thread" : " threads") +
           (cudaAvailable() ? ", CUDA available" : "");
}

}  // namespace bertbench
