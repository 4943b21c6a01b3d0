// Removing attention heads from a model in memory, as transformers'
// PreTrainedModel.prune_heads does: a pruned head's rows leave query, key and
// value (DistilBERT: q_lin, k_lin, v_lin) and its columns leave the attention
// output (output.dense, out_lin), so the pruned model computes what the whole
// one computes with those heads masked to 0 (ForwardOptions::headMask), with
// smaller tensors. config.pruned_heads records the heads by their original
// numbers; saving then writes the reduced tensors, and loading such a folder
// builds the reduced layers (as transformers' init_weights prunes before loading).
// Shapes: B batch, T tokens, L layers, N heads before pruning, N' remaining.
#pragma once

#include "model/model_config.h"
#include "model/task_model.h"

#include <torch/torch.h>

#include <vector>

namespace bertbench {

// Prunes `heads` (original numbers by layer) from model and records them in
// config.prunedHeads and the model's own config() (the union with earlier
// pruning). Heads already pruned and repeats are ignored. LoRA adapters on the
// projections are pruned with them (the adapter's rows and columns of the same
// features). UsageError, with nothing changed, for a layer or head the model
// does not have, for pruning the last head of a layer, or when config is not
// the model's (its prunedHeads differ). Optimizer state made before pruning
// no longer fits the parameters: prune between training runs.
void pruneHeads(TaskModelImpl& model, ModelConfig& config, const HeadsByLayer& heads);

// The layers' attentions as the forward pass returns them (L of [B, N', T, T])
// on the grid of the original heads: [L, B, N, T, T], a pruned head's maps all
// zero. Without pruning, simply the stacked attentions.
torch::Tensor attentionsOnOriginalHeads(const std::vector<torch::Tensor>& attentions, const ModelConfig& config);

}  // namespace bertbench
