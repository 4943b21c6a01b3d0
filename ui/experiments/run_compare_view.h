// RunCompareView: the runs chosen on the Runs page side by side — their
// loss, learning-rate or validation curves overlaid (x: step, epoch or
// training time; TensorBoard's smoothing), a table of their settings with the
// options that differ highlighted, and their metrics. The chart saves as PNG
// or SVG and its curves as CSV. The numbers come from core/experiments'
// run_comparison, the code behind `bertbench-cli runs --compare`.
#pragma once

#include "experiments/run_comparison.h"

#include <QWidget>
#include <vector>

class RunCurvesPlot;
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;
class QTableWidget;

class RunCompareView : public QWidget {
    Q_OBJECT

public:
    explicit RunCompareView(QWidget* parent = nullptr);

    void setRuns(const std::vector<bertbench::RunRecord>& runs);
    int runCount() const { return int(runs_.size()); }

    void setCurve(bertbench::CurveKind kind);
    void setAxis(bertbench::CurveAxis axis);
    void setSmoothing(double weight);  // [0, 0.99]
    void setOnlyDifferences(bool only);

    RunCurvesPlot* plot() const { return plot_; }
    QTableWidget* settingsTable() const { return settings_; }
    QTableWidget* metricsTable() const { return metrics_; }
    const bertbench::AlignedCurves& curves() const { return aligned_; }

    // "" on success, otherwise a message naming the file.
    QString saveFigure(const QString& path);
    QString saveCsv(const QString& path) const;

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void redraw();
    void fillSettings();
    void fillMetrics();
    void exportFigure();
    void exportCsv();
    QString metricKey() const;

    std::vector<bertbench::RunRecord> runs_;
    std::vector<bertbench::RunCurves> runCurves_;
    bertbench::AlignedCurves aligned_;

    QLabel *curveLabel_, *axisLabel_, *smoothingLabel_, *hint_;
    QComboBox *curve_, *axis_;
    QSlider* smoothing_;
    QCheckBox* onlyDifferences_;
    QPushButton *saveFigure_, *saveCsv_;
    RunCurvesPlot* plot_;
    QTableWidget *settings_, *metrics_;
};
