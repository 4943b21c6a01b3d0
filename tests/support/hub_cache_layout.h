// Building a Hugging Face hub cache in a test folder, laid out as
// huggingface_hub writes it: models--ORG--NAME/blobs/ with the content,
// snapshots/REV/ with one symlink per file, refs/main naming a revision.
#pragma once

#include "fixtures.h"

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

namespace fixtures {

// Copies `files` of reference/<reference>/ into <cache>/models--<repo>/ as
// snapshot `revision`; returns the bytes the blobs hold.
inline int64_t cacheModel(const std::string& cache, const std::string& repo, const std::string& revision,
                          const std::string& reference, const std::vector<std::string>& files) {
    namespace fs = std::filesystem;
    const fs::path root = fs::path(cache) / ("models--" + repo);
    fs::create_directories(root / "blobs");
    fs::create_directories(root / "snapshots" / revision);
    int64_t bytes = 0;
    for (const auto& file : files) {
        const auto blob = root / "blobs" / (revision + "-" + file);
        fs::copy_file(path("reference/" + reference + "/" + file), blob, fs::copy_options::overwrite_existing);
        fs::create_symlink(fs::path("../../blobs") / blob.filename(), root / "snapshots" / revision / file);
        bytes += int64_t(fs::file_size(blob));
    }
    return bytes;
}

// refs/main, without a newline, as huggingface_hub writes it.
inline void writeMainRef(const std::string& cache, const std::string& repo, const std::string& revision) {
    const auto refs = std::filesystem::path(cache) / ("models--" + repo) / "refs";
    std::filesystem::create_directories(refs);
    std::ofstream(refs / "main") << revision;
}

}  // namespace fixtures
