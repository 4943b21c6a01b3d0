#include "kernels/matmul_backend.h"

#include "common/errors.h"

#include <dnnl.hpp>

#include <atomic>
#include <cstdlib>
#include <mutex>

namespace bertbench {

namespace {

std::atomic<int> chosen{-1};  // -1: not decided yet
std::once_flag decided;

MatmulBackend fromEnvironment() {
    const char* value = std::getenv("BERTBENCH_MATMUL");
    const std::string name = value ? value : "auto";
    if (name == "blas") return MatmulBackend::Blas;
    if (name == "onednn") return MatmulBackend::OneDnn;
    if (name == "auto" || name.empty()) return onednnHasAvx512() ? MatmulBackend::OneDnn : MatmulBackend::Blas;
    throw UsageError("BERTBENCH_MATMUL is \"" + name + "\"; use blas, onednn or auto");
}

}  // namespace

bool onednnHasAvx512() {
    const auto isa = static_cast<unsigned>(dnnl::get_effective_cpu_isa());
    const auto avx512 = static_cast<unsigned>(dnnl::cpu_isa::avx512_core);
    return (isa & avx512) == avx512;
}

MatmulBackend matmulBackend() {
    std::call_once(decided, [] {
        int expected = -1;
        chosen.compare_exchange_strong(expected, int(fromEnvironment()));
    });
    return MatmulBackend(chosen.load());
}

void setMatmulBackend(MatmulBackend backend) {
    std::call_once(decided, [] {});  // an explicit choice wins over the environment
    chosen = int(backend);
}

std::string matmulBackendName(MatmulBackend backend) { return backend == MatmulBackend::OneDnn ? "onednn" : "blas"; }

MatmulBackendScope::MatmulBackendScope(MatmulBackend backend) : previous_(matmulBackend()) {
    setMatmulBackend(backend);
}

MatmulBackendScope::~MatmulBackendScope() { setMatmulBackend(previous_); }

}  // namespace bertbench
