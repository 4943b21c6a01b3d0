// The files of a training run, in one folder:
//   settings.json    the options, data sources and model the run started from
//   metrics.jsonl    one JSON object per optimizer step and per evaluation
//   best/            the best model so far, as a Hugging Face folder
//   checkpoint/      the latest resumable state (see training_checkpoint.h)
//   report.json      final validation and test metrics
//   attention_probes/ the attention of the probe sentences: one
//                    step-NNNNNNNN.safetensors per epoch end, each under 1 MB
//                    (format and size bound: attention_probes.h)
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

namespace bertbench {

class RunFolder {
public:
    // Creates the folder if needed; throws FileError when it cannot.
    explicit RunFolder(std::string path);

    // While a Lock lives, this process alone trains in the folder: an advisory
    // lock (flock) on "<path>/.lock", which the kernel drops when the process
    // ends however it ends, so a killed run never blocks the next. Taking it
    // also repairs what a kill left (half-built checkpoint or best/ folders,
    // half-written files).
    // Throws UsageError when another live process holds it.
    class Lock {
    public:
        explicit Lock(const RunFolder& folder);
        ~Lock();
        Lock(const Lock&) = delete;
        Lock& operator=(const Lock&) = delete;

    private:
        int fd_ = -1;
    };

    bool holdsRun() const;  // settings.json exists: a run started here
    // Removes a previous run's files (settings, metrics, report, best/,
    // checkpoint/, attention_probes/) for a run that replaces it; nothing else
    // in the folder.
    void clearRun() const;

    const std::string& path() const { return path_; }
    std::string bestModelDir() const { return path_ + "/best"; }
    std::string checkpointDir() const { return path_ + "/checkpoint"; }
    std::string metricsPath() const { return path_ + "/metrics.jsonl"; }

    void writeSettings(const nlohmann::json& settings) const;
    // settings.json as written by writeSettings; null when there is none.
    // Throws FileError when it exists but is not JSON.
    nlohmann::json readSettings() const;
    void writeReport(const nlohmann::json& report) const;

    // Opens metrics.jsonl for appending. When resuming from `keepUpToStep`,
    // records of later steps (written after that checkpoint) are dropped first,
    // so the file tells the curve the resumed run continues.
    void openMetrics(int64_t keepUpToStep);
    void appendMetrics(const nlohmann::json& record);

private:
    std::string path_;
    std::ofstream metrics_;
};

// For a run that failed before its first step in a folder it created itself:
// removes the folder when it holds nothing worth keeping (no checkpoint, no
// best model, no report, no metrics line — only the lock and settings), so a
// refused start leaves no empty run behind. Never throws.
void removeRunFolderIfUnused(const std::string& path);

}  // namespace bertbench
