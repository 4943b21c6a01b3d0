// EngineWorker: the engine's short jobs (import, open/create/save a model,
// evaluate) on its own thread. Requests arrive as queued slot calls and run
// one after another; results and failures leave as queued signals. Every slot
// catches OperationCancelled (the user's choice, reported as cancelled()),
// then bertbench::Error and std::exception (reported as failed() with the
// engine's message), so nothing escapes into the event loop.
#pragma once

#include "workbench_types.h"

#include <QObject>
#include <atomic>
#include <functional>

class EngineWorker : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // Thread-safe: asks a running import to stop at its next progress report.
    void cancelImport() { cancelImport_ = true; }

public slots:
    void importDataset(const ImportRequest& request, const QStringList& labels);
    void openModel(const QString& folder, const QStringList& labels);
    void createModel(const QString& preset, const QString& vocabPath, const QStringList& labels, bool lowercase,
                     quint64 seed);
    void saveModel(const bertbench::ModelHandle& model, const QString& folder);
    void evaluate(const bertbench::ModelHandle& model, const DatasetPtr& data, const QString& split, int maxLength);

signals:
    void progress(const QString& what, double fraction);
    void datasetImported(const ImportedData& data);
    void modelReady(const LoadedModel& model);
    void modelSaved(const QString& folder);
    void evaluated(const EvaluationOutcome& outcome);
    void cancelled(const QString& what);
    void failed(const QString& what, const QString& message);

private:
    // Runs job, turning every exception into cancelled()/failed() for `what`.
    void guarded(const QString& what, const std::function<void()>& job);

    std::atomic<bool> cancelImport_{false};
};
