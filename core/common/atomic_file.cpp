#include "common/atomic_file.h"

#include "common/errors.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace bertbench {

namespace {
// std::ofstream cannot fsync; reopen the finished file to push it to disk before
// the rename, otherwise a crash could leave a renamed but empty file.
void syncToDisk(const std::string& path) {
    int fd = ::open(path.c_str(), O_RDONLY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}
// What the system said (e.g. "No space left on device", "Permission denied",
// "Read-only file system"); streams keep errno as the failing call left it.
std::string reason() {
    if (errno == ENOSPC) return std::string(std::strerror(errno)) + " (the disk is full)";
    return errno ? std::strerror(errno) : "unknown error";
}
}  // namespace

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    const std::string temporary = path + ".partial-" + std::to_string(::getpid());
    try {
        {
            errno = 0;
            std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
            if (!out) throw FileError(path, "cannot create " + temporary + ": " + reason());
            write(out);
            out.flush();
            if (!out) throw FileError(path, "writing failed: " + reason());
        }
        syncToDisk(temporary);
        std::error_code error;
        std::filesystem::rename(temporary, path, error);
        if (error) throw FileError(path, "cannot replace the file: " + error.message());
    } catch (...) {
        std::remove(temporary.c_str());
        throw;
    }
}

void writeTextFileAtomically(const std::string& path, const std::string& text) {
    writeFileAtomically(path, [&](std::ostream& out) { out << text; });
}

}  // namespace bertbench
