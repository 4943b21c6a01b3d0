// What the session tests share: CSV files written from the reference trace's
// 64 CoLA rows, the reference model with dropout off, and the trace's options.
#pragma once

#include "checkpoint/state_dict.h"
#include "fixtures.h"
#include "session/session.h"
#include "temp_folder.h"

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

// tiny-bert-cola with dropout 0, as the trace was computed; `editConfig` may
// change config.json further.
inline std::string referenceModelFolder(const TempFolder& folder, const std::string& name,
                                        const std::function<void(nlohmann::json&)>& editConfig = {}) {
    const std::string dir = folder.file(name);
    std::filesystem::create_directories(dir);
    for (const char* file : {"vocab.txt", "tokenizer_config.json", "model.safetensors"})
        std::filesystem::copy_file(path("reference/tiny-bert-cola/") + file, dir + "/" + file);
    auto config = readJson("reference/tiny-bert-cola/config.json");
    config["hidden_dropout_prob"] = 0.0;
    config["attention_probs_dropout_prob"] = 0.0;
    if (editConfig) editConfig(config);
    std::ofstream(dir + "/config.json") << config.dump(2);
    return dir;
}

// train_steps.json's hyperparameters: 2 epochs of 4 batches in file order.
inline bertbench::TrainingOptions traceOptions() {
    bertbench::TrainingOptions o;
    o.epochs = 2;
    o.batchSize = 16;
    o.learningRate = 5e-4;
    o.warmupSteps = 2;
    o.weightDecay = 0.01;
    o.maxGradNorm = 1.0;
    o.maxLength = 128;
    o.shuffle = bertbench::ShuffleMode::None;
    o.padding = bertbench::Padding::Dynamic;
    return o;
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

}  // namespace fixtures
