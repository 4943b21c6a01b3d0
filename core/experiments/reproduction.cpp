#include "experiments/reproduction.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "experiments/run_replay.h"
#include "training/training_options.h"

#include <filesystem>
#include <fstream>
#include <map>

namespace bertbench {

namespace {

// step -> the loss as written (the same text means the same float).
std::map<int64_t, std::string> lossCurve(const std::string& runDir) {
    std::map<int64_t, std::string> curve;
    std::ifstream in(runDir + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        const auto row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (row.is_object() && row.value("type", "") == "step" && row.contains("loss"))
            curve[row.value("step", int64_t(0))] = row.at("loss").dump();
    }
    return curve;
}

}  // namespace

std::string reproductionFolderFor(const std::string& runDir) {
    std::string base = runDir;
    while (base.size() > 1 && base.back() == '/') base.pop_back();
    std::string candidate = base + "-reproduced";
    for (int n = 2; std::filesystem::exists(candidate); ++n) candidate = base + "-reproduced-" + std::to_string(n);
    return candidate;
}

ReproductionResult reproduceRun(Session& session, const std::string& runDir, const std::string& outDir) {
    const std::string settingsFile = runDir + "/settings.json";
    if (!std::filesystem::exists(settingsFile)) throw UsageError(runDir + " holds no run (no settings.json)");
    const auto settings = readJsonFile(settingsFile);
    if (!settings.is_object() || !settings.contains("options") || !settings.contains("data"))
        throw FileError(settingsFile, "damaged: no \"options\" or \"data\"");
    const auto& source = settings.value("source", nlohmann::json());
    if (!source.is_object())
        throw UsageError(runDir + " was recorded before runs kept where their model and data came from; "
                                  "it cannot be reproduced");
    TrainRequest request;
    try {
        request.options = TrainingOptions::fromJson(settings.at("options"));
    } catch (const UsageError& e) {
        throw FileError(settingsFile, std::string("damaged: ") + e.what());
    }
    request.runDir = outDir;
    request.newHead = source.value("new_head", false);
    if (source.value("adapt_first", false)) request.adaptFirst = request.options;

    importRecordedData(session, source, settings.at("data").value("train_hash", std::string()));
    restoreRecordedModel(session, source);
    const bool maskedLM = source.value("command", std::string("train")) == "mlm";
    (maskedLM ? session.adapt(request) : session.train(request)).get().take();

    ReproductionResult result;
    result.original = runDir;
    result.reproduction = outDir;
    const auto before = lossCurve(runDir), after = lossCurve(outDir);
    result.originalSteps = int64_t(before.size());
    result.reproducedSteps = int64_t(after.size());
    for (const auto& [step, loss] : before) {
        const auto match = after.find(step);
        if (match == after.end() || match->second != loss) {
            result.firstDifference = step;
            break;
        }
    }
    result.identical = result.firstDifference < 0 && before.size() == after.size() && !before.empty();
    return result;
}

}  // namespace bertbench
