#include "experiments/run_index.h"

#include "common/atomic_file.h"
#include "common/errors.h"
#include "experiments/reproduce_command.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sys/stat.h>

namespace bertbench {

namespace fs = std::filesystem;

namespace {

// A JSON file, or null when absent; throws (caught by the caller) when damaged.
nlohmann::json jsonFileOrNull(const fs::path& file) {
    std::ifstream in(file);
    if (!in) return nullptr;
    return nlohmann::json::parse(in);
}

std::string isoTime(std::time_t seconds) {
    char text[32];
    std::tm utc{};
    gmtime_r(&seconds, &utc);
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

std::string fileTime(const fs::path& file) {
    struct stat info{};
    return ::stat(file.c_str(), &info) == 0 ? isoTime(info.st_mtime) : std::string();
}

// The process named in the folder's lock file is alive and has the lock file
// open (a lock is held only while it is open). The lock is not tried: a probe
// would make a run starting at that moment fail.
bool heldByLiveProcess(const fs::path& folder) {
    long pid = 0;
    {
        std::ifstream lock(folder / ".lock");  // closed before the scan below, which would find it
        if (!(lock >> pid) || pid <= 0) return false;
    }
    std::error_code error;
    const auto lockFile = fs::canonical(folder / ".lock", error);
    if (error) return false;
    for (const auto& entry : fs::directory_iterator("/proc/" + std::to_string(pid) + "/fd", error)) {
        std::error_code ignored;
        if (fs::read_symlink(entry.path(), ignored) == lockFile) return true;
    }
    return false;
}

void readMetrics(const fs::path& file, RunRecord& record) {
    std::ifstream in(file);
    std::vector<double> rates;
    for (std::string line; std::getline(in, line);) {
        const auto row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!row.is_object()) continue;  // a line a kill cut short
        const auto type = row.value("type", "");
        if (type == "step") {
            record.steps = std::max<int64_t>(record.steps, row.value("step", int64_t(0)));
            record.finalLoss = row.value("loss", 0.0);
            const double rate = row.value("samples_per_s", 0.0);
            if (rate > 0) rates.push_back(rate);
        } else if (type == "eval" && row.value("split", "") == "validation") {
            record.lastEvaluation = row;
        }
    }
    if (!rates.empty()) {
        std::nth_element(rates.begin(), rates.begin() + long(rates.size() / 2), rates.end());
        record.samplesPerSecond = rates[rates.size() / 2];
    }
}

bool looksLikeRun(const fs::path& folder) {
    for (const char* file : {"settings.json", "metrics.jsonl", "report.json", ".lock"})
        if (fs::exists(folder / file)) return true;
    return false;
}

}  // namespace

const char* runStatusName(RunStatus status) {
    switch (status) {
        case RunStatus::Running: return "running";
        case RunStatus::Finished: return "finished";
        case RunStatus::Stopped: return "stopped";
        case RunStatus::Failed: return "failed";
        case RunStatus::Unreadable: break;
    }
    return "unreadable";
}

nlohmann::json RunRecord::toJson() const {
    return {{"path", path},
            {"name", name},
            {"started_at", startedAt},
            {"status", runStatusName(status)},
            {"problem", problem},
            {"architecture", architecture},
            {"family", family},
            {"data", dataPath},
            {"data_hash", dataHash},
            {"options", options},
            {"best_validation", bestValidation},
            {"test", test},
            {"last_evaluation", lastEvaluation},
            {"steps", steps},
            {"total_steps", totalSteps},
            {"world_size", worldSize},
            {"train_seconds", trainSeconds},
            {"samples_per_s", samplesPerSecond},
            {"final_loss", finalLoss},
            {"runtime", runtime},
            {"command", command}};
}

RunRecord readRunRecord(const std::string& folder) {
    RunRecord record;
    const fs::path dir(folder);
    record.path = folder;
    record.name = dir.filename().string();
    try {
        if (const auto meta = jsonFileOrNull(dir / "run.json"); meta.is_object() && meta.contains("name"))
            record.name = meta.at("name").get<std::string>();
        const auto settings = jsonFileOrNull(dir / "settings.json");
        if (settings.is_null()) {
            record.problem = "no settings.json: not a run, or one that never started";
            record.startedAt = fileTime(dir);
            return record;
        }
        record.startedAt = settings.value("started_at", fileTime(dir / "settings.json"));
        record.architecture = settings.value("task", "");
        if (settings.contains("model") && settings.at("model").is_object())
            record.family = settings.at("model").value("model_type", "");
        const auto& data = settings.at("data");
        record.dataPath = data.value("train", "");
        record.dataHash = data.value("train_hash", "");
        record.options = settings.at("options");
        record.totalSteps = settings.value("total_steps", int64_t(0));
        record.worldSize = settings.value("world_size", int64_t(1));
        record.runtime = settings.value("runtime", "");
        record.command = reproduceCommand(settings);
        readMetrics(dir / "metrics.jsonl", record);
        const auto report = jsonFileOrNull(dir / "report.json");
        if (heldByLiveProcess(dir)) record.status = RunStatus::Running;
        else if (report.is_object()) record.status = report.value("completed", false) ? RunStatus::Finished : RunStatus::Stopped;
        else record.status = RunStatus::Failed;
        if (report.is_object()) {
            record.bestValidation = report.value("validation", nlohmann::json());
            record.test = report.value("test", nlohmann::json());
            record.trainSeconds = report.value("train_seconds", 0.0);
        }
    } catch (const std::exception& e) {
        record.status = RunStatus::Unreadable;
        record.problem = std::string("damaged: ") + e.what();
    }
    return record;
}

namespace {

// A run inside another folder (a run's adaptation/, a sweep's trial-NNN) is
// named after both, unless it was renamed.
void addNestedRun(std::vector<RunRecord>& runs, const fs::path& folder) {
    auto record = readRunRecord(folder.string());
    if (record.name == folder.filename().string())
        record.name = folder.parent_path().filename().string() + "/" + record.name;
    runs.push_back(std::move(record));
}

}  // namespace

std::vector<RunRecord> indexRuns(const std::string& root) {
    std::vector<RunRecord> runs;
    std::error_code error;
    for (const auto& entry : fs::directory_iterator(root, error)) {
        if (!entry.is_directory(error)) continue;
        if (fs::exists(entry.path() / "sweep.json", error)) {  // a sweep: its trials are runs
            for (const auto& trial : fs::directory_iterator(entry.path(), error))
                if (trial.is_directory(error) && looksLikeRun(trial.path())) addNestedRun(runs, trial.path());
            continue;
        }
        if (!looksLikeRun(entry.path())) continue;
        runs.push_back(readRunRecord(entry.path().string()));
        const auto adaptation = entry.path() / "adaptation";
        if (fs::is_directory(adaptation, error) && looksLikeRun(adaptation)) addNestedRun(runs, adaptation);
    }
    std::stable_sort(runs.begin(), runs.end(),
                     [](const RunRecord& a, const RunRecord& b) { return a.startedAt > b.startedAt; });
    return runs;
}

void renameRun(const std::string& folder, const std::string& name) {
    if (!fs::is_directory(folder)) throw FileError(folder, "no such run folder");
    writeFileAtomically(folder + "/run.json",
                        [&](std::ostream& out) { out << nlohmann::json{{"name", name}}.dump(2) << '\n'; });
}

}  // namespace bertbench
