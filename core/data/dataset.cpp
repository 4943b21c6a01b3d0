// Helpers over a Dataset that several parts (import report, splitting) share.
#include "data/dataset.h"

#include <algorithm>

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

}  // namespace bertbench
