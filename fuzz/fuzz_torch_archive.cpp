// The check a pytorch_model.bin passes before LibTorch reads it: the zip
// directory and every opcode of data.pkl. Torch-free, so it runs fast; the
// whole reader, LibTorch included, is fuzz_pytorch_state_dict.
#include "fuzz_input.h"

#include "checkpoint/torch_archive.h"
#include "common/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    try {
        checkTorchArchive(std::string_view(reinterpret_cast<const char*>(data), size), "pytorch_model.bin");
    } catch (const Error&) {
    }
    return 0;
}
