// TrainingWorker: see training_worker.h.
#include "training_worker.h"

#include "common/errors.h"

#include <QDir>
#include <QMutexLocker>
#include <QTemporaryDir>

using namespace bertbench;

void TrainingWorker::pause() {
    QMutexLocker lock(&mutex_);
    if (trainer_) trainer_->pause();
}

void TrainingWorker::resume() {
    QMutexLocker lock(&mutex_);
    if (trainer_) trainer_->resume();
}

void TrainingWorker::cancel() {
    QMutexLocker lock(&mutex_);
    cancelRequested_ = true;
    if (trainer_) trainer_->cancel();
}

void TrainingWorker::train(const TrainingJob& job) {
    {
        QMutexLocker lock(&mutex_);
        cancelRequested_ = false;
    }
    try {
        emit finished(runJob(job));
    } catch (const OperationCancelled&) {
        TrainingOutcome outcome;
        outcome.maskedLM = job.maskedLM;
        emit finished(outcome);
    } catch (const Error& e) {
        emit failed(QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        emit failed(tr("Unexpected error: %1").arg(QString::fromUtf8(e.what())));
    }
}

TrainingOutcome TrainingWorker::runJob(const TrainingJob& job) {
    TrainingOutcome outcome;
    outcome.maskedLM = job.maskedLM;

    ModelHandle model = job.model;
    QString mlmFolder;
    std::unique_ptr<QTemporaryDir> handover;
    if (job.maskedLM) {
        // Domain adaptation trains the classifier's encoder under a masked-LM head:
        // hand the encoder over through a folder, as the engine opens models from folders.
        handover = std::make_unique<QTemporaryDir>();
        if (!handover->isValid()) throw FileError(ss(handover->path()), ss(tr("cannot create a temporary folder")));
        emit message(tr("Preparing the masked-LM model from the current encoder"));
        job.model.save(ss(handover->filePath("classifier")));
        model = ModelHandle::openMaskedLM(ss(handover->filePath("classifier")));
        mlmFolder = QDir(job.runDir).filePath(QStringLiteral("adapted-encoder"));
    }

    TrainingData data;
    data.train = *job.train;
    if (job.validation && !job.maskedLM) data.validation = *job.validation;
    if (job.test && !job.maskedLM) data.test = *job.test;

    TrainingCallbacks callbacks;
    callbacks.onStep = [this](const StepReport& r) { emit step(r); };
    callbacks.onEvaluation = [this](const EvaluationReport& r) { emit evaluation(r); };
    callbacks.onMessage = [this](const std::string& line) { emit message(qs(line)); };

    Trainer trainer(model.bundle(), job.options, std::move(data), ss(job.runDir), callbacks);
    // Unpublishes the trainer before it is destroyed, even when run() throws,
    // so a late cancel() from the GUI never reaches a dead object.
    struct Publication {
        TrainingWorker* self;
        ~Publication() {
            QMutexLocker lock(&self->mutex_);
            self->trainer_ = nullptr;
        }
    } publication{this};
    {
        QMutexLocker lock(&mutex_);
        trainer_ = &trainer;
        if (cancelRequested_) trainer.cancel();
    }
    emit started(trainer.totalSteps(), trainer.trainableParameters());
    outcome.result = trainer.run(job.resume);

    if (job.maskedLM && outcome.result.steps > 0) {
        model.save(ss(mlmFolder));
        emit message(tr("Adapted encoder saved to %1").arg(mlmFolder));
        outcome.adapted.handle = ModelHandle::openClassifier(ss(mlmFolder));
        outcome.adapted.summary = outcome.adapted.handle.summary();
        outcome.adapted.folder = mlmFolder;
    }
    return outcome;
}
