// What the session tests share: CSV files written from the reference trace's
// 64 CoLA rows, the reference model with dropout off, and the trace's options.
#pragma once

#include "checkpoint/state_dict.h"
#include "fixtures.h"
#include "session/session.h"
#include "temp_folder.h"
#include "training_fixtures.h"

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace fixtures {

inline std::string csvField(const std::string& text) {
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

// The trace's rows as text,label CSV; labelText(id) spells each label.
inline std::string traceCsv(const std::function<std::string(int)>& labelText) {
    const auto trace = readJson("reference/tiny-bert-cola/expected/train_steps.json");
    std::string csv = "text,label\n";
    for (const auto& row : trace.at("data"))
        csv += csvField(row.at("sentence").get<std::string>()) + "," + labelText(row.at("label").get<int>()) + "\n";
    return csv;
}

// A saved model.safetensors by tensor name.
inline std::map<std::string, torch::Tensor> weightsIn(const std::string& modelDir) {
    std::map<std::string, torch::Tensor> weights;
    for (auto& [name, tensor] : bertbench::readStateDict(modelDir + "/model.safetensors")) weights[name] = tensor;
    return weights;
}

inline bertbench::DataRequest csvData(const std::string& path, double validationRatio = 0) {
    bertbench::DataRequest request;
    request.path = path;
    request.options.format = bertbench::DatasetFormat::Csv;
    request.validationRatio = validationRatio;
    return request;
}

// A new tiny BERT with bert-base-uncased's vocabulary.
inline bertbench::NewModelRequest tinyModel(uint64_t seed = 42) {
    bertbench::NewModelRequest request;
    request.preset = "tiny";
    request.vocabPath = path("reference/vocab/bert-base-uncased-vocab.txt");
    request.seed = seed;
    return request;
}

// A short training run of `steps` into folder/name (batches of 16, lr 1e-3, shuffled).
inline bertbench::TrainRequest shortRun(const TempFolder& folder, const std::string& name, int64_t steps) {
    bertbench::TrainRequest request;
    request.options.maxSteps = steps;
    request.options.batchSize = 16;
    request.options.learningRate = 1e-3;
    request.options.shuffle = bertbench::ShuffleMode::Random;
    request.runDir = folder.file(name);
    return request;
}

}  // namespace fixtures
