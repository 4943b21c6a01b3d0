#include "checkpoint/model_folder.h"

#include "checkpoint/tokenizer_files.h"
#include "common/json_file.h"
#include "common/errors.h"
#include "model/initialization.h"
#include "model/presets.h"

#include <algorithm>
#include <filesystem>

namespace bertbench {

namespace fs = std::filesystem;

namespace {

// Builds the task module for config and initialises all of it.
void buildModule(ModelBundle& bundle) {
    bundle.model = makeTaskModel(bundle.config, bundle.task);
    initializeWeights(bundle.module(), bundle.config);
}

int64_t cappedMaxLength(int64_t tokenizerMax, const ModelConfig& config) {
    return tokenizerMax > 0 ? std::min(tokenizerMax, config.maxInputLength()) : config.maxInputLength();
}

// Parameters the config's model has, from its sizes alone (nothing allocated).
int64_t parametersDescribedBy(const ModelConfig& c, Task task) {
    const int64_t H = c.hiddenSize, I = c.intermediateSize;
    const int64_t embeddings = (c.vocabSize + c.maxPositionEmbeddings + c.typeVocabSize) * H + 2 * H;
    // An upper bound for every family: DistilBERT has no pooler, RoBERTa's
    // classifier is the pooler's size plus out_proj.
    const int64_t layer = 4 * (H * H + H) + (H * I + I) + (I * H + H) + 4 * H;
    const int64_t head = task == Task::MaskedLM ? H * H + 3 * H + c.vocabSize : H * H + H + (H + 1) * c.numLabels();
    return embeddings + c.numHiddenLayers * layer + head;
}

// A config.json that describes a far bigger model than the weights file holds
// would have the process allocate all of it before a single shape is compared.
void checkSizesAgainstWeights(const ModelConfig& config, Task task, const StateDict& tensors,
                              const std::string& configPath, const std::string& weightsPath) {
    int64_t stored = 0;
    for (const auto& [name, tensor] : tensors) stored += tensor.numel();
    const int64_t described = parametersDescribedBy(config, task);
    if (described > 2 * stored + (int64_t(1) << 20))
        throw FileError(configPath, "describes a model of " + std::to_string(described) + " parameters, but " +
                                        weightsPath + " holds " + std::to_string(stored) +
                                        ": the configuration does not belong to these weights");
}

std::string weightsFileIn(const std::string& dir) {
    for (const char* name : {"model.safetensors", "pytorch_model.bin"})
        if (fs::exists(dir + "/" + name)) return dir + "/" + name;
    throw FileError(dir, "no weights: expected model.safetensors or pytorch_model.bin in the folder");
}

}  // namespace

ModelBundle loadModelFolder(const std::string& dir, Task task) {
    if (!fs::is_directory(dir)) throw FileError(dir, "not a folder (a model is a Hugging Face model folder)");
    const std::string configPath = dir + "/config.json";
    if (!fs::exists(configPath)) throw FileError(configPath, "missing: the model folder has no config.json");

    auto folderTokenizer = readFolderTokenizer(dir);
    ModelBundle bundle{ModelConfig::fromFile(configPath), std::move(folderTokenizer.tokenizer)};
    const auto vocabSize = static_cast<int64_t>(bundle.tokenizer->vocabulary().size());
    if (vocabSize > bundle.config.vocabSize)
        throw FileError(folderTokenizer.vocabularyPath,
                        "has " + std::to_string(vocabSize) + " tokens but config.json's vocab_size is " +
                            std::to_string(bundle.config.vocabSize) + ": the vocabulary does not belong to this model");
    bundle.maxLength = cappedMaxLength(folderTokenizer.modelMaxLength, bundle.config);
    bundle.task = task;
    const std::string weights = weightsFileIn(dir);
    auto tensors = readStateDict(weights);
    checkSizesAgainstWeights(bundle.config, task, tensors, configPath, weights);
    buildModule(bundle);
    bundle.report = applyStateDict(*bundle.model, tensors, weights);
    const auto& fresh = bundle.report.newlyInitialised;
    bundle.classifierTrained =
        task == Task::SequenceClassification &&
        std::find(fresh.begin(), fresh.end(), bundle.model->names().outputLayer + ".weight") == fresh.end();
    bundle.module().eval();
    return bundle;
}

ModelBundle loadModelFolder(const std::string& dir) {
    const std::string configPath = dir + "/config.json";
    if (!fs::exists(configPath)) throw FileError(configPath, "missing: the model folder has no config.json");
    return loadModelFolder(dir, taskOfConfig(ModelConfig::fromFile(configPath)));
}

ModelBundle createPresetModel(const std::string& preset, std::shared_ptr<const Tokenizer> tokenizer,
                              std::vector<std::string> labels, Task task, uint64_t seed, ModelFamily family) {
    const auto vocabSize = static_cast<int64_t>(tokenizer->vocabulary().size());
    const auto padId = tokenizer->padId();
    ModelBundle bundle{presetConfig(preset, vocabSize, std::move(labels), family, padId), std::move(tokenizer)};
    bundle.config.architectures = {architectureName(family, task)};
    bundle.maxLength = bundle.config.maxInputLength();
    bundle.task = task;
    torch::manual_seed(seed);
    buildModule(bundle);
    bundle.module().eval();
    return bundle;
}

void saveModelFolder(const ModelBundle& model, const std::string& dir) {
    std::error_code error;
    fs::create_directories(dir, error);
    if (!fs::is_directory(dir)) throw FileError(dir, "cannot create the folder: " + error.message());

    writeStateDict(dir + "/model.safetensors", modelStateDict(model.module()));
    model.tokenizer->writeFiles(dir, model.maxLength);
    ModelConfig config = model.config;
    config.architectures = {model.architecture()};
    auto json = config.toJson();
    json["torch_dtype"] = "float32";
    writeJsonFile(dir + "/config.json", json);
    // A stale pytorch_model.bin would be loaded by nobody (safetensors wins) but
    // would mislead people; it is the old version of these weights.
    fs::remove(dir + "/pytorch_model.bin", error);
}

ModelBundle convertedCopy(const ModelBundle& model, torch::ScalarType dtype) {
    ModelBundle copy{model.config, model.tokenizer, model.maxLength, model.task};
    copy.classifierTrained = model.classifierTrained;
    buildModule(copy);
    applyStateDict(*copy.model, modelStateDict(model.module()), "the model in memory");
    copy.module().to(dtype);
    copy.module().eval();
    return copy;
}

ParameterCount countParameters(const torch::nn::Module& module) {
    ParameterCount count;
    for (const auto& p : module.parameters(/*recurse=*/true)) {
        count.total += p.numel();
        if (p.requires_grad()) count.trainable += p.numel();
    }
    return count;
}

}  // namespace bertbench
