#include "bench_scale_out.h"

#include "common/errors.h"
#include "distributed/local_launch.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>
#include <unistd.h>

namespace bertbench::cli {

namespace {

namespace fs = std::filesystem;

double medianStepRate(const std::string& metricsFile, int untimed) {
    std::vector<double> rates;
    std::ifstream in(metricsFile);
    for (std::string line; std::getline(in, line);) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_object() && record.value("type", "") == "step" && record.at("step").get<int>() > untimed)
            rates.push_back(record.at("samples_per_s").get<double>());
    }
    if (rates.empty()) return 0;
    std::nth_element(rates.begin(), rates.begin() + long(rates.size() / 2), rates.end());
    return rates[rates.size() / 2];
}

}  // namespace

std::vector<int> defaultProcessCounts() {
    const int cores = int(std::max(1u, std::thread::hardware_concurrency()));
    std::vector<int> counts;
    for (int p = 1; p <= std::max(2, cores / 2); p *= 2) counts.push_back(p);
    return counts;
}

std::vector<ScaleOutRow> measureScaleOut(const std::vector<int>& processes, const std::string& preset,
                                         const std::string& dataFile, int steps) {
    std::string scratch = (fs::temp_directory_path() / "bertbench-scale-out-XXXXXX").string();
    if (!mkdtemp(scratch.data())) throw FileError(scratch, "cannot create a scratch folder");
    struct Cleanup {
        std::string path;
        ~Cleanup() {
            std::error_code ignored;
            fs::remove_all(path, ignored);
        }
    } cleanup{scratch};

    std::vector<ScaleOutRow> rows;
    for (const int p : processes) {
        const std::string run = scratch + "/p" + std::to_string(p);
        const std::string command = "'" + workerProgram() + "' train --preset " + preset + " --train '" + dataFile +
                                    "' --format cola --validation-split 0 --batch-size 32 --max-steps " +
                                    std::to_string(steps) + " --nproc " + std::to_string(p) + " --out '" + run +
                                    "' >/dev/null 2>'" + scratch + "/stderr'";
        if (std::system(command.c_str()) != 0) {
            std::ifstream err(scratch + "/stderr");
            throw Error("the scale-out run with " + std::to_string(p) + " processes failed: " +
                        std::string(std::istreambuf_iterator<char>(err), {}));
        }
        ScaleOutRow row;
        row.processes = p;
        row.threadsEach = threadsPerProcess(p);
        row.samplesPerSecond = medianStepRate(run + "/metrics.jsonl", 3);
        rows.push_back(row);
    }
    for (auto& row : rows) row.relativeToOne = rows.front().samplesPerSecond > 0 ? row.samplesPerSecond / rows.front().samplesPerSecond : 0;
    return rows;
}

nlohmann::ordered_json scaleOutJson(const std::vector<ScaleOutRow>& rows) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : rows)
        out.push_back({{"processes", r.processes},
                       {"threads_each", r.threadsEach},
                       {"samples_per_s", r.samplesPerSecond},
                       {"relative_to_one_process", r.relativeToOne}});
    return out;
}

}  // namespace bertbench::cli
