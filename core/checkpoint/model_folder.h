// A Hugging Face model folder in memory: config, tokenizer and the task model's
// weights, loaded from and saved to the layout transformers reads and writes
// (config.json, the tokenizer's files, model.safetensors or pytorch_model.bin),
// for every family (BERT, DistilBERT, RoBERTa).
#pragma once

#include "checkpoint/state_dict.h"
#include "model/model_config.h"
#include "model/task_model.h"
#include "tokenizer/tokenizer.h"

#include <memory>
#include <string>

namespace bertbench {

struct ModelBundle {
    ModelConfig config;
    std::shared_ptr<const Tokenizer> tokenizer;  // immutable, so copies of a bundle share it
    int64_t maxLength = 512;  // longest input in tokens: model_max_length capped by the positions
    Task task = Task::SequenceClassification;
    TaskModel model;    // the family's task model for `task`
    LoadReport report;  // how the weights matched; empty for new models
    // The classifier layer holds trained weights: loaded from the folder, or
    // trained here. A head that is not trained takes the data's labels when
    // training starts (see fitClassifierHead).
    bool classifierTrained = false;

    torch::nn::Module& module() { return *model; }
    const torch::nn::Module& module() const { return *model; }
    std::string architecture() const { return model->architecture(); }
};

// Loads <dir> for the given task (as TaskClass.from_pretrained would): parameters
// the checkpoint lacks are initialised and listed in report.newlyInitialised.
// Throws FileError naming the file and the problem for anything malformed.
// The folder's id2label is kept as it is, as transformers keeps it.
ModelBundle loadModelFolder(const std::string& dir, Task task);
ModelBundle loadModelFolder(const std::string& dir);  // the folder's own task

// A new model from a size preset, BERT-initialised from `seed`.
ModelBundle createPresetModel(const std::string& preset, std::shared_ptr<const Tokenizer> tokenizer,
                              std::vector<std::string> labels, Task task = Task::SequenceClassification,
                              uint64_t seed = 42, ModelFamily family = ModelFamily::Bert);

// Writes a folder transformers loads unchanged. Each file is written to a
// temporary name and renamed, weights first and config.json last, so an
// interrupted save never leaves a half-written file in place of a good one.
void saveModelFolder(const ModelBundle& model, const std::string& dir);

// A separate copy of the model with parameters in `dtype` (e.g. bfloat16 for
// faster inference); the original is untouched. LoRA adapters are folded in.
ModelBundle convertedCopy(const ModelBundle& model, torch::ScalarType dtype);

// Parameter counts: all of them, and those with requires_grad.
struct ParameterCount {
    int64_t total = 0;
    int64_t trainable = 0;
};
ParameterCount countParameters(const torch::nn::Module& module);

}  // namespace bertbench
