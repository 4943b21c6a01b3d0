// Paths and readers for the test fixtures in tests/fixtures/ (copies of
// ../shared data; see tests/fixtures/README.md), shared by every test.
#pragma once

#include "test_paths.h"
#include <fstream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <string>
#include <vector>

namespace fixtures {

inline std::string path(const std::string& relative) {
    return std::string(testpaths::fixturesDir()) + "/" + relative;
}

// Any JSON file, e.g. one a test wrote.
inline nlohmann::json readJsonFile(const std::string& file) {
    std::ifstream in(file);
    if (!in) throw std::runtime_error("cannot open " + file);
    return nlohmann::json::parse(in);
}

inline nlohmann::json readJson(const std::string& relative) { return readJsonFile(path(relative)); }

// One JSON value per non-empty line.
inline std::vector<nlohmann::json> readJsonLines(const std::string& relative) {
    std::ifstream in(path(relative));
    if (!in) throw std::runtime_error("cannot open fixture " + relative);
    std::vector<nlohmann::json> rows;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) rows.push_back(nlohmann::json::parse(line));
    return rows;
}

}  // namespace fixtures
