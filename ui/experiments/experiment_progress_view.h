// ExperimentProgressView: how the Runs page's experiment goes — for a sweep
// or a run repeated with other seeds: runs done of all, the running one and
// its step, the best so far, the time left, Stop and Continue, the finished
// runs ranked by the metric, and a scatter of one varied option against the
// metric; for seeds, the mean and spread of the metric; for a reproduction,
// whether its loss curve matches the original bit for bit.
#pragma once

#include <QWidget>

class ExperimentRunner;
class SweepScatterPlot;
class QComboBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

class ExperimentProgressView : public QWidget {
    Q_OBJECT

public:
    explicit ExperimentProgressView(ExperimentRunner* runner, QWidget* parent = nullptr);

    QString headline() const;
    QString bestText() const;
    QString etaText() const;
    QString spreadText() const;        // seeds: "MCC 0.412 ± 0.031 over 3 seeds"; "" otherwise
    QString reproductionText() const;  // a reproduction's verdict; "" otherwise
    QTableWidget* ranking() const { return ranking_; }
    SweepScatterPlot* scatter() const { return scatter_; }
    QProgressBar* progress() const { return progress_; }

protected:
    void changeEvent(QEvent* event) override;

private:
    void refresh();
    void fillRanking();
    void fillScatter();
    void retranslateUi();

    ExperimentRunner* runner_;
    QLabel *headline_, *current_, *best_, *eta_, *spread_, *reproduction_, *scatterLabel_;
    QProgressBar* progress_;
    QPushButton *stop_, *continue_;
    QTableWidget* ranking_;
    QComboBox* scatterOption_;
    SweepScatterPlot* scatter_;
};
