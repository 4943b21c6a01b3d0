// Small string helpers the engine uses in several places (C++17 lacks
// starts_with/ends_with).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bertbench {

inline bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }

inline bool endsWith(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// "[30522, 64]", for messages about tensor shapes.
inline std::string shapeText(const std::vector<int64_t>& shape) {
    std::string text = "[";
    for (size_t i = 0; i < shape.size(); ++i) text += (i ? ", " : "") + std::to_string(shape[i]);
    return text + "]";
}

}  // namespace bertbench
