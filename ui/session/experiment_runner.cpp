// ExperimentRunner: see experiment_runner.h.
#include "session/experiment_runner.h"

#include "common/json_file.h"
#include "experiments/sweep_plan.h"
#include "i18n/engine_messages.h"
#include "session/workbench_types.h"

#include <QDir>
#include <QFileInfo>

using namespace bertbench;

ExperimentRunner::ExperimentRunner(QObject* parent) : QObject(parent) {}

ExperimentRunner::~ExperimentRunner() {
    if (session_) session_->cancel();
    if (worker_.joinable()) worker_.join();  // its last queued call dies with this object
}

void ExperimentRunner::onGui(std::function<void()> update) {
    QMetaObject::invokeMethod(this, std::move(update), Qt::QueuedConnection);
}

void ExperimentRunner::launch(Kind kind, const QString& folder, int total, std::function<void(Session&)> work) {
    kind_ = kind;
    folder_ = folder;
    total_ = total;
    results_.clear();
    reproduction_.reset();
    currentTrial_ = -1;
    currentStep_ = currentTotalSteps_ = 0;
    currentEta_ = -1;
    trialsSeconds_ = 0;
    trialsTimed_ = 0;
    stopped_ = false;
    active_ = true;
    clock_.start();

    stopRequested_ = false;
    Session::Callbacks callbacks;
    callbacks.onTrainingStarted = [this](int64_t totalSteps, int64_t, bool) {
        if (stopRequested_) session_->cancel();  // on the engine thread, inside the job: it stops at its first check
        onGui([this, totalSteps] {
            currentStep_ = 0;
            currentTotalSteps_ = totalSteps;
            emit stepDone();
        });
    };
    callbacks.onStep = [this](const StepReport& report) {
        onGui([this, step = report.step, totalSteps = report.totalSteps, eta = report.etaSeconds] {
            currentStep_ = step;
            currentTotalSteps_ = totalSteps;
            currentEta_ = eta;
            emit stepDone();
        });
    };
    session_ = std::make_unique<Session>(callbacks);
    emit started();
    worker_ = std::thread([this, work = std::move(work), session = session_.get()] {
        QString error;
        try {
            work(*session);
        } catch (const OperationCancelled&) {
            onGui([this] { stopped_ = true; });
        } catch (const std::exception& e) {
            error = EngineMessages::translate(qs(e.what()));
        }
        onGui([this, error] { finish(error); });
    });
}

void ExperimentRunner::finish(const QString& error) {
    if (worker_.joinable()) worker_.join();
    session_.reset();
    active_ = false;
    currentTrial_ = -1;
    if (kind_ != Kind::Reproduction && int(results_.size()) < total_) stopped_ = true;
    if (!error.isEmpty()) emit failed(error);
    emit finished();
}

void ExperimentRunner::startSweep(const nlohmann::json& source, std::vector<SweepTrial> plan, const QString& folder) {
    if (active_) return;
    original_.clear();
    runTrials(Kind::Sweep, source, std::move(plan), folder);
}

void ExperimentRunner::runTrials(Kind kind, const nlohmann::json& source, std::vector<SweepTrial> plan,
                                 const QString& folder) {
    source_ = source;
    plan_ = plan;
    const int total = int(plan.size());
    launch(kind, folder, total,
           [this, source, plan = std::move(plan), dir = ss(folder)](Session& session) {
               SweepCallbacks callbacks;
               callbacks.onTrialStarted = [this](const SweepTrial& trial, int) {
                   onGui([this, index = trial.index, params = qs(trial.assignments.dump())] {
                       currentTrial_ = index;
                       currentAssignments_ = params;
                       currentStep_ = currentTotalSteps_ = 0;
                       currentEta_ = -1;
                       trialClock_.start();
                       emit trialStarted(index);
                   });
               };
               callbacks.onTrialFinished = [this](const SweepResult& result) {
                   onGui([this, result] {
                       if (currentTrial_ == result.index) {  // ran now, not read from an earlier run of the sweep
                           trialsSeconds_ += trialClock_.elapsed() / 1000.0;
                           ++trialsTimed_;
                       }
                       results_.push_back(result);
                       currentTrial_ = -1;
                       emit trialFinished(result.index);
                   });
               };
               runSweep(session, source, plan, dir, callbacks);
           });
}

void ExperimentRunner::repeatWithSeeds(const QString& runDir, int count, const QString& folder) {
    if (active_) return;
    try {
        const auto settings = readJsonFile(ss(runDir) + "/settings.json");
        const auto options = TrainingOptions::fromJson(settings.at("options"));
        std::string seeds = "seed=";
        for (int i = 1; i <= count; ++i) seeds += (i > 1 ? "," : "") + std::to_string(options.seed + uint64_t(i));
        auto plan = planSweep(options, {parseSweepParameter(seeds)});
        original_ = runDir;
        runTrials(Kind::Seeds, settings.value("source", nlohmann::json()), std::move(plan), folder);
    } catch (const std::exception& e) {
        emit failed(EngineMessages::translate(qs(e.what())));
    }
}

void ExperimentRunner::reproduce(const QString& runDir) {
    if (active_) return;
    original_ = runDir;
    const QString out = qs(reproductionFolderFor(ss(runDir)));
    plan_.clear();
    launch(Kind::Reproduction, out, 1, [this, dir = ss(runDir), out = ss(out)](Session& session) {
        onGui([this] {
            currentTrial_ = 0;
            trialClock_.start();
            emit trialStarted(0);
        });
        const auto result = reproduceRun(session, dir, out);
        onGui([this, result] { reproduction_ = result; });
    });
}

void ExperimentRunner::continueStopped() {
    if (canContinue()) runTrials(kind_, source_, plan_, folder_);
}

void ExperimentRunner::stop() {
    if (!session_) return;
    stopRequested_ = true;
    session_->cancel();
}

std::optional<SweepResult> ExperimentRunner::best() const {
    if (results_.empty()) return std::nullopt;
    return rankSweep(results_).front();
}

double ExperimentRunner::etaSeconds() const {
    if (!active_) return -1;
    const int left = total_ - int(results_.size()) - (currentTrial_ >= 0 ? 1 : 0);
    double perTrial = trialsTimed_ > 0 ? trialsSeconds_ / trialsTimed_ : -1;
    double current = currentEta_;
    if (currentTrial_ >= 0 && perTrial < 0 && currentEta_ >= 0)
        perTrial = trialClock_.elapsed() / 1000.0 + currentEta_;  // the running trial's whole length
    if (currentTrial_ >= 0 && current < 0) current = perTrial;
    if (perTrial < 0 || (currentTrial_ >= 0 && current < 0)) return -1;
    return std::max(0.0, current) * (currentTrial_ >= 0 ? 1 : 0) + perTrial * std::max(0, left);
}
