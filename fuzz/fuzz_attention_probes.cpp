// A run's attention_probes/step-N.safetensors (readAttentionProbes): every
// accepted snapshot's probes agree in number, each map is layers × heads ×
// tokens² with weights in [0, 1], and writing it back reads the same values.
#include "fuzz_input.h"

#include "common/errors.h"
#include "training/attention_probes.h"

#include <cmath>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    const auto path = fuzz::writeInput(std::string_view(reinterpret_cast<const char*>(data), size), "step.safetensors");
    try {
        const auto snapshot = readAttentionProbes(path);
        const size_t probes = snapshot.attentions.size();
        if (snapshot.texts.size() != probes || snapshot.pairs.size() != probes || snapshot.tokens.size() != probes ||
            snapshot.readableTokens.size() != probes)
            __builtin_trap();
        for (size_t p = 0; p < probes; ++p) {
            const auto& maps = snapshot.attentions[p];
            const size_t t = size_t(maps.tokens);
            if (snapshot.tokens[p].size() != t || snapshot.readableTokens[p].size() != t) __builtin_trap();
            if (maps.values.size() != size_t(maps.layers) * size_t(maps.heads) * t * t) __builtin_trap();
            for (const float v : maps.values)
                if (!(v >= 0.0f && v <= 1.0f)) __builtin_trap();
        }
        const auto copy = fuzz::scratchFolder() + "/copy.safetensors";
        writeAttentionProbes(copy, snapshot);
        const auto again = readAttentionProbes(copy);
        if (again.step != snapshot.step || again.texts != snapshot.texts || again.attentions.size() != probes)
            __builtin_trap();
        for (size_t p = 0; p < probes; ++p)
            for (size_t i = 0; i < snapshot.attentions[p].values.size(); ++i)
                if (std::abs(again.attentions[p].values[i] - snapshot.attentions[p].values[i]) > 1e-6f) __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
