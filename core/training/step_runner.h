// One optimizer step of fine-tuning, shared by the Trainer and the benchmark:
// collate the micro-batches (dynamic or max-length padding), forward, loss
// (cross-entropy, or masked-LM for a masked-LM model; the forward pass in
// bfloat16 autocast when the options ask for it), backward, clip the global
// gradient norm, set the scheduled learning rate, AdamW step (the last three
// fused into one pass, see fused_adamw.h).
// Owns the optimizer; applies nothing else (strategies are applied before).
//
// In a data-parallel run (a group given) every rank computes its contiguous
// share of each micro-batch (example_shard.h), weighted so that the summed
// gradients are those of the whole batch: a share's mean loss times its share
// of the batch's examples (of its masked tokens, for masked-LM). The
// gradients are summed over the ranks once per step, after the last
// micro-batch (gradient_reducer.h); clipping then sees the global norm and
// every rank takes the same AdamW step.
#pragma once

#include "checkpoint/model_folder.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/training_options.h"

#include <torch/torch.h>

#include <atomic>
#include <optional>

namespace bertbench {

class DataParallelGroup;
class GradientReducer;

struct StepOutcome {
    double loss = 0;          // mean over the step's examples (micro-batch losses averaged; every rank's)
    double gradNorm = 0;      // before clipping
    double learningRate = 0;  // the base group's rate this step used
    int64_t examples = 0;
    int64_t tokens = 0;       // real tokens, padding excluded (all ranks)
    int64_t paddedTokens = 0; // tokens the model computed on, padding included (all ranks)
};

class StepRunner {
public:
    // totalSteps and warmupSteps drive the schedule.
    StepRunner(ModelBundle& model, const TrainingOptions& options, const EncodedDataset& train, torch::Device device,
               int64_t totalSteps, DataParallelGroup* group = nullptr);
    ~StepRunner();

    // Runs micro-batches [first, last) of `plan` as optimizer step `stepIndex`
    // (0-based). Returns nothing, with gradients dropped, when cancel becomes true
    // between micro-batches (single process only: the ranks of a group agree on
    // stopping between steps, see Trainer).
    std::optional<StepOutcome> step(const std::vector<BatchIndices>& plan, size_t first, size_t last,
                                    int64_t stepIndex, const std::atomic<bool>* cancel = nullptr);

    torch::optim::AdamW& optimizer() { return *optimizer_; }

private:
    ModelInputs collate(const BatchIndices& batch, std::vector<int64_t>& labels, StepOutcome& counts) const;
    // The micro-batch's loss as its part of the batch's mean: `share` is its
    // fraction of the batch's examples (ignored for masked-LM, which divides by
    // the batch's masked tokens, counted over the ranks).
    torch::Tensor lossOf(const ModelInputs& inputs, const std::vector<int64_t>& labels, double share);

    ModelBundle& model_;
    const TrainingOptions& options_;
    const EncodedDataset& train_;
    torch::Device device_;
    int64_t total_, warmup_;
    std::unique_ptr<torch::optim::AdamW> optimizer_;
    std::vector<double> baseRates_;
    DataParallelGroup* group_;
    std::unique_ptr<GradientReducer> reducer_;
};

}  // namespace bertbench
