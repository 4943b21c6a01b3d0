// SweepScatterPlot: see sweep_scatter_plot.h.
#include "plots/sweep_scatter_plot.h"

#include "plots/run_curves_plot.h"

#include <algorithm>
#include <cmath>

SweepScatterPlot::SweepScatterPlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(200);
    for (int i = 0; i < 2; ++i) {
        auto* g = addGraph();
        g->setLineStyle(QCPGraph::lsNone);
    }
    graph(0)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, RunCurvesPlot::runColor(0), 8));
    graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssStar, RunCurvesPlot::runColor(1), 16));
}

int SweepScatterPlot::pointCount() const { return graph(0)->dataCount() + graph(1)->dataCount(); }

void SweepScatterPlot::setPoints(const QString& option, const QStringList& values, const QVector<double>& metrics,
                                 int best, const QString& metricName) {
    bool numeric = true;
    QVector<double> x;
    for (const auto& v : values) {
        bool ok = false;
        x << v.toDouble(&ok);
        numeric = numeric && ok;
    }
    auto textTicker = QSharedPointer<QCPAxisTickerText>::create();
    if (!numeric) {  // in order of first appearance, named on the axis
        QStringList distinct;
        for (const auto& v : values)
            if (!distinct.contains(v)) distinct << v;
        for (int i = 0; i < values.size(); ++i) x[i] = distinct.indexOf(values[i]);
        for (int i = 0; i < distinct.size(); ++i) textTicker->addTick(i, distinct[i]);
    }
    const bool logX = numeric && !x.isEmpty() && *std::min_element(x.begin(), x.end()) > 0 &&
                      *std::max_element(x.begin(), x.end()) / *std::min_element(x.begin(), x.end()) >= 10;
    xAxis->setScaleType(logX ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
    if (!numeric) xAxis->setTicker(textTicker);
    else if (logX) xAxis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    else xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());

    QVector<double> px, py, bx, by;
    for (int i = 0; i < x.size() && i < metrics.size(); ++i) {
        if (!std::isfinite(metrics[i])) continue;
        (i == best ? bx : px) << x[i];
        (i == best ? by : py) << metrics[i];
    }
    graph(0)->setData(px, py);
    graph(1)->setData(bx, by);
    xAxis->setLabel(option);
    yAxis->setLabel(metricName);
    rescaleAxes();
    if (logX) xAxis->setRange(xAxis->range().lower / 1.5, xAxis->range().upper * 1.5);
    else xAxis->scaleRange(1.2, xAxis->range().center());
    if (xAxis->range().size() == 0) xAxis->setRange(xAxis->range().lower - 1, xAxis->range().upper + 1);
    yAxis->scaleRange(1.2, yAxis->range().center());
    if (yAxis->range().size() == 0) yAxis->setRange(yAxis->range().lower - 0.05, yAxis->range().upper + 0.05);
    replot();
}
