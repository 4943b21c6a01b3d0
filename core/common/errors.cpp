#include "common/errors.h"

namespace bertbench {

namespace {
std::string locate(const std::string& path, long line) {
    return line > 0 ? path + ":" + std::to_string(line) : path;
}
}  // namespace

FileError::FileError(std::string path, std::string problem, long line)
    : Error(locate(path, line) + ": " + problem),
      path_(std::move(path)),
      problem_(std::move(problem)),
      line_(line) {}

}  // namespace bertbench
