#include "checkpoint/model_handle.h"

#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "common/errors.h"
#include "model/presets.h"

namespace bertbench {

ModelHandle::ModelHandle(std::shared_ptr<ModelBundle> bundle, std::string source)
    : bundle_(std::move(bundle)), source_(std::move(source)) {}

ModelHandle ModelHandle::openClassifier(const std::string& dir) {
    return ModelHandle(std::make_shared<ModelBundle>(loadModelFolder(dir, Task::SequenceClassification)), dir);
}

ModelHandle ModelHandle::openMaskedLM(const std::string& dir) {
    return ModelHandle(std::make_shared<ModelBundle>(loadModelFolder(dir, Task::MaskedLM)), dir);
}

ModelHandle ModelHandle::createClassifier(const std::string& preset, const std::string& tokenizerPath,
                                          const std::vector<std::string>& labels, bool lowercase, uint64_t seed,
                                          ModelFamily family) {
    return ModelHandle(std::make_shared<ModelBundle>(createPresetModel(preset, tokenizerForNewModel(tokenizerPath, lowercase),
                                                                       labels, Task::SequenceClassification, seed, family)),
                       "preset " + preset);
}

ModelHandle ModelHandle::createMaskedLM(const std::string& preset, const std::string& tokenizerPath, bool lowercase,
                                        uint64_t seed, ModelFamily family) {
    return ModelHandle(std::make_shared<ModelBundle>(createPresetModel(preset, tokenizerForNewModel(tokenizerPath, lowercase),
                                                                       defaultLabels(2), Task::MaskedLM, seed, family)),
                       "preset " + preset);
}

ModelSummary ModelHandle::summary() const {
    ModelSummary s;
    if (!bundle_) return s;
    const auto& c = bundle_->config;
    const auto count = countParameters(bundle_->module());
    s.architecture = bundle_->architecture();
    s.family = familyDisplayName(c.family);
    s.tokenizerKind = bundle_->tokenizer->kind();
    s.source = source_;
    s.layers = c.numHiddenLayers;
    s.hiddenSize = c.hiddenSize;
    s.heads = c.numAttentionHeads;
    s.intermediateSize = c.intermediateSize;
    s.maxLength = bundle_->maxLength;
    s.vocabSize = c.vocabSize;
    s.parameters = count.total;
    s.trainableParameters = count.trainable;
    s.labels = c.id2label;
    s.lowercase = bundle_->tokenizer->lowercases();
    s.warnings = bundle_->report.warnings();
    return s;
}

void ModelHandle::save(const std::string& dir) const {
    if (bundle_) saveModelFolder(*bundle_, dir);
}

TokenLengthStats ModelHandle::tokenLengthStats(const Dataset& dataset, const TokenLengthOptions& options) const {
    if (!bundle_) throw UsageError("no model to measure token lengths with");
    return computeTokenLengthStats(dataset, *bundle_->tokenizer, options);
}

std::vector<std::string> sizePresetNames() {
    std::vector<std::string> names;
    for (const auto& preset : sizePresets()) names.push_back(preset.name);
    return names;
}

}  // namespace bertbench
