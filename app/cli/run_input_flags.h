// The flags that say what a run starts from, shared by train, mlm and sweep:
// the model (--model DIR, or --preset with --family, --vocab, --cased) and the
// data (--train with the dataset flags, --validation or --validation-split,
// --split-seed, --stratify, --test).
#pragma once

#include "dataset_flags.h"
#include "session/session.h"

#include <nlohmann/json.hpp>

#include <string>

namespace CLI {
class App;
}

namespace bertbench::cli {

struct RunInputFlags {
    bool maskedLM = false;  // mlm: no labels, no --stratify or --test; set before addOptions()
    std::string modelDir, preset, family = "bert", vocab, trainFile, validationFile, testFile;
    double validationSplit = 0.1;
    uint64_t splitSeed = 2018;
    bool stratify = false, cased = false;
    DatasetFlags dataset;

    void addOptions(CLI::App& command);

    DataRequest dataRequest() const;
    OpenModelRequest openRequest() const;
    NewModelRequest newModelRequest(uint64_t seed) const;

    // The session's data, holdout and model, as the flags say; summaries on stderr.
    void importData(Session& session) const;
    void loadModel(Session& session, uint64_t seed) const;

    // The same as a "source" block (run_source.h): what a sweep starts every trial from.
    nlohmann::json source(uint64_t seed) const;
};

}  // namespace bertbench::cli
