// Where a run stands (trainer_state.json in a checkpoint): the step, the epoch
// and the batch within it, the best evaluation so far, and how many processes
// trained it. Plain JSON, no
// tensors, so the reader can be fuzzed on its own.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace bertbench {

struct TrainerPosition {
    int64_t step = 0;              // optimizer steps completed
    int64_t epoch = 0;             // the epoch the next batch belongs to
    int64_t batchInEpoch = 0;      // batches of that epoch already consumed
    double bestMetric = 0;
    int64_t bestStep = -1;         // -1: no evaluation yet
    int64_t evaluationsWithoutImprovement = 0;
    // Processes of the data-parallel run that wrote it (1: a single process).
    // A run resumes only with as many.
    int64_t worldSize = 1;
};

nlohmann::json positionToJson(const TrainerPosition& position);

// Throws FileError naming `file` when a field is missing, of the wrong type or
// out of range (negative counts, a best step after the current one, a metric
// that is not a finite number).
TrainerPosition positionFromJson(const nlohmann::json& json, const std::string& file);

}  // namespace bertbench
