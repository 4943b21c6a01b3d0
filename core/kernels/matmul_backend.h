// Which library multiplies the matrices of BertBench's linear layers on the CPU.
// Process-wide and free of torch headers, so the GUI and the CLI can name it.
//
// OpenBLAS (through torch::linear) repacks the weight on every call; oneDNN's
// matmul (the library Debian's LibTorch itself links) runs about 2x faster on
// CPUs with AVX-512 for every training product, and with the weight reordered
// once it is ~10x faster for a sentence being predicted. On older CPUs it was
// measured slower, so "auto" picks oneDNN only where AVX-512 is there.
#pragma once

#include <string>

namespace bertbench {

enum class MatmulBackend { Blas, OneDnn };

// The backend in effect. The first call decides it from BERTBENCH_MATMUL
// (blas | onednn | auto; unset means auto); throws UsageError on another value.
MatmulBackend matmulBackend();

// Overrides the choice for this process (tests compare the two backends).
void setMatmulBackend(MatmulBackend backend);

// "onednn" or "blas", as BERTBENCH_MATMUL spells them.
std::string matmulBackendName(MatmulBackend backend);

// True when oneDNN runs AVX-512 (or newer) kernels on this CPU.
bool onednnHasAvx512();

// Restores the previous backend when it goes out of scope.
class MatmulBackendScope {
public:
    explicit MatmulBackendScope(MatmulBackend backend);
    ~MatmulBackendScope();
    MatmulBackendScope(const MatmulBackendScope&) = delete;
    MatmulBackendScope& operator=(const MatmulBackendScope&) = delete;

private:
    MatmulBackend previous_;
};

}  // namespace bertbench
