#include "runtime/blas_library.h"

#include <climits>
#include <cstdlib>
#include <dlfcn.h>

namespace bertbench {

BlasLibrary blasLibraryOfFile(const std::string& path) {
    const auto slash = path.rfind('/');
    const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    if (path.find("openblas") != std::string::npos) return BlasLibrary::OpenBlas;
    if (path.find("mkl") != std::string::npos) return BlasLibrary::Mkl;
    if (path.find("blis") != std::string::npos) return BlasLibrary::Blis;
    if (path.find("atlas") != std::string::npos) return BlasLibrary::Atlas;
    if (file.rfind("libblas.so", 0) == 0) return BlasLibrary::Reference;  // netlib's, from libblas3
    return BlasLibrary::Unknown;
}

std::string loadedBlasFile() {
    void* sgemm = dlsym(RTLD_DEFAULT, "sgemm_");
    Dl_info info{};
    if (!sgemm || !dladdr(sgemm, &info) || !info.dli_fname) return {};
    char resolved[PATH_MAX];
    return realpath(info.dli_fname, resolved) ? std::string(resolved) : std::string(info.dli_fname);
}

BlasLibrary loadedBlasLibrary() {
    const auto file = loadedBlasFile();
    return file.empty() ? BlasLibrary::Unknown : blasLibraryOfFile(file);
}

std::string blasLibraryName(BlasLibrary library) {
    switch (library) {
        case BlasLibrary::OpenBlas: return "OpenBLAS";
        case BlasLibrary::Mkl: return "MKL";
        case BlasLibrary::Blis: return "BLIS";
        case BlasLibrary::Atlas: return "ATLAS";
        case BlasLibrary::Reference: return "reference BLAS";
        case BlasLibrary::Unknown: break;
    }
    return "unknown BLAS";
}

std::string slowBlasWarning() {
    if (loadedBlasLibrary() != BlasLibrary::Reference) return {};
    return "matrix products run on the reference BLAS (" + loadedBlasFile() +
           "), about 20 times slower than OpenBLAS: install libopenblas0-openmp "
           "(sudo apt install libopenblas0-openmp)";
}

}  // namespace bertbench
