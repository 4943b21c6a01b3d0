// Gradual unfreezing (Howard & Ruder 2018): which layer groups train at each
// point of a run. Stage 0 trains the head alone; with GradualUnfreezing::Layers
// stage k adds the top k encoder layers, and the stage after the last layer
// adds the embeddings; with HeadThenAll stage 1 adds everything. Layers that
// --freeze-layers keeps frozen stay frozen. Stages are a function of the
// position (steps or epochs completed), so a resumed run is in the same stage.
//
// Unfreezing only sets requires_grad: the optimizer holds every parameter the
// run may train from the start, and AdamW skips a parameter without a
// gradient, so a frozen one does not change at all (not even by weight
// decay), and a newly unfrozen one starts from a fresh AdamW state (its
// moments are created at its first gradient).
#pragma once

#include "checkpoint/model_folder.h"
#include "training/training_options.h"

#include <cstdint>
#include <string>

namespace bertbench {

// The stage at a position: intervals of epochs or optimizer steps completed.
int64_t unfreezeStage(const TrainingOptions& options, int64_t stepsCompleted, int64_t epochsCompleted);

// Sets requires_grad for that stage. Returns what this stage unfroze beyond
// the one before ("layer 11", "embeddings", "the encoder"), empty when nothing.
std::string applyUnfreezeStage(ModelBundle& model, const TrainingOptions& options, int64_t stage);

}  // namespace bertbench
