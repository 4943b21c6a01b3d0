// ExperimentRunner: runs the Runs page's experiments — a sweep, a run
// repeated with other seeds, a reproduction — in a Session of its own, on a
// thread of its own, so that they never touch the data and the model the user
// works with in the window. The experiments are core/experiments' functions,
// the ones bertbench-cli's sweep and reproduce commands call; this object
// only starts them and carries their progress to the GUI thread, where it
// keeps what the progress view shows (the finished trials, the current one).
#pragma once

#include "experiments/reproduction.h"
#include "experiments/sweep_runner.h"

#include <QElapsedTimer>
#include <QObject>
#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <thread>

class ExperimentRunner : public QObject {
    Q_OBJECT

public:
    enum class Kind { Sweep, Seeds, Reproduction };
    Q_ENUM(Kind)

    explicit ExperimentRunner(QObject* parent = nullptr);
    // Stops the experiment after its current step and waits for it.
    ~ExperimentRunner() override;

    // Each trial of `plan` from `source` (run_source.h's block) into `folder`;
    // a folder that holds the same sweep, stopped, is continued.
    void startSweep(const nlohmann::json& source, std::vector<bertbench::SweepTrial> plan, const QString& folder);
    // The run again with `count` other seeds (its seed + 1, + 2, ...), as a
    // sweep over the seed into `folder`.
    void repeatWithSeeds(const QString& runDir, int count, const QString& folder);
    // The run again with identical options and data, into RUN-reproduced.
    void reproduce(const QString& runDir);
    // Ends the experiment after the current optimizer step (resumable).
    void stop();
    // A stopped sweep or repeat continues: its finished runs are kept, the
    // stopped one resumes from its checkpoint.
    bool canContinue() const { return !active_ && stopped_ && kind_ != Kind::Reproduction && !plan_.empty(); }
    void continueStopped();

    bool isActive() const { return active_; }
    Kind kind() const { return kind_; }
    QString folder() const { return folder_; }  // the sweep's, or the reproduction's
    QString original() const { return original_; }  // the run repeated or reproduced; "" for a sweep
    int total() const { return total_; }            // trials planned (1 for a reproduction)
    const std::vector<bertbench::SweepResult>& results() const { return results_; }  // in finishing order
    std::optional<bertbench::SweepResult> best() const;
    int currentTrial() const { return currentTrial_; }  // 0-based; -1 between trials
    QString currentAssignments() const { return currentAssignments_; }
    qint64 currentStep() const { return currentStep_; }
    qint64 currentTotalSteps() const { return currentTotalSteps_; }
    // The time the experiment still needs: the finished trials' mean duration
    // for each trial left, the running one's own estimate for itself; < 0 when unknown.
    double etaSeconds() const;
    bool stopped() const { return stopped_; }  // the last experiment ended before all its trials
    const std::optional<bertbench::ReproductionResult>& reproduction() const { return reproduction_; }

signals:
    void started();
    void trialStarted(int index);
    void stepDone();
    void trialFinished(int index);
    void finished();  // completed, or stopped (stopped())
    void failed(const QString& message);

private:
    void runTrials(Kind kind, const nlohmann::json& source, std::vector<bertbench::SweepTrial> plan,
                   const QString& folder);
    // Runs `work` on the experiment thread with a new session.
    void launch(Kind kind, const QString& folder, int total, std::function<void(bertbench::Session&)> work);
    void finish(const QString& error);
    void onGui(std::function<void()> update);

    bool active_ = false, stopped_ = false;
    Kind kind_ = Kind::Sweep;
    QString folder_, original_;
    int total_ = 0;
    std::vector<bertbench::SweepResult> results_;
    int currentTrial_ = -1;
    QString currentAssignments_;
    qint64 currentStep_ = 0, currentTotalSteps_ = 0;
    double currentEta_ = -1;
    QElapsedTimer clock_;        // since the experiment started
    double trialsSeconds_ = 0;   // wall time of the trials finished in this experiment
    int trialsTimed_ = 0;
    QElapsedTimer trialClock_;
    std::optional<bertbench::ReproductionResult> reproduction_;
    nlohmann::json source_;                   // the last sweep's, for continueStopped()
    std::vector<bertbench::SweepTrial> plan_;

    // Set by stop(): a trial whose training starts after the stop (the sweep
    // was between two trials) is stopped at its first check too.
    std::atomic<bool> stopRequested_{false};
    std::unique_ptr<bertbench::Session> session_;  // the experiment's own engine
    std::thread worker_;                           // calls the blocking experiment functions
};
