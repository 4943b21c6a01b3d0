// Small datasets and models for training tests.
#pragma once

#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "common/strings.h"
#include "data/dataset.h"
#include "model/input_batch.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/trainer.h"
#include "training/training_options.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <filesystem>
#include <functional>
#include <memory>
#include <random>

namespace fixtures {

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

// reference/tiny-bert-cola/expected/train_steps.json's hyperparameters: 2
// epochs of 4 batches of 16 in file order, AdamW lr 5e-4, 2 warm-up steps.
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

// How far a parameter after the trace's training may lie from transformers'.
// Every parameter must match to 1e-4, except the attention's key bias: adding
// b to every key adds q·b to all of a query's scores alike, which softmax
// cancels, so its exact gradient is 0 and what both engines compute is float
// rounding noise. AdamW divides that noise by its own root mean square and
// moves the bias by up to about the learning rate each step, in a direction the
// BLAS kernels' summation order decides (an AMD EPYC moved RoBERTa's by 1.3e-4
// from transformers' Intel figures). Two such walks differ by at most twice
// the learning rates summed over the steps; the bias never changes the model's
// outputs, which the loss, gradient-norm and other weights' checks cover.
inline double referenceWeightTolerance(const std::string& name, const std::vector<bertbench::StepReport>& steps) {
    using bertbench::endsWith;
    if (!endsWith(name, ".key.bias") && !endsWith(name, ".k_lin.bias")) return 1e-4;
    double summedRates = 0;
    for (const auto& step : steps) summedRates += step.learningRate;
    return 2 * summedRates;
}

// The first `count` rows of the CoLA training file (label column 1, sentence column 3).
inline bertbench::Dataset colaRows(size_t count) {
    bertbench::Dataset dataset;
    dataset.source = path("data/cola/in_domain_train.tsv");
    dataset.labelNames = {"unacceptable", "acceptable"};
    std::ifstream in(dataset.source);
    long line = 0;
    for (std::string text; dataset.examples.size() < count && std::getline(in, text);) {
        ++line;
        std::vector<std::string> fields;
        std::stringstream stream(text);
        for (std::string field; std::getline(stream, field, '\t');) fields.push_back(field);
        dataset.examples.push_back({fields.at(3), "", fields.at(1) == "1" ? 1 : 0, line});
    }
    return dataset;
}

// A task only word order can solve: every sentence holds "cat" and "dog" once,
// among filler words; the label says whether "cat" comes first. A bag of words
// sees the same words for both labels.
inline bertbench::Dataset wordOrderTask(size_t count, uint64_t seed) {
    const std::vector<std::string> fillers = {"the", "a", "big", "small", "saw", "near", "house", "green",
                                              "ran", "quickly", "old", "tree", "with", "blue", "river", "sat"};
    bertbench::Dataset dataset;
    dataset.source = "generated word-order task";
    dataset.labelNames = {"dog first", "cat first"};
    std::mt19937_64 rng(seed);
    for (size_t i = 0; i < count; ++i) {
        std::vector<std::string> words;
        const size_t length = 4 + rng() % 5;
        for (size_t w = 0; w < length; ++w) words.push_back(fillers[rng() % fillers.size()]);
        const size_t first = rng() % (length + 1);
        const size_t second = first + 1 + rng() % (length + 1 - first);
        const bool catFirst = rng() % 2 == 0;
        words.insert(words.begin() + long(first), catFirst ? "cat" : "dog");
        words.insert(words.begin() + long(second), catFirst ? "dog" : "cat");
        std::string text;
        for (const auto& w : words) text += (text.empty() ? "" : " ") + w;
        dataset.examples.push_back({text, "", catFirst ? 1 : 0, long(i + 1)});
    }
    return dataset;
}

inline std::shared_ptr<bertbench::ModelBundle> tinyPreset(const std::vector<std::string>& labels, uint64_t seed = 42) {
    auto tokenizer = bertbench::readFolderTokenizer(path("reference/tiny-bert-cola")).tokenizer;
    return std::make_shared<bertbench::ModelBundle>(
        bertbench::createPresetModel("tiny", tokenizer, labels, bertbench::Task::SequenceClassification, seed));
}

// A short run's options: maxSteps steps of batch 16 on texts cut to 64 tokens.
inline bertbench::TrainingOptions quickOptions(int64_t maxSteps, double learningRate = 5e-4) {
    bertbench::TrainingOptions o;
    o.maxSteps = maxSteps;
    o.batchSize = 16;
    o.learningRate = learningRate;
    o.maxLength = 64;
    return o;
}

// The batches the trainer forms for an 8-step reference trace (traceOptions:
// batch 16, file order, 128 tokens): each batch's row numbers and its inputs,
// padded with the model's own pad id.
struct TraceBatch {
    std::vector<size_t> rows;
    bertbench::ModelInputs inputs;
};
inline std::vector<TraceBatch> traceBatches(const bertbench::ModelBundle& model, const bertbench::Dataset& data) {
    const auto encoded = bertbench::encodeDataset(data, *model.tokenizer, 128);
    std::vector<size_t> lengths;
    for (const auto& e : encoded.examples) lengths.push_back(e.ids.size());
    std::vector<TraceBatch> batches;
    for (const auto& rows : bertbench::planEpoch(lengths, 16, bertbench::ShuffleMode::None, 42, 0)) {
        std::vector<bertbench::TokenSequence> sequences;
        for (size_t i : rows) sequences.push_back({&encoded.examples[i].ids, encoded.examples[i].secondSegmentStart});
        batches.push_back({rows, bertbench::padBatch(sequences, model.tokenizer->padId())});
    }
    return batches;
}

}  // namespace fixtures
