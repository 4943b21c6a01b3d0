// Helpers over a Dataset that several parts (import report, splitting) share.
#include "data/dataset.h"

#include <algorithm>
#include <cstdio>

#include "common/errors.h"

namespace bertbench {

std::vector<size_t> countClasses(const Dataset& dataset) {
    std::vector<size_t> counts(dataset.labelNames.size(), 0);
    for (const Example& example : dataset.examples) {
        if (example.label < 0)
            throw UsageError(dataset.source + ":" + std::to_string(example.line) + ": negative label " +
                             std::to_string(example.label));
        const auto id = static_cast<size_t>(example.label);
        if (id >= counts.size()) counts.resize(id + 1, 0);
        ++counts[id];
    }
    return counts;
}

std::string contentHash(const Dataset& dataset) {
    // FNV-1a over every field with a separator byte that UTF-8 text cannot hold.
    uint64_t hash = 14695981039346656037ull;
    auto mix = [&hash](const std::string& text) {
        for (unsigned char c : text) hash = (hash ^ c) * 1099511628211ull;
        hash = (hash ^ 0xFF) * 1099511628211ull;
    };
    for (const Example& example : dataset.examples) {
        mix(example.text);
        mix(example.textPair);
        const auto id = static_cast<size_t>(example.label);
        mix(id < dataset.labelNames.size() ? dataset.labelNames[id] : std::to_string(example.label));
    }
    char text[17];
    std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(hash));
    return text;
}

}  // namespace bertbench
