#include "experiments/sweep_runner.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "experiments/recorded_metric.h"
#include "experiments/run_replay.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace bertbench {

namespace {

std::string trialFolder(const std::string& sweepDir, int index) {
    char name[32];
    std::snprintf(name, sizeof name, "/trial-%03d", index + 1);
    return sweepDir + name;
}

double lastStepLoss(const std::string& runDir) {
    double loss = 0;
    std::ifstream in(runDir + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        const auto row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (row.is_object() && row.value("type", "") == "step") loss = row.value("loss", loss);
    }
    return loss;
}

// The result of a trial from its folder's report (finished or not).
SweepResult resultOf(const SweepTrial& trial, const std::string& runDir) {
    SweepResult result;
    result.index = trial.index;
    result.runDir = runDir;
    result.assignments = trial.assignments;
    const auto reportFile = runDir + "/report.json";
    const auto report = std::filesystem::exists(reportFile) ? readJsonFile(reportFile) : nlohmann::json();
    result.completed = report.is_object() && report.value("completed", false);
    result.trainSeconds = report.is_object() ? report.value("train_seconds", 0.0) : 0.0;
    if (report.is_object() && report.contains("validation") && report.at("validation").is_object()) {
        result.validation = report.at("validation");
        result.metric = trial.options.metric;
        result.value = recordedMetric(result.validation, result.metric);
    } else {
        result.metric = "train_loss";
        result.value = lastStepLoss(runDir);
    }
    return result;
}

bool higherIsBetterFor(const std::string& metric) { return metric != "loss" && metric != "train_loss"; }

}  // namespace

nlohmann::json SweepResult::toJson() const {
    return {{"trial", index + 1},
            {"run", runDir},
            {"params", assignments},
            {"completed", completed},
            {"metric", metric},
            {"value", value},
            {"validation", validation},
            {"train_seconds", trainSeconds}};
}

std::vector<SweepResult> runSweep(Session& session, const nlohmann::json& source, const std::vector<SweepTrial>& plan,
                                  const std::string& sweepDir, const SweepCallbacks& callbacks) {
    std::filesystem::create_directories(sweepDir);
    nlohmann::json planJson = nlohmann::json::array();
    for (const auto& trial : plan) planJson.push_back({{"trial", trial.index + 1}, {"params", trial.assignments}});
    writeJsonFile(sweepDir + "/sweep.json", {{"source", source}, {"trials", planJson}});

    importRecordedData(session, source);
    std::vector<SweepResult> results;
    for (const auto& trial : plan) {
        const auto runDir = trialFolder(sweepDir, trial.index);
        auto done = resultOf(trial, runDir);
        if (!done.completed) {
            if (callbacks.onTrialStarted) callbacks.onTrialStarted(trial, int(plan.size()));
            restoreRecordedModel(session, source);
            TrainRequest request;
            request.options = trial.options;
            request.runDir = runDir;
            request.resume = std::filesystem::exists(runDir + "/settings.json");
            request.newHead = source.value("new_head", false);
            const auto outcome = session.train(request).get();
            if (outcome.cancelled() || (outcome.ok() && !outcome.value->completed)) break;  // stopped: resumable
            outcome.take();  // rethrows a failure
            done = resultOf(trial, runDir);
        }
        results.push_back(done);
        if (callbacks.onTrialFinished) callbacks.onTrialFinished(done);
    }
    return results;
}

std::vector<SweepResult> rankSweep(std::vector<SweepResult> results) {
    std::stable_sort(results.begin(), results.end(), [](const SweepResult& a, const SweepResult& b) {
        if (std::isnan(a.value) != std::isnan(b.value)) return std::isnan(b.value);  // a run without the metric last
        return higherIsBetterFor(a.metric) ? a.value > b.value : a.value < b.value;
    });
    return results;
}

Spread spreadOf(const std::vector<SweepResult>& results) {
    Spread s;
    s.count = int(results.size());
    if (results.empty()) return s;
    for (const auto& r : results) s.mean += r.value;
    s.mean /= double(results.size());
    if (results.size() > 1) {
        double squares = 0;
        for (const auto& r : results) squares += (r.value - s.mean) * (r.value - s.mean);
        s.standardDeviation = std::sqrt(squares / double(results.size() - 1));
    }
    return s;
}

}  // namespace bertbench
