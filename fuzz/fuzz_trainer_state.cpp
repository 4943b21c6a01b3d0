// A checkpoint's trainer_state.json: where a resumed run continues.
#include "fuzz_input.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "training/trainer_position.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const std::string file = "trainer_state.json";
    try {
        const auto position =
            positionFromJson(parseJsonText(std::string_view(reinterpret_cast<const char*>(data), size), file), file);
        if (position.step < 0 || position.batchInEpoch < 0 || position.bestStep > position.step) __builtin_trap();
        if (positionFromJson(positionToJson(position), file).step != position.step) __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
