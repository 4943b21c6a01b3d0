// Which BLAS the process's matrix products run on. Debian's LibTorch calls
// whatever libblas.so.3 the alternatives system points at; on a fresh machine
// apt may satisfy it with the reference BLAS, 20x slower than OpenBLAS
// (6.5 vs 117 GFLOP/s on one thread, measured for issue 15). libopenblas.so.0
// is mapped either way (LibTorch links it too), so the library is found by
// the symbol: the file that defines the sgemm_ LibTorch binds to (dladdr).
// Torch-free: the GUI warns with it too.
#pragma once

#include <string>

namespace bertbench {

enum class BlasLibrary { OpenBlas, Mkl, Blis, Atlas, Reference, Unknown };

// From the real path of the file defining sgemm_ (symbolic links resolved).
BlasLibrary blasLibraryOfFile(const std::string& path);

// This process's: its sgemm_ looked up as LibTorch's calls bind to it.
BlasLibrary loadedBlasLibrary();
std::string loadedBlasFile();  // that file's real path; empty when no sgemm_ is loaded

std::string blasLibraryName(BlasLibrary library);  // "OpenBLAS", "reference BLAS", ...

// The one warning both programs show (CLI: stderr; GUI: the status bar),
// empty unless the process runs on the reference BLAS.
std::string slowBlasWarning();

}  // namespace bertbench
