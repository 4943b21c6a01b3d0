// WorkbenchSession: the GUI's adapter over the engine's one Session
// (core/session/session.h), which owns the data, the model and every job.
// It turns the session's completions and progress, which arrive on the engine
// thread, into queued signals on the GUI thread, and keeps a GUI-thread copy
// of what the pages show (the imported data, the model's summary, whether it
// has unsaved training). Pages call its methods and listen to its signals;
// nothing here blocks the GUI thread. The session's refusals arrive as
// errorOccurred() with its message, or as a question the window asks
// (replaceFolderQuestion()) before repeating the request.
#pragma once

#include "session/workbench_types.h"

#include "session/session_types.h"

#include <QObject>
#include <functional>
#include <memory>

namespace bertbench {
class Session;
}

class WorkbenchSession : public QObject {
    Q_OBJECT

public:
    explicit WorkbenchSession(QObject* parent = nullptr);
    ~WorkbenchSession() override;

    // For the training and prediction front ends; the engine outlives neither.
    bertbench::Session& engine() { return *engine_; }

    const ImportedData& data() const { return data_; }
    const ImportedData& holdout() const { return holdout_; }
    const LoadedModel& model() const { return model_; }
    bool hasData() const { return bool(data_.train); }
    bool hasModel() const { return hasModel_; }
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
    // A model with unsaved training is replaced only when discardConfirmed;
    // otherwise the session refuses and discardQuestion() asks the user.
    void openModel(const QString& folder, bool discardConfirmed = false);
    // vocabPath: a vocab.txt, or a folder holding a model's tokenizer files
    // (vocab.json and merges.txt for RoBERTa's byte-level BPE).
    void createModel(const QString& preset, const QString& vocabPath, bool lowercase, quint64 seed,
                     bertbench::ModelFamily family = bertbench::ModelFamily::Bert, bool discardConfirmed = false);
    // replaceConfirmed: the user agreed to replace the model already in `folder`.
    void saveModel(const QString& folder, bool replaceConfirmed = false);
    void evaluate(const QString& split, int maxLength);
    // Re-reads the model's summary and unsaved state, after training changed them.
    void refreshModel();

signals:
    void dataChanged();
    void holdoutChanged();
    void modelChanged();
    void modelDirtyChanged(bool dirty);
    void modelSaved(const QString& folder);
    void replaceFolderQuestion(const QString& folder);
    // `proceed` repeats the refused request, discarding the unsaved training.
    void discardQuestion(const QString& question, const std::function<void()>& proceed);
    void evaluated(const EvaluationOutcome& outcome);
    void busyChanged(bool busy);
    void progress(const QString& what, double fraction);
    void statusMessage(const QString& message);
    void errorOccurred(const QString& title, const QString& message);

    // The running training's reports, as the engine sends them.
    void trainingStarted(qint64 totalSteps, qint64 trainableParameters, bool maskedLM);
    void trainingStep(const bertbench::StepReport& report);
    void trainingEvaluation(const bertbench::EvaluationReport& report);
    void engineMessage(const QString& line);

private:
    template <class T, class Handler>
    // `finally` runs on the GUI thread however the job ends, cancelled included.
    std::function<void(const bertbench::Outcome<T>&)> onGuiThread(const QString& what, Handler handler,
                                                                  std::function<void()> finally = {});
    void jobStarted();
    void jobDone();
    void setModel(const bertbench::ModelSummary& summary, const QString& folder, bool dirty);
    // True (and the question asked) when `outcome` is the session's refusal to discard unsaved training.
    template <class T>
    bool askedToDiscard(const bertbench::Outcome<T>& outcome, const QString& question, std::function<void()> proceed);

    ImportedData data_, holdout_;
    LoadedModel model_;
    bool hasModel_ = false;
    bool modelDirty_ = false;
    int busyJobs_ = 0;
    int modelJobs_ = 0;  // opens and creates in flight: an import then makes no model of its own
    QString defaultVocab_;
    QString autoPreset_ = QStringLiteral("tiny");
    quint64 autoSeed_ = 42;
    std::unique_ptr<bertbench::Session> engine_;  // last: its thread stops before the rest goes
};
