// Reading weight files into named tensors, and copying named tensors into a
// module whose parameter names are the Hugging Face keys.
#pragma once

#include "model/task_model.h"

#include <torch/torch.h>

#include <string>
#include <utility>
#include <vector>

namespace bertbench {

// Tensors in file order. Tensors read from safetensors borrow the file's memory
// mapping (kept alive by the tensors themselves), so nothing is copied until the
// values land in the model's parameters.
using StateDict = std::vector<std::pair<std::string, torch::Tensor>>;

// model.safetensors (F32/F16/BF16/...) or a zip-format pytorch_model.bin, by
// extension. Throws FileError naming the file and the problem.
StateDict readStateDict(const std::string& path);
StateDict readSafetensorsStateDict(const std::string& path);
StateDict readPytorchStateDict(const std::string& path);

// Writes the tensors as F32 safetensors (contiguous CPU copies are made as needed).
void writeStateDict(const std::string& path, const StateDict& tensors);

// What happened to each key when a checkpoint was applied to a model, in the
// words transformers users know.
struct LoadReport {
    std::string architecture;             // e.g. BertForSequenceClassification
    std::string source;                   // the weights file
    std::vector<std::string> newlyInitialised;  // model parameters the file lacked
    std::vector<std::string> unused;            // file tensors the model has no place for
    std::vector<std::string> warnings() const;  // empty when everything matched
};

// Copies every matching tensor into the model's parameters (converting dtype
// and device), after normalising keys: LayerNorm gamma/beta -> weight/bias, a
// missing encoder prefix ("bert.", "roberta.", ...) added, the position_ids
// buffer and tied decoder copies ignored. Throws FileError(source, ...) when a
// tensor's shape disagrees with the model (i.e. with config.json) or when no
// tensor matches at all.
LoadReport applyStateDict(TaskModelImpl& model, const StateDict& tensors, const std::string& source);

// The model's parameters under their Hugging Face names, for saving a plain
// model folder: LoRA adapters are folded into their layers' weights and left out.
StateDict modelStateDict(const torch::nn::Module& model);

// Every parameter as it is, adapters included, for resumable training checkpoints.
StateDict trainingStateDict(const torch::nn::Module& model);

}  // namespace bertbench
