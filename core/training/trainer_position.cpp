#include "training/trainer_position.h"

#include "common/errors.h"
#include "common/json_file.h"

#include <cmath>

namespace bertbench {

namespace {

// A count: an integer from `minimum` up.
int64_t countField(const nlohmann::json& json, const char* key, int64_t minimum, const std::string& file) {
    const auto it = json.find(key);
    if (it == json.end()) throw FileError(file, std::string("damaged: no \"") + key + "\"");
    const auto value = jsonInteger(*it);
    if (!value || *value < minimum)
        throw FileError(file, std::string("damaged: \"") + key + "\" must be an integer of at least " +
                                  std::to_string(minimum));
    return *value;
}

}  // namespace

nlohmann::json positionToJson(const TrainerPosition& p) {
    return {{"step", p.step},
            {"epoch", p.epoch},
            {"batch_in_epoch", p.batchInEpoch},
            {"best_metric", p.bestMetric},
            {"best_step", p.bestStep},
            {"evaluations_without_improvement", p.evaluationsWithoutImprovement},
            {"world_size", p.worldSize}};
}

TrainerPosition positionFromJson(const nlohmann::json& json, const std::string& file) {
    if (!json.is_object()) throw FileError(file, "damaged: not a JSON object");
    TrainerPosition p;
    p.step = countField(json, "step", 0, file);
    p.epoch = countField(json, "epoch", 0, file);
    p.batchInEpoch = countField(json, "batch_in_epoch", 0, file);
    p.bestStep = countField(json, "best_step", -1, file);
    p.evaluationsWithoutImprovement = countField(json, "evaluations_without_improvement", 0, file);
    // Checkpoints from before data parallelism have none: one process wrote them.
    p.worldSize = json.contains("world_size") ? countField(json, "world_size", 1, file) : 1;
    const auto metric = json.find("best_metric");
    if (metric == json.end() || !metric->is_number() || !std::isfinite(metric->get<double>()))
        throw FileError(file, "damaged: \"best_metric\" must be a finite number");
    p.bestMetric = metric->get<double>();
    if (p.bestStep > p.step) throw FileError(file, "damaged: \"best_step\" is after \"step\"");
    return p;
}

}  // namespace bertbench
