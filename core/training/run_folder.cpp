#include "training/run_folder.h"

#include "common/atomic_file.h"
#include "common/atomic_folder.h"
#include "common/errors.h"
#include "common/json_file.h"
#include "training/attention_probes.h"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <sys/file.h>
#include <unistd.h>
#include <vector>

namespace bertbench {

RunFolder::Lock::Lock(const RunFolder& folder) {
    const std::string file = folder.path() + "/.lock";
    fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) throw FileError(file, std::string("cannot open the run folder's lock: ") + std::strerror(errno));
    if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
        char holder[32] = {};
        const auto got = ::pread(fd_, holder, sizeof holder - 1, 0);
        ::close(fd_);
        throw UsageError(folder.path() + " is in use by another training process" +
                         (got > 0 ? " (pid " + std::string(holder, size_t(got)) + ")" : std::string()) +
                         "; wait for it to end or choose another --out folder");
    }
    const auto pid = std::to_string(::getpid());
    if (::ftruncate(fd_, 0) == 0 && ::pwrite(fd_, pid.data(), pid.size(), 0) < 0) {
        // The pid is only for the message above; the lock itself holds.
    }
    recoverFolder(folder.checkpointDir());
    recoverFolder(folder.bestModelDir());
    // Files a killed process was writing (settings.json.partial-<pid>, a
    // metrics.jsonl being trimmed, an attention snapshot): with the lock held
    // nobody else writes here.
    std::error_code ignored;
    for (const auto& dir : {folder.path(), attentionProbesDir(folder.path())}) {
        std::vector<std::filesystem::path> partial;
        for (const auto& entry : std::filesystem::directory_iterator(dir, ignored))
            if (entry.path().filename().string().find(".partial-") != std::string::npos) partial.push_back(entry.path());
        for (const auto& path : partial) std::filesystem::remove_all(path, ignored);
    }
}

RunFolder::Lock::~Lock() {
    if (fd_ >= 0) ::close(fd_);  // closing drops the flock
}

bool RunFolder::holdsRun() const { return std::filesystem::exists(path_ + "/settings.json"); }

void RunFolder::clearRun() const {
    std::error_code ignored;
    for (const char* name : {"settings.json", "metrics.jsonl", "report.json"})
        std::filesystem::remove(path_ + "/" + name, ignored);
    for (const auto& dir : {bestModelDir(), checkpointDir()}) {
        std::filesystem::remove_all(dir, ignored);
        std::filesystem::remove_all(dir + ".previous", ignored);
    }
    std::filesystem::remove_all(attentionProbesDir(path_), ignored);
}

RunFolder::RunFolder(std::string path) : path_(std::move(path)) {
    std::error_code error;
    std::filesystem::create_directories(path_, error);
    if (!std::filesystem::is_directory(path_)) throw FileError(path_, "cannot create the run folder: " + error.message());
}

void RunFolder::writeSettings(const nlohmann::json& settings) const {
    writeJsonFile(path_ + "/settings.json", settings);
}

nlohmann::json RunFolder::readSettings() const {
    const std::string file = path_ + "/settings.json";
    if (!std::filesystem::exists(file)) return nullptr;
    auto settings = readJsonFile(file);
    if (!settings.is_object()) throw FileError(file, "damaged: not a JSON object");
    return settings;
}

void RunFolder::writeReport(const nlohmann::json& report) const {
    writeJsonFile(path_ + "/report.json", report);
}

void RunFolder::openMetrics(int64_t keepUpToStep) {
    std::string kept;
    if (keepUpToStep > 0) {
        std::ifstream in(metricsPath());
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            // A line a kill cut short, or one that is damaged, tells nothing: dropped.
            nlohmann::json record;
            try {
                record = parseJsonText(line, metricsPath());
            } catch (const FileError&) {
                continue;
            }
            const auto step = record.is_object() ? record.find("step") : record.end();
            if (step != record.end() && step->is_number_integer() && step->get<int64_t>() <= keepUpToStep)
                kept += line + "\n";
        }
    }
    writeTextFileAtomically(metricsPath(), kept);
    metrics_.open(metricsPath(), std::ios::app);
    if (!metrics_) throw FileError(metricsPath(), "cannot open for writing");
}

void RunFolder::appendMetrics(const nlohmann::json& record) {
    errno = 0;
    metrics_ << record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
    metrics_.flush();  // a live chart or `tail -f` sees each step as it happens
    if (!metrics_)
        throw FileError(metricsPath(), std::string("writing failed: ") +
                                           (errno ? std::strerror(errno) : "unknown error") +
                                           (errno == ENOSPC ? " (the disk is full)" : ""));
}

void removeRunFolderIfUnused(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code error;
    if (!fs::is_directory(path, error)) return;
    for (const auto& entry : fs::directory_iterator(path, error)) {
        const std::string name = entry.path().filename().string();
        const bool disposable = name == ".lock" || name == "settings.json" ||
                                (name == "metrics.jsonl" && fs::file_size(entry.path(), error) == 0);
        if (!disposable) return;
    }
    if (!error) fs::remove_all(path, error);
}

}  // namespace bertbench
