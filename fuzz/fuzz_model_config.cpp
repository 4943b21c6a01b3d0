// config.json: every field read with its bounds, the architecture validated,
// and what is accepted written back and read again to the same configuration.
#include "fuzz_input.h"

#include "common/errors.h"
#include "model/model_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "config.json");
    try {
        const auto config = ModelConfig::fromFile(path);
        config.validate();
        const auto again = ModelConfig::fromJson(config.toJson());
        if (again.toJson() != config.toJson()) __builtin_trap();  // a folder round-trips unchanged
    } catch (const Error&) {
    }
    return 0;
}
