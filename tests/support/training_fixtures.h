// Small datasets and models for training tests.
#pragma once

#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "data/dataset.h"
#include "fixtures.h"

#include <memory>
#include <random>

namespace fixtures {

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

}  // namespace fixtures
