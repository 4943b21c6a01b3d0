// DatasetChartsPlot: see dataset_charts_plot.h.
#include "plots/dataset_charts_plot.h"

#include <QBarCategoryAxis>
#include <QCategoryAxis>
#include <QHorizontalBarSeries>
#include <QStackedBarSeries>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHBoxLayout>
#include <QLocale>
#include <QValueAxis>

namespace {

QChartView* makeView(QWidget* parent) {
    auto* view = new QChartView(new QChart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(260, 220);
    view->chart()->setMargins(QMargins(4, 4, 4, 4));
    view->chart()->setLocalizeNumbers(true);  // "1.900" / "0,5" in German
    view->chart()->legend()->setAlignment(Qt::AlignBottom);
    return view;
}

void resetChart(QChart* chart, const QString& title) {
    chart->removeAllSeries();
    for (auto* axis : chart->axes()) chart->removeAxis(axis), delete axis;
    chart->setTitle(title);
}

}  // namespace

DatasetChartsPlot::DatasetChartsPlot(QWidget* parent) : QWidget(parent) {
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    classView_ = makeView(this);
    lengthView_ = makeView(this);
    classView_->setObjectName(QStringLiteral("classDistributionChart"));
    lengthView_->setObjectName(QStringLiteral("tokenLengthChart"));
    layout->addWidget(classView_, 2);
    layout->addWidget(lengthView_, 3);
    rebuild();
}

void DatasetChartsPlot::show(const ImportedData& data) {
    data_ = data;
    rebuild();
}

void DatasetChartsPlot::clear() {
    data_ = {};
    rebuild();
}

void DatasetChartsPlot::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) rebuild();
    QWidget::changeEvent(event);
}

void DatasetChartsPlot::rebuild() {
    QChart* classes = classView_->chart();
    resetChart(classes, tr("Examples per class"));
    QChart* lengths = lengthView_->chart();
    resetChart(lengths, tr("Length in tokens"));
    if (!data_.train) return;

    // Classes: one bar set per part, so the split's balance is visible at a glance.
    // Bars lie horizontally: class names then have the chart's width to be read
    // in full ("unacceptable", "Sci/Tech"), not a bar's.
    QStringList labels = toQStringList(data_.train->labelNames);
    auto* classSeries = new QHorizontalBarSeries;
    const QColor text = palette().color(QPalette::WindowText);
    auto addPart = [&](const DatasetPtr& part, const QString& name, const QColor& color) {
        if (!part) return;
        auto counts = bertbench::countClasses(*part);
        auto* set = new QBarSet(name);
        set->setColor(color);
        set->setLabelColor(text);  // beside the bar, on the chart's background: never white on white
        for (int i = 0; i < labels.size(); ++i) *set << (i < int(counts.size()) ? double(counts[size_t(i)]) : 0.0);
        classSeries->append(set);
    };
    addPart(data_.train, tr("training"), QColor(0x3f, 0x6f, 0xb5));
    addPart(data_.validation, tr("validation"), QColor(0xf0, 0xb4, 0x29));
    classSeries->setLabelsVisible(true);
    classSeries->setLabelsPosition(QAbstractBarSeries::LabelsOutsideEnd);
    classes->addSeries(classSeries);
    auto* classAxis = new QBarCategoryAxis;
    classAxis->append(labels);
    classes->addAxis(classAxis, Qt::AlignLeft);
    classSeries->attachAxis(classAxis);
    auto* countAxis = new QValueAxis;
    countAxis->setLabelFormat(QStringLiteral("%.0f"));
    classes->addAxis(countAxis, Qt::AlignBottom);
    classSeries->attachAxis(countAxis);
    countAxis->setMax(countAxis->max() * 1.2);  // room for the labels beside the bars
    countAxis->applyNiceNumbers();
    countAxis->setTickCount(std::min(5, countAxis->tickCount()));
    classes->legend()->setVisible(data_.validation != nullptr);

    const auto& stats = data_.lengths;
    if (stats.count == 0) return;
    lengths->setTitle(tr("Length in tokens — median %1, 95th percentile %2")
                          .arg(QLocale().toString(stats.median))
                          .arg(stats.percentile95));
    auto* within = new QBarSet(tr("≤ %1 tokens").arg(stats.maxLength));
    auto* beyond = new QBarSet(tr("truncated: %n", nullptr, int(stats.truncated)));
    within->setColor(QColor(0x3f, 0x6f, 0xb5));
    beyond->setColor(QColor(0xc0, 0x39, 0x2b));
    const int buckets = int(stats.histogram.size());
    for (int i = 0; i < buckets; ++i) {
        const size_t from = size_t(i) * stats.bucketWidth;
        const bool over = stats.maxLength > 0 && from >= stats.maxLength;
        *within << (over ? 0.0 : double(stats.histogram[size_t(i)]));
        *beyond << (over ? double(stats.histogram[size_t(i)]) : 0.0);
    }
    auto* lengthSeries = new QStackedBarSeries;
    lengthSeries->setBarWidth(0.95);
    lengthSeries->append(within);
    if (stats.truncated > 0) lengthSeries->append(beyond);
    lengths->addSeries(lengthSeries);
    // A label per bucket collapses to "…" beyond a dozen buckets: about six
    // round token counts, each at the start of its bucket (bar i spans i ± 0.5).
    auto* tokenAxis = new QCategoryAxis;
    tokenAxis->setLabelsPosition(QCategoryAxis::AxisLabelsPositionOnValue);
    const int every = std::max(1, (buckets + 5) / 6);
    for (int i = 0; i <= buckets; i += every)
        tokenAxis->append(QString::number(size_t(i) * stats.bucketWidth), i - 0.5);
    tokenAxis->setRange(-0.5, buckets - 0.5);
    tokenAxis->setTitleText(tr("tokens"));
    lengths->addAxis(tokenAxis, Qt::AlignBottom);
    lengthSeries->attachAxis(tokenAxis);
    tokenAxis->setRange(-0.5, buckets - 0.5);
    auto* freqAxis = new QValueAxis;
    freqAxis->setLabelFormat(QStringLiteral("%.0f"));
    lengths->addAxis(freqAxis, Qt::AlignLeft);
    lengthSeries->attachAxis(freqAxis);
    freqAxis->applyNiceNumbers();
    lengths->legend()->setVisible(stats.truncated > 0);
}
