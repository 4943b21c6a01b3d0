// The resumable state of a run: weights (adapters unmerged), AdamW moments and
// step counts, the trainer's position (step, epoch, batch within the epoch, best
// metric so far) and torch's random-number state (dropout masks): the CPU
// generator's, and each CUDA device's when there is one.
// Written as a whole folder that replaces the previous one by renames, so a
// process killed at any moment leaves either the old or the new checkpoint.
#pragma once

#include "model/task_model.h"
#include "training/trainer_position.h"

#include <torch/torch.h>

#include <cstdint>
#include <string>

namespace bertbench {

void saveTrainingCheckpoint(const std::string& dir, const TaskModelImpl& model,
                            torch::optim::Optimizer& optimizer, const TrainerPosition& position);

// Restores into model and optimizer (built the same way as when saved).
// Returns false when there is no checkpoint; throws FileError for a damaged one.
bool loadTrainingCheckpoint(const std::string& dir, TaskModelImpl& model, torch::optim::Optimizer& optimizer,
                            TrainerPosition& position);

}  // namespace bertbench
