// RunCurvesPlot: the curves of several runs overlaid on one chart — one
// coloured line per run, named in the legend — as the Runs page compares
// them. The data come aligned from core/experiments/run_comparison, so the
// chart and the CSV export show the same numbers.
#pragma once

#include "experiments/run_comparison.h"

#include <QStringList>
#include <qcustomplot.h>

class RunCurvesPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit RunCurvesPlot(QWidget* parent = nullptr);

    // One graph per run; NaN cells (a run without a value there) are left out.
    // integerX: the x values are whole numbers (steps), and so are the ticks.
    void setCurves(const QStringList& names, const bertbench::AlignedCurves& curves, const QString& xLabel,
                   const QString& yLabel, bool integerX = false);
    // The i-th distinct colour, shared with the tables that name the runs.
    static QColor runColor(int index);
};
