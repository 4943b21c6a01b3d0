// TrainingChartsPlot: the Train page's live charts — loss per step (raw and
// smoothed), learning rate per step, and validation accuracy / MCC / F1 per
// epoch. Every point is kept, but at most kMaxDrawn points per series are
// drawn (min/max per bucket for the raw loss, so spikes stay visible), and
// redraws are batched on a timer, so a 100k-step run stays smooth. Gradual
// unfreezing's stages are marked on the learning-rate chart.
#pragma once

#include "training/trainer.h"

#include <QPointF>
#include <QVector>
#include <QWidget>

class QChart;
class QChartView;
class QLineSeries;
class QScatterSeries;
class QTimer;
class QValueAxis;

class TrainingChartsPlot : public QWidget {
    Q_OBJECT

public:
    static constexpr int kMaxDrawn = 1500;

    explicit TrainingChartsPlot(QWidget* parent = nullptr);

    void clear();
    void addStep(const bertbench::StepReport& report);
    void addEvaluation(const bertbench::EvaluationReport& report);
    void redrawNow();

    const QVector<QPointF>& loss() const { return loss_; }
    // Where gradual unfreezing added a layer group: (step, learning rate).
    const QVector<QPointF>& unfreezeMarkers() const { return unfreezeMarkers_; }
    int drawnLossPoints() const;
    bool savePng(const QString& path) const;         // the three charts stacked
    bool saveCsv(const QString& path, QString* error) const;  // per-step and per-evaluation metrics

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    static QVector<QPointF> envelope(const QVector<QPointF>& points, int maxPoints);
    static QVector<QPointF> strided(const QVector<QPointF>& points, int maxPoints);

    QChartView *lossView_, *rateView_, *metricView_;
    QLineSeries *rawLoss_, *smoothLoss_, *rate_, *accuracy_, *mcc_, *f1_, *validationLoss_;
    QScatterSeries* unfreezing_;
    QValueAxis *lossX_, *lossY_, *rateX_, *rateY_, *metricX_, *metricY_;
    QTimer* redraw_;
    bool dirty_ = false;

    QVector<QPointF> loss_, smoothed_, rates_, unfreezeMarkers_;
    QVector<bertbench::StepReport> steps_;
    QVector<bertbench::EvaluationReport> evaluations_;
    double ema_ = 0;
};
