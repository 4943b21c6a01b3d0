// WorkbenchSession: the state every page shares — the imported training data
// (split into train/validation), the holdout file, the current model and
// whether it has unsaved training — and the engine worker thread that loads
// and saves them. Pages call its methods and listen to its signals; nothing
// here blocks the GUI thread. Engine errors arrive as errorOccurred() with
// the engine's message for a dialog.
#pragma once

#include "workbench_types.h"

#include <QObject>
#include <memory>

class EngineWorker;
class WorkerThread;

class WorkbenchSession : public QObject {
    Q_OBJECT

public:
    explicit WorkbenchSession(QObject* parent = nullptr);
    ~WorkbenchSession() override;

    const ImportedData& data() const { return data_; }
    const ImportedData& holdout() const { return holdout_; }
    const LoadedModel& model() const { return model_; }
    bool hasData() const { return bool(data_.train); }
    bool hasModel() const { return !model_.handle.isNull(); }
    bool modelDirty() const { return modelDirty_; }
    bool isBusy() const { return busyJobs_ > 0; }
    QStringList labelNames() const;
    DatasetPtr split(const QString& name) const;  // "train" | "validation" | "holdout"

    // The vocabulary new models and token statistics use when no model folder gives one.
    QString defaultVocabPath() const { return defaultVocab_; }
    void setDefaultVocabPath(const QString& path) { defaultVocab_ = path; }
    // Created automatically after the first import when no model is loaded.
    void setAutoCreatePreset(const QString& preset) { autoPreset_ = preset; }

    void importDataset(const ImportRequest& request);
    void importHoldout(const ImportRequest& request);
    void cancelImport();
    void openModel(const QString& folder);
    void createModel(const QString& preset, const QString& vocabPath, bool lowercase, quint64 seed);
    void saveModel(const QString& folder);
    void evaluate(const QString& split, int maxLength);

    // Used by training: the weights changed in place, or a new model replaces the old.
    void markModelTrained();
    void replaceModel(const LoadedModel& model, bool dirty);

signals:
    void dataChanged();
    void holdoutChanged();
    void modelChanged();
    void modelDirtyChanged(bool dirty);
    void modelSaved(const QString& folder);
    void evaluated(const EvaluationOutcome& outcome);
    void busyChanged(bool busy);
    void progress(const QString& what, double fraction);
    void statusMessage(const QString& message);
    void errorOccurred(const QString& title, const QString& message);

private:
    void run(std::function<void(EngineWorker*)> job);
    void jobDone();
    void onImported(const ImportedData& data);
    void onModelReady(const LoadedModel& model);

    std::unique_ptr<WorkerThread> thread_;
    EngineWorker* engine_ = nullptr;
    ImportedData data_, holdout_;
    LoadedModel model_;
    bool modelDirty_ = false;
    int busyJobs_ = 0;
    QString defaultVocab_;
    QString autoPreset_ = QStringLiteral("tiny");
    quint64 autoSeed_ = 42;
};
