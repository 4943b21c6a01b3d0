// RunCurvesPlot: see run_curves_plot.h.
#include "plots/run_curves_plot.h"

#include <cmath>

RunCurvesPlot::RunCurvesPlot(QWidget* parent) : QCustomPlot(parent) {
    setMinimumHeight(240);
    legend->setVisible(true);
    legend->setBrush(QColor(255, 255, 255, 220));
    axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
}

QColor RunCurvesPlot::runColor(int index) {
    // Tableau 10: distinct for the eye, and in greyscale print.
    static const QColor colors[] = {{0x4e, 0x79, 0xa7}, {0xf2, 0x8e, 0x2b}, {0xe1, 0x57, 0x59}, {0x76, 0xb7, 0xb2},
                                    {0x59, 0xa1, 0x4f}, {0xed, 0xc9, 0x48}, {0xb0, 0x7a, 0xa1}, {0xff, 0x9d, 0xa7},
                                    {0x9c, 0x75, 0x5f}, {0xba, 0xb0, 0xac}};
    return colors[index % 10];
}

void RunCurvesPlot::setCurves(const QStringList& names, const bertbench::AlignedCurves& curves, const QString& xLabel,
                              const QString& yLabel, bool integerX) {
    clearGraphs();
    for (int r = 0; r < names.size() && r < int(curves.values.size()); ++r) {
        QVector<double> x, y;
        for (size_t i = 0; i < curves.x.size(); ++i) {
            const double v = curves.values[size_t(r)][i];
            if (std::isfinite(v)) {
                x << curves.x[i];
                y << v;
            }
        }
        auto* graph = addGraph();
        graph->setName(names[r]);
        graph->setPen(QPen(runColor(r), 1.8));
        graph->setData(x, y, /*alreadySorted=*/true);
        // A curve of one point (a validation after a single epoch) needs a marker to be seen.
        if (x.size() < 12) graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, 6));
    }
    xAxis->setLabel(xLabel);
    yAxis->setLabel(yLabel);
    if (integerX) {
        auto whole = QSharedPointer<QCPAxisTickerFixed>::create();
        whole->setTickStep(1);
        whole->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);  // 1, 2, 5, 10, ... steps apart as the range grows
        xAxis->setTicker(whole);
    } else {
        xAxis->setTicker(QSharedPointer<QCPAxisTicker>::create());
    }
    rescaleAxes();
    // A little room around the lines, so that the first and last points are not on the frame.
    xAxis->scaleRange(1.04, xAxis->range().center());
    yAxis->scaleRange(1.1, yAxis->range().center());
    legend->setVisible(graphCount() > 0);
    replot();
}
