// Value types the pages hold and queued signals carry: engine structs by
// value (or immutable datasets by shared_ptr, so an 8k-example dataset is not
// copied per signal), registered as metatypes for queued connections.
#pragma once

#include "checkpoint/model_handle.h"  // ModelSummary
#include "data/dataset.h"
#include "data/dataset_import.h"
#include "data/import_options.h"
#include "data/token_length_stats.h"
#include "inference/prediction.h"
#include "training/evaluation.h"
#include "training/trainer.h"
#include "training/training_options.h"

#include <QMetaType>
#include <QString>
#include <QStringList>
#include <memory>
#include <optional>

using DatasetPtr = std::shared_ptr<const bertbench::Dataset>;

// What the Data page asks the session to import.
struct ImportRequest {
    QString path;
    bertbench::ImportOptions options;
    bool holdout = false;          // a held-out test file: no split, labels of the training set
    double validationRatio = 0.1;  // share of the file kept for validation (0 = none)
    quint64 seed = 2018;
    bool stratified = false;
    QString vocabPath;             // without a model, this vocabulary's tokenizer measures token lengths
    bool lowercase = true;
    int maxLength = 128;
};

struct ImportedData {
    ImportRequest request;
    DatasetPtr train, validation;  // validation null when not split; for a holdout only train is set
    bertbench::ImportReport report;
    bertbench::TokenLengthStats lengths;
};

// How a new model was made, so a later launch can make the same one again.
struct NewModelSpec {
    QString preset;     // tiny ... large
    QString vocabPath;  // a vocab.txt or a tokenizer folder
    bool lowercase = true;
    quint64 seed = 42;
    bertbench::ModelFamily family = bertbench::ModelFamily::Bert;
};

struct LoadedModel {
    bertbench::ModelSummary summary;
    QString folder;  // where it came from or was saved; empty for a new model
    std::optional<NewModelSpec> created;  // set for a model created from a preset, until another is opened
};

struct EvaluationOutcome {
    QString split;
    DatasetPtr data;
    bertbench::EvaluationResult result;
};

struct TrainingOutcome {
    bertbench::TrainingResult result;  // empty (no steps) when cancelled before it began
    bool maskedLM = false;             // domain adaptation: the classifier now has the adapted encoder
};

Q_DECLARE_METATYPE(DatasetPtr)
Q_DECLARE_METATYPE(ImportRequest)
Q_DECLARE_METATYPE(ImportedData)
Q_DECLARE_METATYPE(LoadedModel)
Q_DECLARE_METATYPE(EvaluationOutcome)
Q_DECLARE_METATYPE(TrainingOutcome)
Q_DECLARE_METATYPE(bertbench::StepReport)
Q_DECLARE_METATYPE(bertbench::EvaluationReport)
Q_DECLARE_METATYPE(bertbench::Prediction)

// Where the model came from, for people: its folder's name, or "new tiny model"
// (translated) for one created from a preset.
QString modelSourceName(const LoadedModel& model);

// Once, before the first queued connection carries one of these.
void registerWorkbenchMetaTypes();

// std::string <-> QString without thinking about encodings at every call.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
QStringList toQStringList(const std::vector<std::string>& list);
std::vector<std::string> toStdVector(const QStringList& list);
