#include "model/task_model.h"

#include "common/errors.h"
#include "common/strings.h"
#include "model/distilbert_heads.h"
#include "model/heads.h"
#include "model/roberta_heads.h"

namespace bertbench {

TaskModelImpl::TaskModelImpl(const ModelConfig& config, Task task) : config_(config), task_(task) {
    config_.validate();
}

torch::nn::Linear TaskModelImpl::outputLayer() const {
    throw UsageError("only a sequence classifier has an output layer to replace");
}

void TaskModelImpl::replaceOutputLayer(torch::nn::Linear) {
    throw UsageError("only a sequence classifier has an output layer to replace");
}

std::string TaskModelImpl::architecture() const { return architectureName(config_.family, task_); }

torch::Device TaskModelImpl::device() const {
    const auto all = parameters();
    return all.empty() ? torch::Device(torch::kCPU) : all.front().device();
}

bool TaskModelImpl::isHeadParameter(const std::string& name) const {
    const auto& n = names();
    return !startsWith(name, n.encoder) || (!n.pooler.empty() && startsWith(name, n.pooler));
}

TaskModel makeTaskModel(const ModelConfig& config, Task task) {
    const bool classifier = task == Task::SequenceClassification;
    switch (config.family) {
    case ModelFamily::Bert:
        if (classifier) return std::make_shared<BertForSequenceClassificationImpl>(config);
        return std::make_shared<BertForMaskedLMImpl>(config);
    case ModelFamily::DistilBert:
        if (classifier) return std::make_shared<DistilBertForSequenceClassificationImpl>(config);
        return std::make_shared<DistilBertForMaskedLMImpl>(config);
    case ModelFamily::Roberta:
        if (classifier) return std::make_shared<RobertaForSequenceClassificationImpl>(config);
        return std::make_shared<RobertaForMaskedLMImpl>(config);
    }
    throw UsageError("unknown model family");
}

std::string architectureName(ModelFamily family, Task task) {
    static const char* const classPrefix[] = {"Bert", "DistilBert", "Roberta"};
    return std::string(classPrefix[int(family)]) +
           (task == Task::MaskedLM ? "ForMaskedLM" : "ForSequenceClassification");
}

Task taskOfConfig(const ModelConfig& config) {
    for (const auto& name : config.architectures)
        if (endsWith(name, "ForMaskedLM") || endsWith(name, "ForPreTraining")) return Task::MaskedLM;
    return Task::SequenceClassification;
}

}  // namespace bertbench
