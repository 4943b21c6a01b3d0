// One optimizer step of fine-tuning, shared by the Trainer and the benchmark:
// collate the micro-batches (dynamic or max-length padding), forward, loss
// (cross-entropy, or masked-LM for a masked-LM model; the forward pass in
// bfloat16 autocast when the options ask for it), backward, clip the global
// gradient norm, set the scheduled learning rate, AdamW step (the last three
// fused into one pass, see fused_adamw.h).
// Owns the optimizer; applies nothing else (strategies are applied before).
#pragma once

#include "checkpoint/model_folder.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/training_options.h"

#include <torch/torch.h>

#include <atomic>
#include <optional>

namespace bertbench {

struct StepOutcome {
    double loss = 0;          // mean over the step's examples (micro-batch losses averaged)
    double gradNorm = 0;      // before clipping
    double learningRate = 0;  // the base group's rate this step used
    int64_t examples = 0;
    int64_t tokens = 0;       // real tokens, padding excluded
    int64_t paddedTokens = 0; // tokens the model computed on, padding included
};

class StepRunner {
public:
    // totalSteps and warmupSteps drive the schedule.
    StepRunner(ModelBundle& model, const TrainingOptions& options, const EncodedDataset& train, torch::Device device,
               int64_t totalSteps);

    // Runs micro-batches [first, last) of `plan` as optimizer step `stepIndex`
    // (0-based). Returns nothing, with gradients dropped, when cancel becomes true
    // between micro-batches.
    std::optional<StepOutcome> step(const std::vector<BatchIndices>& plan, size_t first, size_t last,
                                    int64_t stepIndex, const std::atomic<bool>* cancel = nullptr);

    torch::optim::AdamW& optimizer() { return *optimizer_; }

private:
    ModelInputs collate(const BatchIndices& batch, std::vector<int64_t>& labels, StepOutcome& counts) const;
    torch::Tensor lossOf(const ModelInputs& inputs, const std::vector<int64_t>& labels);

    ModelBundle& model_;
    const TrainingOptions& options_;
    const EncodedDataset& train_;
    torch::Device device_;
    int64_t total_, warmup_;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    std::vector<double> baseRates_;
};

}  // namespace bertbench
