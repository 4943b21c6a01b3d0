// ModelHandle: a loaded or newly created model as the GUI holds it, without
// LibTorch types in sight (ui/ never includes torch headers). It shares
// ownership of the ModelBundle that Trainer and Predictor work on.
// Every function throws bertbench::Error subclasses with a message for people.
#pragma once

#include "data/dataset.h"
#include "data/token_length_stats.h"
#include "model/model_config.h"

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace bertbench {

struct ModelBundle;

struct ModelSummary {
    std::string architecture;  // e.g. BertForSequenceClassification, RobertaForMaskedLM
    std::string family;        // BERT | DistilBERT | RoBERTa
    std::string tokenizerKind; // WordPiece | byte-level BPE
    std::string source;        // folder it was loaded from, or "preset <name>"
    int64_t layers = 0, hiddenSize = 0, heads = 0, intermediateSize = 0;
    int64_t maxLength = 0, vocabSize = 0;
    int64_t parameters = 0, trainableParameters = 0;
    std::vector<std::string> labels;
    bool lowercase = true;
    std::vector<std::string> warnings;  // newly initialised / unused weights, as transformers words them
};

class ModelHandle {
public:
    ModelHandle() = default;  // empty: isNull()

    // A Hugging Face folder for sequence classification, with its own labels.
    // A folder without a trained classifier (e.g. a masked-LM folder after
    // domain adaptation) gets a new head that takes the data's labels when
    // training starts.
    static ModelHandle openClassifier(const std::string& dir);
    static ModelHandle openMaskedLM(const std::string& dir);
    // A new model of a family from a size preset (tiny ... large), with the
    // tokenizer of tokenizerPath: a vocab.txt, or a folder with a model's tokenizer files.
    static ModelHandle createClassifier(const std::string& preset, const std::string& tokenizerPath,
                                        const std::vector<std::string>& labels, bool lowercase = true,
                                        uint64_t seed = 42, ModelFamily family = ModelFamily::Bert);
    static ModelHandle createMaskedLM(const std::string& preset, const std::string& tokenizerPath,
                                      bool lowercase = true, uint64_t seed = 42,
                                      ModelFamily family = ModelFamily::Bert);

    bool isNull() const { return !bundle_; }
    ModelSummary summary() const;
    void save(const std::string& dir) const;  // a Hugging Face folder, atomically per file
    // Token-length statistics in this model's own tokens, so they match what
    // training will see whatever vocabulary and casing the model was made with.
    // Safe to call while the model trains (the tokenizer is read-only).
    TokenLengthStats tokenLengthStats(const Dataset& dataset, const TokenLengthOptions& options = {}) const;

    std::shared_ptr<ModelBundle> bundle() const { return bundle_; }

private:
    explicit ModelHandle(std::shared_ptr<ModelBundle> bundle, std::string source);
    std::shared_ptr<ModelBundle> bundle_;
    std::string source_;
};

// The size presets' names, smallest first, for choosers.
std::vector<std::string> sizePresetNames();

}  // namespace bertbench
