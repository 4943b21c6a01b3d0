#include "common/atomic_folder.h"

#include "common/errors.h"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>

namespace bertbench {

namespace fs = std::filesystem;

namespace {
std::string previousOf(const std::string& dir) { return dir + ".previous"; }

// A rename is durable only once the folder holding the entry is on disk.
void syncParentOf(const std::string& dir) {
    const auto parent = fs::path(dir).parent_path();
    const int fd = ::open(parent.empty() ? "." : parent.c_str(), O_RDONLY | O_DIRECTORY);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}
}  // namespace

std::string partialFolderFor(const std::string& dir) { return dir + ".partial-" + std::to_string(::getpid()); }

void replaceFolder(const std::string& partial, const std::string& dir) {
    std::error_code error;
    fs::remove_all(previousOf(dir), error);
    if (fs::exists(dir)) {
        fs::rename(dir, previousOf(dir), error);
        if (error) throw FileError(dir, "cannot move the old folder aside: " + error.message());
    }
    fs::rename(partial, dir, error);
    if (error) {
        std::error_code ignored;
        fs::rename(previousOf(dir), dir, ignored);  // put the old one back
        throw FileError(dir, "cannot move the new folder into place: " + error.message());
    }
    syncParentOf(dir);
    fs::remove_all(previousOf(dir), error);
}

void recoverFolder(const std::string& dir) {
    std::error_code ignored;
    const auto previous = previousOf(dir);
    if (fs::exists(previous)) {
        if (fs::exists(dir)) fs::remove_all(previous, ignored);
        else fs::rename(previous, dir, ignored);
    }
    const auto parent = fs::path(dir).parent_path();
    const auto prefix = fs::path(dir).filename().string() + ".partial-";
    if (!fs::is_directory(parent, ignored)) return;
    for (const auto& entry : fs::directory_iterator(parent, ignored))
        if (entry.path().filename().string().rfind(prefix, 0) == 0) fs::remove_all(entry.path(), ignored);
}

}  // namespace bertbench
