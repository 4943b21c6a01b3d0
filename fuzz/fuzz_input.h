// What every fuzz target shares: the engine's parsers read paths, so the
// fuzzer's bytes are written to a file of this process first (in /dev/shm when
// it exists, to keep the disk out of the loop), and a few leading bytes can be
// taken as choices (format, flags) before the rest becomes the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <unistd.h>

namespace bertbench::fuzz {

// A folder of this process's own, created on first use and reused.
inline const std::string& scratchFolder() {
    static const std::string folder = [] {
        for (const char* base : {"/dev/shm", "/tmp"}) {
            const std::string dir = std::string(base) + "/bertbench-fuzz-" + std::to_string(::getpid());
            std::error_code error;
            std::filesystem::create_directories(dir, error);
            if (!error && ::access(dir.c_str(), W_OK) == 0) return dir;
        }
        std::fprintf(stderr, "fuzz_input.h: no writable scratch folder in /dev/shm or /tmp\n");
        std::abort();
    }();
    return folder;
}

// Writes `bytes` to <scratch>/<name> and returns the path.
inline std::string writeInput(std::string_view bytes, const std::string& name = "input") {
    const std::string path = scratchFolder() + "/" + name;
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), std::streamsize(bytes.size()));
    out.close();
    if (!out) {  // an input that never reached the parser must not pass for a tested one
        std::fprintf(stderr, "fuzz_input.h: cannot write %s\n", path.c_str());
        std::abort();
    }
    return path;
}

// Reads choices off the front of the input; what is left is the file.
class InputBytes {
public:
    InputBytes(const uint8_t* data, size_t size) : rest_(reinterpret_cast<const char*>(data), size) {}

    // The next byte, or 0 when none is left.
    uint8_t takeByte() {
        if (rest_.empty()) return 0;
        const auto byte = static_cast<uint8_t>(rest_.front());
        rest_.remove_prefix(1);
        return byte;
    }
    // A choice among `count` alternatives.
    size_t takeChoice(size_t count) { return takeByte() % count; }
    bool takeFlag() { return takeByte() & 1; }
    // Up to the first '\0' (dropped), or everything.
    std::string_view takePart() {
        const auto end = rest_.find('\0');
        const auto part = rest_.substr(0, end);
        rest_.remove_prefix(end == std::string_view::npos ? rest_.size() : end + 1);
        return part;
    }
    std::string_view rest() const { return rest_; }

private:
    std::string_view rest_;
};

}  // namespace bertbench::fuzz
