// DatasetChartsPlot: two Qt Charts side by side for an imported dataset — how
// many examples each class has (training and validation parts) and how long
// the examples are in BERT tokens, with the share that max length truncates.
// Pure display: it is handed finished numbers from the engine's statistics.
#pragma once

#include <QWidget>

#include "session/workbench_types.h"

class QChart;
class QChartView;

class DatasetChartsPlot : public QWidget {
    Q_OBJECT

public:
    explicit DatasetChartsPlot(QWidget* parent = nullptr);

    void show(const ImportedData& data);
    void clear();

protected:
    void changeEvent(QEvent* event) override;

private:
    void rebuild();

    QChartView* classView_;
    QChartView* lengthView_;
    ImportedData data_;
};
