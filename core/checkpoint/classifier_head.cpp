#include "checkpoint/classifier_head.h"

#include "common/errors.h"
#include "data/label_alignment.h"
#include "model/initialization.h"

#include <algorithm>

namespace bertbench {

namespace {
std::string shapeText(const torch::Tensor& t) {
    std::string text = "torch.Size([";
    for (int64_t d = 0; d < t.dim(); ++d) text += (d ? ", " : "") + std::to_string(t.size(d));
    return text + "])";
}
}  // namespace

std::string replaceClassifierHead(ModelBundle& model, const std::vector<std::string>& labels, uint64_t seed) {
    if (model.task != Task::SequenceClassification)
        throw UsageError("only a sequence classifier has a classification head to replace");
    if (labels.empty()) throw UsageError("a classification head needs at least one label");
    const auto old = model.model->outputLayer();
    const std::string name = model.model->names().outputLayer;
    torch::nn::Linear head(old->weight.size(1), int64_t(labels.size()));
    model.config.id2label = labels;
    model.model->replaceOutputLayer(head);
    torch::manual_seed(seed);
    initializeWeights(model.module(), model.config, {name + ".weight", name + ".bias"});
    model.classifierTrained = false;

    for (const auto& parameter : {name + ".weight", name + ".bias"})
        if (std::find(model.report.newlyInitialised.begin(), model.report.newlyInitialised.end(), parameter) ==
            model.report.newlyInitialised.end())
            model.report.newlyInitialised.push_back(parameter);
    const std::string source = model.report.source.empty() ? "the model in memory" : model.report.source;
    return "Some weights of " + model.architecture() + " were not initialized from the model checkpoint at " + source +
           " and are newly initialized because the shapes did not match:\n- " + name + ".weight: found shape " +
           shapeText(old->weight) + " in the checkpoint and " + shapeText(head->weight) + " in the model instantiated\n- " +
           name + ".bias: found shape " + shapeText(old->bias) + " in the checkpoint and " + shapeText(head->bias) +
           " in the model instantiated\nYou should probably TRAIN this model on a down-stream task to be able to "
           "use it for predictions and inference.";
}

std::string fitClassifierHead(ModelBundle& model, const std::vector<std::string>& dataLabels, uint64_t seed) {
    if (model.task != Task::SequenceClassification || model.classifierTrained || dataLabels.empty() ||
        model.config.id2label == dataLabels)
        return {};
    if (int64_t(dataLabels.size()) != model.config.numLabels()) return replaceClassifierHead(model, dataLabels, seed);
    model.config.id2label = dataLabels;  // the untrained layer fits; only its names were placeholders
    return "The classifier is not trained yet; it takes the data's labels: " + joinLabelNames(dataLabels);
}

}  // namespace bertbench
