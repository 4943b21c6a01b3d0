// Value types that cross between the GUI thread and the engine's worker
// threads. They hold engine structs by value (or immutable datasets by
// shared_ptr, so an 8k-example dataset is not copied per signal) and are
// registered as metatypes for queued connections.
#pragma once

#include "checkpoint/model_handle.h"
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

using DatasetPtr = std::shared_ptr<const bertbench::Dataset>;

// What the Data page asks the engine worker to import.
struct ImportRequest {
    QString path;
    bertbench::ImportOptions options;
    bool holdout = false;          // a held-out test file: no split, labels of the training set
    double validationRatio = 0.1;  // share of the file kept for validation (0 = none)
    quint64 seed = 2018;
    bool stratified = false;
    bertbench::ModelHandle model;  // when set, its tokenizer measures the token lengths
    QString vocabPath;             // otherwise this vocabulary's tokenizer does
    bool lowercase = true;
    int maxLength = 128;
};

struct ImportedData {
    ImportRequest request;
    DatasetPtr train, validation;  // validation null when not split; for a holdout only train is set
    bertbench::ImportReport report;
    bertbench::TokenLengthStats lengths;
};

struct LoadedModel {
    bertbench::ModelHandle handle;
    bertbench::ModelSummary summary;
    QString folder;  // where it came from or was saved; empty for a new model
};

struct EvaluationOutcome {
    QString split;
    DatasetPtr data;
    bertbench::EvaluationResult result;
};

struct TrainingJob {
    bertbench::ModelHandle model;
    bertbench::TrainingOptions options;
    DatasetPtr train, validation, test;
    QString runDir;
    bool resume = false;
    bool maskedLM = false;  // domain adaptation: train the encoder with a masked-LM head
};

struct TrainingOutcome {
    bertbench::TrainingResult result;
    bool maskedLM = false;
    LoadedModel adapted;  // the classifier built on the adapted encoder (maskedLM only)
};

Q_DECLARE_METATYPE(DatasetPtr)
Q_DECLARE_METATYPE(ImportRequest)
Q_DECLARE_METATYPE(ImportedData)
Q_DECLARE_METATYPE(LoadedModel)
Q_DECLARE_METATYPE(EvaluationOutcome)
Q_DECLARE_METATYPE(TrainingJob)
Q_DECLARE_METATYPE(TrainingOutcome)
Q_DECLARE_METATYPE(bertbench::StepReport)
Q_DECLARE_METATYPE(bertbench::EvaluationReport)
Q_DECLARE_METATYPE(bertbench::Prediction)
Q_DECLARE_METATYPE(bertbench::ModelHandle)

// Once, before the first queued connection carries one of these.
void registerWorkbenchMetaTypes();

// std::string <-> QString without thinking about encodings at every call.
inline QString qs(const std::string& s) { return QString::fromStdString(s); }
inline std::string ss(const QString& s) { return s.toStdString(); }
QStringList toQStringList(const std::vector<std::string>& list);
std::vector<std::string> toStdVector(const QStringList& list);
