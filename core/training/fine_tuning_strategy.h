// Which parameters a run trains and how the optimizer groups them.
// Strategies (Howard & Ruder 2018; Sun et al. 2019; Hu et al. 2021): full
// fine-tuning; frozen embeddings plus the first K layers; head only; LoRA
// adapters with everything else but the head frozen.
#pragma once

#include "checkpoint/model_folder.h"
#include "training/training_options.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

// Sets requires_grad per the options and adds LoRA adapters. Call once, before
// building the optimizer. Throws UsageError if freezeLayers exceeds the layers.
void applyFineTuningStrategy(ModelBundle& model, const TrainingOptions& options);

// Undoes applyFineTuningStrategy once a run ends, however it ends: LoRA
// adapters are folded into their layers' weights and removed, and every
// parameter is trainable again, so the next run starts from a plain model.
void endFineTuningStrategy(ModelBundle& model);

// AdamW parameter groups over the trainable parameters: weight decay except on
// biases and LayerNorm weights (as transformers' Trainer does), and a separate
// learning rate for the head when headLearningRate > 0. baseRates[i] is group
// i's learning rate before the schedule's factor.
struct ParameterGroups {
    std::vector<torch::optim::OptimizerParamGroup> groups;
    std::vector<double> baseRates;
};
ParameterGroups buildParameterGroups(ModelBundle& model, const TrainingOptions& options);

}  // namespace bertbench
