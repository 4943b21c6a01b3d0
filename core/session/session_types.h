// The plain value types of the Session API (no torch types, so ui/ can
// include them): what a request asks for and what a job gives back.
#pragma once

#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "data/dataset_import.h"
#include "data/token_length_stats.h"
#include "training/evaluation.h"
#include "training/trainer.h"
#include "training/training_options.h"

#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

// How a job ended: a value, or the exception that stopped it (an
// OperationCancelled when it was cancelled). take() returns the value or
// rethrows, for callers that wait (the CLI).
template <class T>
struct Outcome {
    std::optional<T> value;
    std::exception_ptr error;

    bool ok() const { return value.has_value(); }
    bool cancelled() const;
    std::string message() const;  // the error's what(); empty when ok
    T take() const {
        if (error) std::rethrow_exception(error);
        return *value;
    }
};

struct Done {};  // the value of a job that only succeeds or fails

enum class Split { Train, Validation, Holdout };
const char* splitName(Split split);  // "train", "validation", "holdout"

// Training data: one file, and either a second file for validation or a share
// of the first split off with a seed (the classic notebook's 10 %, seed 2018).
struct DataRequest {
    std::string path;
    ImportOptions options;
    std::string validationPath;
    double validationRatio = 0.1;  // used without validationPath; 0: no validation
    uint64_t splitSeed = 2018;
    bool stratified = false;
    // Token-length statistics are measured with the current model's tokenizer,
    // or with this vocabulary when there is no model (none when empty).
    std::string statsVocabPath;
    bool statsLowercase = true;
    size_t statsMaxLength = 128;
};

struct DataSummary {
    std::shared_ptr<const Dataset> data;        // as the session now holds it (the holdout, or train)
    std::shared_ptr<const Dataset> validation;  // null without validation
    std::string source;
    size_t examples = 0;            // in the train split (the holdout: all)
    size_t validationExamples = 0;
    std::vector<std::string> labelNames;
    ImportReport report;
    std::optional<TokenLengthStats> lengths;
    std::vector<std::string> messages;  // e.g. "the holdout was cleared: ..."
};

struct OpenModelRequest {
    std::string folder;
    bool maskedLM = false;  // open for masked-LM adaptation instead of classification
};

struct NewModelRequest {
    std::string preset = "tiny";  // a size preset (see sizePresetNames())
    std::string vocabPath;        // vocab.txt, or a folder with a model's tokenizer files
    ModelFamily family = ModelFamily::Bert;
    bool lowercase = true;
    uint64_t seed = 42;
    bool maskedLM = false;
};

// What to do with a model that has training not yet saved when another
// replaces it: the session refuses (UnsavedModelError) unless told to discard.
enum class UnsavedTraining { Refuse, Discard };

struct SaveRequest {
    std::string folder;
    // A folder that already holds a model is replaced only when this is set
    // (the user confirmed). A folder that is not empty and holds no model is
    // never written into.
    bool replaceExisting = false;
};

struct TrainRequest {
    TrainingOptions options;
    std::string runDir;
    bool resume = false;
    bool overwrite = false;  // replace a run already in runDir (without: refused)
    // Give the classifier a new head for the data's labels (the user's
    // explicit choice when the model's labels do not fit the data).
    bool newHead = false;
    // Adapt the encoder to the data's text with masked-LM training first
    // (these options, into runDir/adaptation), then fine-tune.
    std::optional<TrainingOptions> adaptFirst;
};

struct EvaluateRequest {
    Split split = Split::Validation;
    size_t maxLength = 0;  // 0: the model's maximum
    int64_t batchSize = 64;
    std::string device = "cpu";
};

struct EvaluationSummary {
    EvaluationResult result;
    // The evaluated examples with labels renumbered as the model's (the ids
    // result.predicted uses), for showing them side by side.
    std::shared_ptr<const Dataset> data;
};

// A snapshot of the session's state, safe to take from any thread.
struct SessionState {
    bool hasData = false, hasHoldout = false, hasModel = false;
    bool modelDirty = false;  // trained since it was opened, created or saved
    bool training = false;    // a training job is queued or running
    bool paused = false;
    size_t trainExamples = 0, validationExamples = 0, holdoutExamples = 0;
    std::vector<std::string> dataLabels;
    ModelSummary model;
    std::string modelFolder;  // where it was opened from or last saved; empty for new models
};

// Refusals the user can answer: the GUI asks and repeats the request with the
// answer (discard, replace, new head); the CLI prints the message.
class UnsavedModelError : public UsageError {
public:
    using UsageError::UsageError;
};
class ExistingModelFolderError : public UsageError {
public:
    using UsageError::UsageError;
};
class LabelMismatchError : public FileError {
public:
    LabelMismatchError(const FileError& error, std::vector<std::string> modelLabels, std::vector<std::string> dataLabels)
        : FileError(error), modelLabels(std::move(modelLabels)), dataLabels(std::move(dataLabels)) {}
    std::vector<std::string> modelLabels, dataLabels;
};

template <class T>
bool Outcome<T>::cancelled() const {
    if (!error) return false;
    try {
        std::rethrow_exception(error);
    } catch (const OperationCancelled&) {
        return true;
    } catch (...) {
        return false;
    }
}

template <class T>
std::string Outcome<T>::message() const {
    if (!error) return {};
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& e) {
        return e.what();
    } catch (...) {
        return "unknown error";
    }
}

}  // namespace bertbench
