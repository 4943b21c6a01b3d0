// TrainPage: runs training and shows it live — Start, Pause/Resume, Stop (the
// engine keeps a resumable checkpoint) and Continue; a progress bar with ETA
// and throughput; the charts; a log; export of the charts as PNG and of the
// metrics as CSV. The options come from the Hyperparameters page; the number
// of training processes is also offered here, next to Start.
#pragma once

#include <QWidget>

#include "session/workbench_types.h"

class HyperparametersPage;
class TrainingChartsPlot;
class TrainingController;
class WorkbenchSession;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;

class TrainPage : public QWidget {
    Q_OBJECT

public:
    TrainPage(WorkbenchSession* session, TrainingController* training, HyperparametersPage* hyperparameters,
              QWidget* parent = nullptr);

    TrainingChartsPlot* charts() const { return charts_; }
    void start();
    void togglePause();
    void stop();
    void exportCharts();
    void exportMetrics();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateButtons();
    void onStarted(qint64 totalSteps, qint64 trainable, bool maskedLM);
    void onStep(const bertbench::StepReport& r);
    void onEvaluation(const bertbench::EvaluationReport& r);
    void onFinished(const TrainingOutcome& outcome);
    void log(const QString& line);
    static QString duration(double seconds);
    void showFacts(bool withEta);
    QString chanceText() const;

    WorkbenchSession* session_;
    TrainingController* training_;
    HyperparametersPage* hyperparameters_;
    TrainingChartsPlot* charts_;
    QPushButton *start_, *pause_, *stop_, *continue_, *exportPng_, *exportCsv_;
    // The options' "processes" (data parallelism), next to Start: the same
    // field as the Hyperparameters page's, which it edits.
    QLabel* processesLabel_;
    QSpinBox* processes_;
    QProgressBar* progress_;
    QLabel *stepText_, *speedText_, *etaText_, *bestText_;
    QPlainTextEdit* log_;
    bool showingRun_ = false;  // a masked-LM adaptation is not drawn here
    double bestMcc_ = -2;      // of this run's evaluations; -2 = none yet
    double bestShownMcc_ = 0;  // the metric of the best checkpoint, at bestStep_
    int64_t bestStep_ = -1;
    QLabel* chanceNote_;       // why an MCC near 0 is what a new model gets on CoLA
    bertbench::StepReport last_;
};
