// Session::Impl's training and adaptation jobs: fitting the head to the
// data's labels, adapting an encoder under a masked-LM head, and running the
// Trainer with the session's safe points. See session.h.
#include "checkpoint/classifier_head.h"
#include "checkpoint/encoder_transfer.h"
#include "data/label_alignment.h"
#include "distributed/data_parallel_group.h"
#include "distributed/local_data_parallel_run.h"
#include "distributed/local_launch.h"
#include "runtime/torch_runtime.h"
#include "session/session_impl.h"
#include "training/run_folder.h"

#include <filesystem>

namespace bertbench {

namespace {

std::string mismatchText(const Dataset& data, const UnknownLabel& unknown, const std::vector<std::string>& labels) {
    return "label \"" + unknown.name + "\" is not one the model knows. This model predicts " +
           std::to_string(labels.size()) + " classes (" + joinLabelNames(labels) + "); the data has " +
           std::to_string(data.labelNames.size()) + " (" + joinLabelNames(data.labelNames) +
           "). Replace the classifier head (--new-head) to train on the data's labels";
}

}  // namespace

TrainingResult Session::Impl::runTraining(const TrainRequest& request, uint64_t epoch, bool maskedLM) {
    DatasetPtr trainData, validationData, holdoutData;
    ModelHandle current;
    {
        std::lock_guard<std::mutex> lock(mutex);
        trainData = train;
        validationData = validation;
        holdoutData = holdout;
        current = model;
    }
    if (!trainData) throw UsageError("import a training dataset first");
    if (current.isNull()) throw UsageError("open or create a model first");
    auto bundle = current.bundle();
    TrainingData data;
    data.train = *trainData;
    {
        std::lock_guard<std::mutex> lock(mutex);
        data.source = sourceBlockLocked(maskedLM, request.adaptFirst.has_value(), request.newHead);
    }
    if (validationData) data.validation = *validationData;

    if (!maskedLM && request.adaptFirst) {
        TrainRequest adaptation = request;
        adaptation.options = *request.adaptFirst;
        adaptation.adaptFirst.reset();
        adaptation.runDir = request.runDir + "/adaptation";
        message("Adapting the encoder to " + trainData->source + " (masked-LM training) before fine-tuning");
        const auto adapted = runTraining(adaptation, epoch, /*maskedLM=*/true);
        if (!adapted.completed) return adapted;
    }

    if (maskedLM) {
        auto trainee = bundle;
        if (bundle->task == Task::SequenceClassification) {
            {
                std::lock_guard<std::mutex> lock(mutex);
                if (!adapter) adapter = std::make_shared<ModelBundle>(maskedLMOnEncoderOf(*bundle, request.options.seed));
                else copyEncoder(*bundle, *adapter);  // the classifier may have trained since
                trainee = adapter;
            }
        }
        const auto result = runTrainer(trainee, request, std::move(data), epoch);
        if (trainee != bundle && result.steps > 0) {
            copyEncoder(*trainee, *bundle);
            message("The classifier now has the adapted encoder; its head and labels are unchanged");
        }
        return result;
    }

    if (bundle->task != Task::SequenceClassification)
        throw UsageError("this is a masked-LM model: adapt it, or open it as a classifier to fine-tune it");
    if (request.newHead) {
        message(replaceClassifierHead(*bundle, trainData->labelNames, request.options.seed));
    } else if (bundle->classifierTrained) {
        const auto& labels = bundle->config.id2label;
        if (auto unknown = firstUnknownLabel(*trainData, labels))
            throw LabelMismatchError(FileError(trainData->source, mismatchText(*trainData, *unknown, labels),
                                               unknown->line),
                                     labels, trainData->labelNames);
    }
    if (holdoutData) data.test = *holdoutData;
    return runTrainer(bundle, request, std::move(data), epoch);
}

TrainingResult Session::Impl::runTrainer(std::shared_ptr<ModelBundle> bundle, const TrainRequest& request,
                                         TrainingData data, uint64_t epoch) {
    // Data parallelism: processes started here (this one is rank 0), or this
    // process is one rank of a run torchrun or the user started.
    const auto joined = LaunchEnvironment::fromProcessEnvironment();
    const int processes = int(request.options.processes);
    if (joined && processes > 1)
        throw UsageError("this process is already rank " + std::to_string(joined->rank) + " of " +
                         std::to_string(joined->worldSize) +
                         " (WORLD_SIZE is set, as by torchrun): leave out the number of processes, or unset WORLD_SIZE");
    std::unique_ptr<LocalDataParallelRun> local;
    std::shared_ptr<DataParallelGroup> group;
    int threadsBefore = 0;
    if (processes > 1 || joined) {
        const int localProcesses = joined ? joined->localWorldSize : processes;
        threadsBefore = torchThreads();
        const int threads = configureTorchThreads(threadsPerProcess(localProcesses));
        if (processes > 1) {
            message("Training in " + std::to_string(processes) + " processes of " + std::to_string(threads) +
                    " thread(s) each");
            local = std::make_unique<LocalDataParallelRun>(
                WorkerJob{bundle, request.options, data, request.runDir, request.resume, request.overwrite}, processes);
            group = local->group();
        } else {
            group = DataParallelGroup::join(*joined);
        }
    }
    struct ThreadsRestore {
        int threads;
        ~ThreadsRestore() {
            if (threads > 0) configureTorchThreads(threads);
        }
    } threadsRestore{threadsBefore};
    TrainingCallbacks hooks;
    hooks.onStep = callbacks.onStep;
    hooks.onEvaluation = callbacks.onEvaluation;
    hooks.onMessage = callbacks.onMessage;
    hooks.onSafePoint = [this] { engine.serveQuickJobs(); };
    // A start the trainer refuses (bad options, a locked folder) must not leave
    // behind a run folder it created for nothing.
    struct NewFolderGuard {
        std::string path;
        bool armed;
        ~NewFolderGuard() {
            if (armed) removeRunFolderIfUnused(path);
        }
    } newFolder{request.runDir, !std::filesystem::exists(request.runDir)};
    Trainer trainer(bundle, request.options, std::move(data), request.runDir, hooks, group);
    struct Publication {
        Impl& impl;
        Publication(Impl& i, Trainer& t) : impl(i) {
            std::lock_guard<std::mutex> lock(impl.mutex);
            impl.trainer = &t;
            if (impl.paused) t.pause();
        }
        ~Publication() {
            std::lock_guard<std::mutex> lock(impl.mutex);
            impl.trainer = nullptr;
        }
    } publication(*this, trainer);
    if (cancelledSince(epoch)) trainer.cancel();
    if (callbacks.onTrainingStarted)
        callbacks.onTrainingStarted(trainer.totalSteps(), trainer.trainableParameters(), bundle->task == Task::MaskedLM);
    TrainingResult result;
    try {
        result = trainer.run(request.resume, request.overwrite);
        if (local) local->finish();
    } catch (const GroupError& e) {
        if (local) throw GroupError(local->explain(e.what()));
        throw;
    }
    newFolder.armed = false;
    const ModelHandle current = currentModel();
    auto summary = current.summary();
    std::lock_guard<std::mutex> lock(mutex);
    modelSummary = std::move(summary);
    if (result.steps > 0) dirty = true;
    return result;
}

}  // namespace bertbench
