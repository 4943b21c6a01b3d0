#include "training/trainer.h"

#include "checkpoint/classifier_head.h"
#include "checkpoint/model_folder.h"
#include "common/atomic_folder.h"
#include "common/errors.h"
#include "data/label_alignment.h"
#include "distributed/data_parallel_group.h"
#include "distributed/rank_agreement.h"
#include "distributed/replica_check.h"
#include "distributed/sharded_evaluation.h"
#include "runtime/torch_runtime.h"
#include "training/attention_probe_recorder.h"
#include "training/attention_probes.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/evaluator.h"
#include "training/fine_tuning_strategy.h"
#include "training/masked_lm_evaluator.h"
#include "training/option_schema.h"
#include "training/resume_check.h"
#include "training/run_folder.h"
#include "training/step_runner.h"
#include "training/training_checkpoint.h"
#include "training/unfreeze_schedule.h"

#include <torch/torch.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <filesystem>
#include <mutex>

namespace bertbench {

namespace {

using Clock = std::chrono::steady_clock;

std::string utcNow() {
    const std::time_t now = std::time(nullptr);
    std::tm utc{};
    gmtime_r(&now, &utc);
    char text[32];
    std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return text;
}

double secondsSince(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

std::vector<size_t> lengthsOf(const EncodedDataset& data) {
    std::vector<size_t> lengths;
    lengths.reserve(data.examples.size());
    for (const auto& e : data.examples) lengths.push_back(e.ids.size());
    return lengths;
}

nlohmann::json evaluationRecord(const EvaluationReport& r, const std::vector<std::string>& labels) {
    auto record = metricsToJson(r.metrics, labels);
    record["type"] = "eval";
    record["split"] = r.split;
    record["epoch"] = r.epoch;
    record["step"] = r.step;
    return record;
}

}  // namespace

struct Trainer::Impl {
    std::shared_ptr<ModelBundle> model;
    TrainingOptions options;
    TrainingData data;
    RunFolder run;
    TrainingCallbacks callbacks;
    std::shared_ptr<DataParallelGroup> group;  // null: a single process
    torch::Device device{torch::kCPU};

    EncodedDataset train, validation, test;
    std::vector<size_t> trainLengths;
    int64_t batchesPerEpoch = 0, stepsPerEpoch = 0, total = 0;
    std::unique_ptr<StepRunner> stepper;
    std::unique_ptr<AttentionProbeRecorder> probes;
    std::vector<torch::Tensor> bestWeights;  // copies of the best evaluation's parameters

    std::atomic<bool> paused{false}, cancelRequested{false};
    std::mutex pauseMutex;
    std::condition_variable pauseChanged;

    Impl(std::shared_ptr<ModelBundle> m, TrainingOptions o, TrainingData d, std::string runDir, TrainingCallbacks c,
         std::shared_ptr<DataParallelGroup> g)
        : model(std::move(m)), options(std::move(o)), data(std::move(d)), run(std::move(runDir)), callbacks(std::move(c)),
          group(std::move(g)) {
        // Only rank 0 reports; the others train silently.
        if (group && !group->environment().isCoordinator()) callbacks = {};
        options.validate();
        if (!model) throw UsageError("no model to train");
        checkDeviceAvailable(options.device);
        device = torch::Device(options.device);
        // Several processes on one machine's GPUs: one GPU each, as torchrun's LOCAL_RANK says.
        if (group && device.is_cuda() && !device.has_index())
            device = torch::Device(torch::kCUDA, static_cast<c10::DeviceIndex>(
                                                     group->environment().localRank % int(torch::cuda::device_count())));
        if (model->task == Task::SequenceClassification) {
            const auto fitted = fitClassifierHead(*model, data.train.labelNames, options.seed);
            if (!fitted.empty()) message(fitted);
            const auto& labels = model->config.id2label;
            data.train = alignLabels(std::move(data.train), labels);
            if (data.validation) data.validation = alignLabels(std::move(*data.validation), labels);
            if (data.test) data.test = alignLabels(std::move(*data.test), labels);
        }
        if (int64_t(options.maxLength) > model->maxLength)
            throw UsageError("max length " + std::to_string(options.maxLength) + " exceeds the model's maximum of " +
                             std::to_string(model->maxLength) + " tokens");
        message("Tokenizing " + data.train.source + " ...");
        train = encode(data.train);
        if (train.examples.empty()) throw UsageError("the training data has no examples");
        if (data.validation) validation = encode(*data.validation);
        if (data.test) test = encode(*data.test);
        trainLengths = lengthsOf(train);
        probes = std::make_unique<AttentionProbeRecorder>(*model, options, data.validation ? &*data.validation : nullptr);
        batchesPerEpoch = (int64_t(train.examples.size()) + options.batchSize - 1) / options.batchSize;
        stepsPerEpoch = (batchesPerEpoch + options.gradientAccumulation - 1) / options.gradientAccumulation;
        total = options.maxSteps > 0 ? options.maxSteps : options.epochs * stepsPerEpoch;

        torch::manual_seed(options.seed);
        applyFineTuningStrategy(*model, options);
        try {
            model->module().to(device);
            stepper = std::make_unique<StepRunner>(*model, options, train, device, total, group.get());
        } catch (...) {
            endFineTuningStrategy(*model);
            throw;
        }
    }

    ~Impl() { endFineTuningStrategy(*model); }

    bool coordinator() const { return !group || group->environment().isCoordinator(); }
    int worldSize() const { return group ? group->size() : 1; }

    std::vector<torch::Tensor> allParameters() const { return model->module().parameters(); }

    // Pause and stop, agreed between steps by every rank of a group; a single process just waits.
    bool proceed() {
        if (!group) return waitWhilePaused();
        return agreeToContinue(*group, paused, cancelRequested, [this] { safePoint(); });
    }

    void checkpoint(const TrainerPosition& position) {
        if (coordinator()) saveTrainingCheckpoint(run.checkpointDir(), *model->model, stepper->optimizer(), position);
    }

    void safePoint() {
        if (callbacks.onSafePoint) callbacks.onSafePoint();
    }

    EncodedDataset encode(const Dataset& dataset) {
        auto encoded = encodeDataset(dataset, *model->tokenizer, size_t(options.maxLength));
        if (encoded.truncated > 0)
            message(std::to_string(encoded.truncated) + " of " + std::to_string(encoded.examples.size()) +
                    " examples in " + dataset.source + " are longer than " + std::to_string(options.maxLength) +
                    " tokens and were truncated");
        return encoded;
    }

    void message(const std::string& text) {
        if (callbacks.onMessage) callbacks.onMessage(text);
    }

    // Blocks while paused, still serving the safe point (a paused run answers
    // predictions); returns false when the run should stop.
    bool waitWhilePaused() {
        std::unique_lock<std::mutex> lock(pauseMutex);
        while (paused && !cancelRequested) {
            lock.unlock();
            safePoint();
            lock.lock();
            pauseChanged.wait_for(lock, std::chrono::milliseconds(20), [&] { return !paused || cancelRequested; });
        }
        return !cancelRequested;
    }

    std::optional<EvaluationReport> evaluate(const EncodedDataset& set, const std::string& split, int64_t epoch,
                                             int64_t step) {
        if (set.examples.empty()) return std::nullopt;
        EvaluationReport report;
        report.split = split;
        report.epoch = epoch;
        report.step = step;
        if (group) {
            group->setPhase(split + " evaluation after step " + std::to_string(step));
            checkReplicasAgree(*group, allParameters());
        }
        if (model->task == Task::MaskedLM) {
            const auto result =
                group ? evaluateMaskedLMSharded(*group, *model->model, set, *model->tokenizer, model->config.vocabSize,
                                                options.evalBatchSize, device)
                      : evaluateMaskedLM(*model->model, set, *model->tokenizer, model->config.vocabSize,
                                         options.evalBatchSize, device);
            if (result.maskedTokens == 0) {
                message("The " + split + " data is too short to mask a token; it is not evaluated");
                return std::nullopt;
            }
            report.metrics.count = result.examples;
            report.metrics.loss = result.loss;
            report.metrics.perplexity = result.perplexity;
            return report;
        }
        report.metrics = group ? evaluateClassifierSharded(*group, *model->model, set, model->tokenizer->padId(),
                                                           options.evalBatchSize, device)
                               : evaluateClassifier(*model->model, set, model->tokenizer->padId(),
                                                    options.evalBatchSize, device)
                                     .metrics;
        return report;
    }

    // options.metric names classification metrics; a masked-LM run has only its loss.
    std::string selectionMetric() const { return model->task == Task::MaskedLM ? "loss" : options.metric; }

    void publish(const EvaluationReport& report) {
        if (!coordinator()) return;
        run.appendMetrics(evaluationRecord(report, model->config.id2label));
        if (callbacks.onEvaluation) callbacks.onEvaluation(report);
    }

    void keepBest() {
        torch::NoGradGuard noGrad;
        bestWeights.clear();
        for (const auto& p : model->module().parameters()) bestWeights.push_back(p.detach().clone());
        if (!coordinator()) return;
        // Built aside and swapped in whole: best/ is always one complete model.
        const auto partial = partialFolderFor(run.bestModelDir());
        std::error_code ignored;
        try {
            std::filesystem::remove_all(partial);
            saveModelFolder(*model, partial);
        } catch (...) {
            std::filesystem::remove_all(partial, ignored);  // the previous best/ stays in place
            throw;
        }
        replaceFolder(partial, run.bestModelDir());
    }

    void restoreBest() {
        torch::NoGradGuard noGrad;
        auto parameters = model->module().parameters();
        for (size_t i = 0; i < parameters.size() && i < bestWeights.size(); ++i) parameters[i].copy_(bestWeights[i]);
    }

    nlohmann::json settingsJson() const {
        auto source = [](const std::optional<Dataset>& d) { return d ? nlohmann::json(d->source) : nlohmann::json(); };
        auto hash = [](const std::optional<Dataset>& d) { return d ? nlohmann::json(contentHash(*d)) : nlohmann::json(); };
        return {{"options", options.toJson()},
                {"task", model->architecture()},
                {"model", model->config.toJson()},
                {"data",
                 {{"train", data.train.source},
                  {"train_hash", contentHash(data.train)},
                  {"validation_hash", hash(data.validation)},
                  {"test_hash", hash(data.test)},
                  {"train_examples", train.examples.size()},
                  {"validation", source(data.validation)},
                  {"validation_examples", validation.examples.size()},
                  {"test", source(data.test)},
                  {"test_examples", test.examples.size()}}},
                {"labels", model->config.id2label},
                {"total_steps", total},
                {"world_size", worldSize()},
                {"started_at", utcNow()},
                {"source", data.source},
                {"runtime", runtimeDescription()}};
    }

    // Rank 0's start of the run: lock the folder, check and load what resuming
    // needs, write settings.json, open metrics.jsonl. Returns whether a
    // checkpoint was loaded.
    bool openRunFolder(bool resume, bool overwrite, TrainerPosition& position);

    TrainingResult runLoop(bool resume, bool overwrite);
};

bool Trainer::Impl::openRunFolder(bool resume, bool overwrite, TrainerPosition& position) {
    bool resumed = false;
    if (!resume && run.holdsRun()) {
        if (!overwrite)
            throw UsageError(run.path() + " already holds a run (settings.json): resume it, or overwrite it to start over");
        run.clearRun();
    }
    if (resume) {
        const auto saved = run.readSettings();
        if (saved.is_null())
            throw FileError(run.path(), "no checkpoint to resume from: the folder holds no run (no settings.json)");
        const auto differences = resumeDifferences(saved, options, settingsJson(), run.path() + "/settings.json");
        if (!differences.empty()) {
            std::string text = "cannot resume " + run.path() + " with other settings than it started with:";
            for (const auto& d : differences) text += "\n  " + d;
            throw UsageError(text + "\nleave these out to continue with the run's own settings (settings.json)");
        }
        if (loadTrainingCheckpoint(run.checkpointDir(), *model->model, stepper->optimizer(), position)) {
            if (position.worldSize != worldSize())
                throw UsageError("the checkpoint in " + run.checkpointDir() + " was written by " +
                                 std::to_string(position.worldSize) + " process" +
                                 (position.worldSize == 1 ? "" : "es") + ", and a run resumes only with as many: " +
                                 "resume it with --nproc " + std::to_string(position.worldSize) + " (this start has " +
                                 std::to_string(worldSize()) + ")");
            resumed = true;
            message("Resuming at step " + std::to_string(position.step) + " of " + std::to_string(total));
        } else {
            // Stopped before its first checkpoint: nothing was kept, so the run
            // starts over, exactly as it first began (the same seed, the same order).
            message("No checkpoint yet in " + run.path() + "; starting the run from the beginning");
            run.writeSettings(settingsJson());
        }
    } else {
        run.writeSettings(settingsJson());
    }
    run.openMetrics(position.step);
    removeAttentionProbesAfter(run.path(), position.step);  // as metrics.jsonl: the resumed run takes them anew
    return resumed;
}

TrainingResult Trainer::Impl::runLoop(bool resume, bool overwrite) {
    TrainerPosition position;
    position.worldSize = worldSize();
    auto& module = model->module();
    // One process per run folder (repairing what a kill left): rank 0's.
    std::optional<RunFolder::Lock> lock;
    if (coordinator()) lock.emplace(run);
    if (!group) {
        openRunFolder(resume, overwrite, position);
    } else {
        // Every rank must hear whether rank 0 could start, or they would wait for it until the timeout.
        std::string failure;
        std::exception_ptr error;
        bool resumed = false;
        if (coordinator()) {
            try {
                resumed = openRunFolder(resume, overwrite, position);
            } catch (const Error& e) {
                failure = e.what();
                error = std::current_exception();
            }
        }
        shareStart(*group, failure, position, resumed, allParameters(), stepper->optimizer());
        if (error) std::rethrow_exception(error);
    }
    module.train();
    int64_t stage = unfreezeStage(options, position.step, position.epoch);
    applyUnfreezeStage(*model, options, stage);
    safePoint();

    TrainingResult result;
    const std::string metric = selectionMetric();
    const bool higher = higherIsBetter(metric);
    double trainSeconds = 0, secondsAtCheckpoint = 0;
    int64_t stepsThisSession = 0;
    bool stop = false;
    for (int64_t epoch = position.epoch; !stop && position.step < total; ++epoch) {
        const auto plan = planEpoch(trainLengths, options.batchSize, options.shuffle, options.seed, epoch);
        int64_t batch = epoch == position.epoch ? position.batchInEpoch : 0;
        while (batch < int64_t(plan.size()) && position.step < total) {
            if (!proceed()) break;
            if (group) torch::manual_seed(stepSeed(options.seed, position.step, group->rank()));
            std::string unfrozen;
            if (const int64_t due = unfreezeStage(options, position.step, epoch); due != stage) {
                unfrozen = applyUnfreezeStage(*model, options, due);
                stage = due;
                if (!unfrozen.empty()) {
                    message("Step " + std::to_string(position.step + 1) + ": unfreezing " + unfrozen);
                    // Recorded as after the step before, so that a run resumed from that
                    // step's checkpoint keeps the record (metrics.jsonl keeps steps up to it).
                    if (coordinator())
                        run.appendMetrics({{"type", "unfreeze"}, {"step", position.step}, {"unfrozen", unfrozen}});
                }
            }
            const auto start = Clock::now();
            const int64_t micro = std::min<int64_t>(options.gradientAccumulation, int64_t(plan.size()) - batch);
            const auto outcome =
                stepper->step(plan, size_t(batch), size_t(batch + micro), position.step, &cancelRequested);
            if (!outcome) break;
            batch += micro;
            position.step += 1;
            position.epoch = epoch;
            position.batchInEpoch = batch;

            const double seconds = secondsSince(start);
            trainSeconds += seconds;
            StepReport report;
            report.step = position.step;
            report.totalSteps = total;
            report.epoch = epoch;
            report.epochProgress = double(epoch) + double(batch) / double(plan.size());
            report.loss = outcome->loss;
            report.learningRate = outcome->learningRate;
            report.gradNorm = outcome->gradNorm;
            report.samplesPerSecond = double(outcome->examples) / seconds;
            report.tokensPerSecond = double(outcome->tokens) / seconds;
            report.elapsedSeconds = trainSeconds;
            report.etaSeconds = trainSeconds / double(++stepsThisSession) * double(total - position.step);
            report.unfrozen = unfrozen;
            if (group && position.step % kReplicaCheckInterval == 0) checkReplicasAgree(*group, allParameters());
            if (coordinator())
                run.appendMetrics({{"type", "step"},
                               {"step", report.step},
                               {"epoch", report.epochProgress},
                               {"loss", report.loss},
                               {"lr", report.learningRate},
                               {"grad_norm", report.gradNorm},
                               {"samples_per_s", report.samplesPerSecond},
                               {"tokens_per_s", report.tokensPerSecond},
                               {"seconds", report.elapsedSeconds}});
            if (callbacks.onStep) callbacks.onStep(report);
            const bool stepsDue = options.checkpointSteps > 0 && position.step % options.checkpointSteps == 0;
            const bool timeDue =
                options.checkpointMinutes > 0 && trainSeconds - secondsAtCheckpoint >= options.checkpointMinutes * 60;
            if ((stepsDue || timeDue) && position.step < total) {
                checkpoint(position);
                secondsAtCheckpoint = trainSeconds;
            }
            safePoint();
        }
        if (cancelRequested) {
            checkpoint(position);
            message("Stopped at step " + std::to_string(position.step) + "; the checkpoint can be resumed");
            result.completed = false;
            result.steps = position.step;
            result.bestStep = position.bestStep;
            if (coordinator())
                run.writeReport({{"completed", false}, {"steps", position.step}, {"best_step", position.bestStep}});
            return result;
        }
        // The epoch (or the step budget) is done: evaluate, keep the best, checkpoint.
        if (batch >= int64_t(plan.size())) {
            position.epoch = epoch + 1;
            position.batchInEpoch = 0;
        }
        const std::string probeFile = coordinator() ? probes->record(*model, run.path(), position.step, epoch) : "";
        if (auto report = evaluate(validation, "validation", epoch, position.step)) {
            report->attentionProbesFile = probeFile;
            const double value = metricValue(report->metrics, metric);
            report->improved = position.bestStep < 0 || (higher ? value > position.bestMetric : value < position.bestMetric);
            if (report->improved) {
                position.bestMetric = value;
                position.bestStep = position.step;
                position.evaluationsWithoutImprovement = 0;
                result.bestValidation = report->metrics;
                keepBest();
            } else {
                ++position.evaluationsWithoutImprovement;
            }
            publish(*report);
            safePoint();
            if (options.earlyStoppingPatience > 0 && position.evaluationsWithoutImprovement >= options.earlyStoppingPatience) {
                message("Early stopping: " + metric + " has not improved for " +
                        std::to_string(options.earlyStoppingPatience) + " evaluations");
                result.stoppedEarly = true;
                stop = true;
            }
        }
        checkpoint(position);
    }

    if (validation.examples.empty() || position.bestStep < 0) {
        keepBest();  // without validation (or none evaluated), the best model is the last one
        position.bestStep = position.step;
    } else if (!bestWeights.empty()) {
        restoreBest();
    } else if (position.bestStep >= 0 && position.bestStep != position.step) {
        // Resumed after the best evaluation: its weights are only in the best
        // folder (rank 0's), which holds them merged, so adapters are merged first.
        endFineTuningStrategy(*model);
        if (coordinator())
            applyStateDict(*model->model, readStateDict(run.bestModelDir() + "/model.safetensors"),
                           run.bestModelDir());
        if (group) broadcastParameters(*group, allParameters());
    }
    module.eval();
    result.completed = true;
    result.steps = position.step;
    result.bestStep = position.bestStep;
    result.bestModelDir = run.bestModelDir();
    nlohmann::json report = {{"completed", true},
                             {"stopped_early", result.stoppedEarly},
                             {"steps", position.step},
                             {"best_step", position.bestStep},
                             {"train_seconds", trainSeconds}};
    if (result.bestValidation) report["validation"] = metricsToJson(*result.bestValidation, model->config.id2label);
    // The test report belongs to the last epoch trained (0-based, as validation's).
    const int64_t lastEpoch = position.batchInEpoch == 0 ? std::max<int64_t>(position.epoch - 1, 0) : position.epoch;
    if (auto testReport = evaluate(test, "test", lastEpoch, position.step)) {
        result.test = testReport->metrics;
        publish(*testReport);
        report["test"] = metricsToJson(testReport->metrics, model->config.id2label);
    }
    if (coordinator()) run.writeReport(report);
    return result;
}

Trainer::Trainer(std::shared_ptr<ModelBundle> model, TrainingOptions options, TrainingData data, std::string runDir,
                 TrainingCallbacks callbacks, std::shared_ptr<DataParallelGroup> group)
    : impl_(std::make_unique<Impl>(std::move(model), std::move(options), std::move(data), std::move(runDir),
                                   std::move(callbacks), std::move(group))) {}

Trainer::~Trainer() = default;

TrainingResult Trainer::run(bool resume, bool overwrite) {
    // However the run ends, the model is left plain: adapters merged, all trainable.
    struct StrategyEnd {
        ModelBundle& model;
        ~StrategyEnd() { endFineTuningStrategy(model); }
    } strategyEnd{*impl_->model};
    try {
        auto result = impl_->runLoop(resume, overwrite);
        auto& model = *impl_->model;
        if (result.steps > 0 && model.task == Task::SequenceClassification) model.classifierTrained = true;
        return result;
    } catch (const c10::Error& e) {
        throw Error(std::string("training failed: ") + e.what_without_backtrace());
    }
}

void Trainer::pause() { impl_->paused = true; }

void Trainer::resume() {
    {
        std::lock_guard<std::mutex> lock(impl_->pauseMutex);
        impl_->paused = false;
    }
    impl_->pauseChanged.notify_all();
}

void Trainer::cancel() {
    {
        std::lock_guard<std::mutex> lock(impl_->pauseMutex);
        impl_->cancelRequested = true;
    }
    impl_->pauseChanged.notify_all();
}

bool Trainer::isPaused() const { return impl_->paused; }
int64_t Trainer::totalSteps() const { return impl_->total; }

int64_t Trainer::trainableParameters() const { return countParameters(impl_->model->module()).trainable; }
int64_t Trainer::totalParameters() const { return countParameters(impl_->model->module()).total; }

}  // namespace bertbench
