#include "run_input_flags.h"

#include "cli_support.h"
#include "common/errors.h"
#include "model/model_config.h"
#include "session/run_source.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace bertbench::cli {

void RunInputFlags::addOptions(CLI::App& command) {
    dataset.unlabelled = maskedLM;  // masked-LM training reads only the text
    auto* model = command.add_option("--model", modelDir, "Start from this Hugging Face model folder, or a model name in the Hugging Face cache")->transform(modelFolderOrCachedName());
    auto* newModel = command.add_option("--preset", preset, "Start from a new model: tiny, mini, small, medium, base, large");
    model->excludes(newModel);
    command.add_option("--family", family, "With --preset: the architecture of the new model")
        ->check(CLI::IsMember({"bert", "distilbert", "roberta"}))
        ->capture_default_str();
    command.add_option("--vocab", vocab,
                       "With --preset: a vocab.txt, or a model folder whose tokenizer to take (RoBERTa: vocab.json "
                       "and merges.txt); default: bert-base-uncased's vocab.txt");
    command.add_flag("--cased", cased, "With --preset: keep case and accents");
    command.add_option("--train", trainFile, "Training data file")->required();
    dataset.addOptions(command);
    auto* validation = command.add_option(
        "--validation", validationFile,
        maskedLM ? "Validation data file: its masked-LM loss and perplexity after every epoch; the lowest loss "
                   "gives best/"
                 : "Validation data file");
    auto* split = command.add_option("--validation-split", validationSplit,
                                     "Share of the training file held out for validation (0: none)")
                      ->capture_default_str();
    validation->excludes(split);
    command.add_option("--split-seed", splitSeed, "Seed of the validation split")->capture_default_str();
    // Without labels there are no class shares to keep, and no test metrics to report.
    if (!maskedLM) {
        command.add_flag("--stratify", stratify, "Keep class shares in the validation split");
        command.add_option("--test", testFile, "Held-out test file, evaluated at the end with the best model");
    }
}

DataRequest RunInputFlags::dataRequest() const {
    DataRequest data = dataset.request(trainFile);
    data.validationPath = validationFile;
    data.validationRatio = validationSplit;
    data.splitSeed = splitSeed;
    data.stratified = stratify;
    return data;
}

OpenModelRequest RunInputFlags::openRequest() const { return {modelDir, maskedLM}; }

NewModelRequest RunInputFlags::newModelRequest(uint64_t seed) const {
    NewModelRequest request;
    request.preset = preset;
    request.vocabPath = vocab.empty() ? bundledVocabularyPath() : vocab;
    request.lowercase = !cased;
    request.family = familyOfModelType(family);
    request.seed = seed;
    request.maskedLM = maskedLM;
    return request;
}

void RunInputFlags::importData(Session& session) const {
    const auto imported = session.importData(dataRequest()).get().take();
    printImportSummary(trainFile, imported.labelNames, imported.report);
    if (imported.validationExamples > 0)
        std::cerr << "validation: " << imported.validationExamples << " examples"
                  << (validationFile.empty() ? " split off (seed " + std::to_string(splitSeed) + ")" : "") << '\n';
    if (!testFile.empty()) {
        const auto test = session.importHoldout(dataset.request(testFile)).get().take();
        printImportSummary(testFile, test.labelNames, test.report);
    }
}

void RunInputFlags::loadModel(Session& session, uint64_t seed) const {
    if (modelDir.empty() == preset.empty()) throw UsageError("give either --model DIR or --preset NAME");
    const auto model = !modelDir.empty() ? session.openModel(openRequest()).get().take()
                                         : session.createModel(newModelRequest(seed)).get().take();
    for (const auto& warning : model.warnings) std::cerr << "warning: " << warning << '\n';
}

nlohmann::json RunInputFlags::source(uint64_t seed) const {
    if (modelDir.empty() == preset.empty()) throw UsageError("give either --model DIR or --preset NAME");
    return {{"command", maskedLM ? "mlm" : "train"},
            {"model", !modelDir.empty() ? modelSourceJson(openRequest()) : modelSourceJson(newModelRequest(seed))},
            {"data", dataSourceJson(dataRequest())},
            {"test", testFile.empty() ? nlohmann::json() : dataSourceJson(dataset.request(testFile))}};
}

}  // namespace bertbench::cli
