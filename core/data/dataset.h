// A labelled text-classification dataset as the engine trains and evaluates on
// it: one or two texts per example and an integer label indexing labelNames.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

struct Example {
    std::string text;
    std::string textPair;  // empty unless the dataset has pairs
    int32_t label = 0;     // index into Dataset::labelNames; 0 in an unlabelled dataset (no names)
    long line = 0;         // 1-based line of the source file the example came from
};

struct Dataset {
    std::string source;                   // the file it was read from
    std::vector<std::string> labelNames;  // id -> name, as a model's id2label
    std::vector<Example> examples;
    bool hasPairs = false;
};

// Examples per label id; sized to labelNames (or larger if a label exceeds it).
// Throws UsageError for a negative label.
std::vector<size_t> countClasses(const Dataset& dataset);

// A fingerprint of the examples (texts and label names, in order), as 16 hex
// digits: a resumed run checks with it that it trains on the same data.
std::string contentHash(const Dataset& dataset);

}  // namespace bertbench
