// One training run as the run history lists it: read from its folder's
// files (run_folder.h) without changing them.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace bertbench {

enum class RunStatus {
    Running,     // a live process holds the folder's lock
    Finished,    // report.json says completed
    Stopped,     // stopped by the user; resumable from its checkpoint
    Failed,      // started, but ended without a report (an error, a crash, a kill)
    Unreadable,  // not a run BertBench can read (half-written, damaged, foreign)
};
const char* runStatusName(RunStatus status);  // "running", "finished", ...

struct RunRecord {
    std::string path;
    std::string name;       // run.json's "name", else the folder's name
    std::string startedAt;  // ISO 8601 UTC; from settings.json, else its file time
    RunStatus status = RunStatus::Unreadable;
    std::string problem;    // why it is unreadable; empty otherwise
    std::string architecture, family;
    std::string dataPath, dataHash;
    nlohmann::json options;        // the options object of settings.json
    nlohmann::json bestValidation; // report.json's "validation" (null without one)
    nlohmann::json test;           // report.json's "test" (null without one)
    nlohmann::json lastEvaluation; // the last "eval" line of metrics.jsonl (null without one)
    int64_t steps = 0, totalSteps = 0;
    int64_t worldSize = 1;
    double trainSeconds = 0;       // the steps' time (pauses excluded)
    double samplesPerSecond = 0;   // median over the steps
    double finalLoss = 0;          // of the last step
    std::string runtime;           // LibTorch, BLAS, backend, threads, device
    std::string command;           // a bertbench-cli command that runs it again (empty when unknown)

    nlohmann::json toJson() const;
};

}  // namespace bertbench
