// Process-wide LibTorch settings and facts. Deliberately free of torch headers:
// the GUI calls it too.
#pragma once

#include <string>

namespace bertbench {

// LibTorch starts with one intra-op thread; use every core (or `threads` when > 0).
// Returns the count in effect.
int configureTorchThreads(int threads = 0);
int torchThreads();  // the intra-op threads in effect

// "cpu" or "cuda" (or "cuda:N"); throws UsageError when the device is not
// available in this build or on this machine.
void checkDeviceAvailable(const std::string& device);

bool cudaAvailable();

// True when this CPU computes bfloat16 matrix products natively (AVX512-BF16 or
// AMX); elsewhere bfloat16 is emulated and slower than float32.
bool bfloat16Accelerated();

// LibTorch version, BLAS and thread count in one line, for logs and benchmarks.
std::string runtimeDescription();

}  // namespace bertbench
