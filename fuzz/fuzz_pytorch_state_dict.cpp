// pytorch_model.bin: the zip archive and the pickle inside it, read by
// readPytorchStateDict into named tensors (whose sizes must match their storage).
#include "fuzz_input.h"

#include "checkpoint/state_dict.h"
#include "common/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "pytorch_model.bin");
    try {
        for (const auto& [name, tensor] : readPytorchStateDict(path)) {
            if (name.empty() && !tensor.defined()) __builtin_trap();
            if (tensor.defined() && tensor.numel() > 0) (void)tensor.sum().item<double>();  // every element readable
        }
    } catch (const Error&) {
    }
    return 0;
}
