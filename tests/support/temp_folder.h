// A fresh, empty folder under the system temp dir for one test, removed when the
// object goes out of scope, plus helpers to build variants of fixture folders.
// The name carries the process id, so two test runs on one machine (a build
// tree and a fresh clone) never share a folder.
#pragma once

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "fixtures.h"

namespace fixtures {

class TempFolder {
public:
    explicit TempFolder(const std::string& name)
        : path_(std::filesystem::temp_directory_path() / ("bertbench_test_" + name + "_" + std::to_string(::getpid()))) {
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempFolder() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempFolder(const TempFolder&) = delete;
    TempFolder& operator=(const TempFolder&) = delete;

    std::string path() const { return path_.string(); }
    std::string file(const std::string& name) const { return (path_ / name).string(); }

    // Copies files of a fixture folder (e.g. "reference/tiny-bert-cola") into this one.
    void copyFrom(const std::string& fixtureFolder, std::initializer_list<const char*> names) const {
        for (const char* name : names)
            std::filesystem::copy_file(fixtures::path(fixtureFolder + "/" + name), path_ / name,
                                       std::filesystem::copy_options::overwrite_existing);
    }

    void write(const std::string& name, const std::string& text) const {
        std::ofstream(path_ / name, std::ios::binary) << text;
    }

private:
    std::filesystem::path path_;
};

}  // namespace fixtures
