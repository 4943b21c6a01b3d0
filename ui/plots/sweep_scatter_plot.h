// SweepScatterPlot: a sweep's runs as points, one option's value against the
// metric — how the result depends on, say, the learning rate — with the best
// run drawn larger. Options whose values span decades (rates) get a
// logarithmic axis; values that are not numbers are placed in order, named.
#pragma once

#include <QStringList>
#include <QVector>
#include <qcustomplot.h>

class SweepScatterPlot : public QCustomPlot {
    Q_OBJECT

public:
    explicit SweepScatterPlot(QWidget* parent = nullptr);

    // values[i]: run i's option value as text; metrics[i]: its result; best: the index of the best run (or -1).
    void setPoints(const QString& option, const QStringList& values, const QVector<double>& metrics, int best,
                   const QString& metricName);
    int pointCount() const;
};
