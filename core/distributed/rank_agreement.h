// How the ranks of a data-parallel run agree between optimizer steps (used by
// the Trainer): whether to go on, pause or stop; what rank 0 starts from
// (its weights, position and, resuming, optimizer state); and each rank's
// random state for a step.
#pragma once

#include "training/trainer_position.h"

#include <torch/torch.h>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace bertbench {

class DataParallelGroup;

// One rank's pause or stop request holds or stops them all: returns false to
// stop (setting `stopRequested`), true to take the next step; while any rank
// is paused, calls `whilePaused` every 50 ms.
bool agreeToContinue(DataParallelGroup& group, const std::atomic<bool>& paused, std::atomic<bool>& stopRequested,
                     const std::function<void()>& whilePaused);

// Rank 0's start of the run, given to every rank: its failure (then rank 0
// returns and rethrows its own error, the others throw UsageError quoting it),
// else its position, its parameters and, when `resumed`, its optimizer state.
void shareStart(DataParallelGroup& group, const std::string& failure, TrainerPosition& position, bool resumed,
                const std::vector<torch::Tensor>& parameters, torch::optim::Optimizer& optimizer);

// Rank 0's values into every rank's parameters.
void broadcastParameters(DataParallelGroup& group, const std::vector<torch::Tensor>& parameters);

// A rank's random state for one step: decorrelated between ranks (each masks
// and drops out its own examples) and a function of the step alone, so that a
// resumed run draws exactly what the uninterrupted one did.
uint64_t stepSeed(uint64_t seed, int64_t step, int rank);

}  // namespace bertbench
