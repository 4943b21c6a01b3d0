// The safetensors header and offsets: every accepted entry's bytes lie inside
// the file and agree with its dtype and shape.
#include "fuzz_input.h"

#include "checkpoint/safetensors.h"
#include "common/errors.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "model.safetensors");
    try {
        const SafetensorsFile file(path);
        for (const auto& entry : file.entries()) {
            size_t elements = 1;
            for (const auto dim : entry.shape) elements *= size_t(dim);
            if (elements * stDtypeSize(entry.dtype) != entry.bytes) __builtin_trap();
            // Touch every byte, so ASan sees a read outside the mapping.
            volatile unsigned sum = 0;
            for (size_t i = 0; i < entry.bytes; ++i) sum = sum + unsigned(entry.data[i]);
        }
    } catch (const Error&) {
    }
    return 0;
}
