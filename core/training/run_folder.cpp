#include "training/run_folder.h"

#include "common/atomic_file.h"
#include "common/errors.h"

#include <filesystem>
#include <vector>

namespace bertbench {

RunFolder::RunFolder(std::string path) : path_(std::move(path)) {
    std::error_code error;
    std::filesystem::create_directories(path_, error);
    if (!std::filesystem::is_directory(path_)) throw FileError(path_, "cannot create the run folder: " + error.message());
}

void RunFolder::writeSettings(const nlohmann::json& settings) const {
    writeTextFileAtomically(path_ + "/settings.json", settings.dump(2) + "\n");
}

nlohmann::json RunFolder::readSettings() const {
    const std::string file = path_ + "/settings.json";
    std::ifstream in(file);
    if (!in) return nullptr;
    auto settings = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
    if (settings.is_discarded() || !settings.is_object()) throw FileError(file, "damaged: not a JSON object");
    return settings;
}

void RunFolder::writeReport(const nlohmann::json& report) const {
    writeTextFileAtomically(path_ + "/report.json", report.dump(2) + "\n");
}

void RunFolder::openMetrics(int64_t keepUpToStep) {
    std::string kept;
    if (keepUpToStep > 0) {
        std::ifstream in(metricsPath());
        for (std::string line; std::getline(in, line);) {
            if (line.empty()) continue;
            const auto record = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
            if (record.is_object() && record.value("step", int64_t(0)) <= keepUpToStep) kept += line + "\n";
        }
    }
    writeTextFileAtomically(metricsPath(), kept);
    metrics_.open(metricsPath(), std::ios::app);
    if (!metrics_) throw FileError(metricsPath(), "cannot open for writing");
}

void RunFolder::appendMetrics(const nlohmann::json& record) {
    metrics_ << record.dump() << '\n';
    metrics_.flush();  // a live chart or `tail -f` sees each step as it happens
}

}  // namespace bertbench
