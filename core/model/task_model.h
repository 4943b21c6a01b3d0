// TaskModel: one interface for every (family, task) model, so the trainer,
// predictor, evaluator and session never ask which architecture they hold.
// Each implementation is a module tree named like transformers' class of the
// same name (BertForSequenceClassification, DistilBertForMaskedLM, ...), so
// its named_parameters() are the Hugging Face state-dict keys; what differs
// between families that the engine needs (where the encoder, its layers and the
// head live) is described by ParameterNames rather than switched on.
#pragma once

#include "model/model_config.h"
#include "model/model_io.h"

#include <torch/torch.h>

#include <memory>
#include <string>

namespace bertbench {

enum class Task { SequenceClassification, MaskedLM };

// Where a model keeps its parts, as parameter-name prefixes.
struct ParameterNames {
    std::string encoder;     // "bert." / "distilbert." / "roberta.": everything else is the head
    std::string embeddings;  // "bert.embeddings."
    std::string layer;       // "bert.encoder.layer." (then the index and a dot)
    std::string pooler;      // "bert.pooler." (counted with the head); empty without a pooler
    std::string outputLayer; // the classifier's last linear layer: "classifier", "classifier.out_proj"
};

class TaskModelImpl : public torch::nn::Module {
public:
    TaskModelImpl(const ModelConfig& config, Task task);

    // Logits [B, C] for a classifier, [B, T, V] for a masked LM.
    virtual TaskOutput forward(const ModelInputs& inputs, const ForwardOptions& options = {}) = 0;

    virtual const ParameterNames& names() const = 0;
    // The classifier's output layer (UsageError for a masked LM), and swapping
    // it for a new one (another label set); the new layer is moved to the
    // old one's device.
    virtual torch::nn::Linear outputLayer() const;
    virtual void replaceOutputLayer(torch::nn::Linear layer);

    // The architecture it was built with; id2label may have changed since (a
    // new head), which only ModelBundle::config follows. prunedHeads follows
    // pruneHeads (head_pruning.h).
    const ModelConfig& config() const { return config_; }
    Task task() const { return task_; }
    std::string architecture() const;  // e.g. "RobertaForSequenceClassification"
    torch::Device device() const;      // where the parameters are

    // The task head (pooler, classifier, masked-LM head): what a head-only or LoRA
    // run still trains in full, and what headLearningRate applies to.
    bool isHeadParameter(const std::string& name) const;

private:
    friend void pruneHeads(TaskModelImpl& model, ModelConfig& config, const HeadsByLayer& heads);

    ModelConfig config_;
    Task task_;
};

using TaskModel = std::shared_ptr<TaskModelImpl>;

// The model for a config and a task, parameters uninitialised (see
// initializeWeights). The one place that chooses a class by family.
TaskModel makeTaskModel(const ModelConfig& config, Task task);

// transformers' class name: BertForSequenceClassification, DistilBertForMaskedLM, ...
std::string architectureName(ModelFamily family, Task task);

// The task a config was saved for, from its "architectures" (…ForMaskedLM or
// …ForPreTraining is a masked LM); sequence classification otherwise.
Task taskOfConfig(const ModelConfig& config);

}  // namespace bertbench
