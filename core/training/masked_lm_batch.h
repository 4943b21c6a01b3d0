// Masking for masked-language-model training (Devlin et al. 2019): 15 % of the
// real tokens are chosen; of those 80 % become [MASK], 10 % a random token and
// 10 % stay as they are. The model must predict the original of every chosen
// token; all other positions are ignored by the loss (label -100).
#pragma once

#include "model/bert_model.h"
#include "model/task_model.h"

#include <torch/torch.h>

namespace bertbench {

struct MaskedBatch {
    ModelInputs inputs;     // input ids with the masking applied
    torch::Tensor labels;  // [B, T] original ids at chosen positions, -100 elsewhere
};

// Draws from `generator`, or without one from torch's global generator (seeded
// and checkpointed by the trainer); a CPU generator needs inputs on the CPU.
// Special tokens ([CLS], [SEP]) and padding are never chosen.
MaskedBatch maskTokens(const ModelInputs& inputs, int32_t maskId, int64_t vocabSize,
                       const std::vector<int32_t>& specialIds, double probability = 0.15,
                       c10::optional<at::Generator> generator = c10::nullopt);

constexpr int64_t kIgnoredLabel = -100;

// A masked-LM model's logits at the labelled positions only, and those labels:
// logits [P, V], labels [P], for P positions whose label is not kIgnoredLabel
// in labels [B, T]. The cross-entropy of the two is the loss over the whole
// batch with ignored positions, without projecting the others onto the vocabulary.
struct MaskedLogits {
    torch::Tensor logits;
    torch::Tensor labels;
};
MaskedLogits maskedLogits(TaskModelImpl& model, const ModelInputs& inputs, const torch::Tensor& labels,
                          ForwardOptions options = {});

}  // namespace bertbench
