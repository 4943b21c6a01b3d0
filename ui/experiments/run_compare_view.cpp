// RunCompareView: see run_compare_view.h.
#include "experiments/run_compare_view.h"

#include "experiments/recorded_metric.h"
#include "models/run_table_model.h"
#include "plots/figure_export.h"
#include "plots/run_curves_plot.h"
#include "session/workbench_types.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSlider>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

using namespace bertbench;

namespace {
const QColor kDifference(0xff, 0xf4, 0xce);  // the workbench's highlight (as the status bar's warning)

QTableWidgetItem* cell(const QString& text) {
    auto* item = new QTableWidgetItem(text);
    item->setFlags(Qt::ItemIsSelectable | Qt::ItemIsEnabled);
    return item;
}
}  // namespace

RunCompareView::RunCompareView(QWidget* parent) : QWidget(parent) {
    hint_ = new QLabel;
    hint_->setWordWrap(true);
    curveLabel_ = new QLabel;
    curve_ = new QComboBox;
    curve_->setObjectName(QStringLiteral("compareCurve"));
    axisLabel_ = new QLabel;
    axis_ = new QComboBox;
    axis_->setObjectName(QStringLiteral("compareAxis"));
    smoothingLabel_ = new QLabel;
    smoothing_ = new QSlider(Qt::Horizontal);
    smoothing_->setObjectName(QStringLiteral("compareSmoothing"));
    smoothing_->setRange(0, 99);
    smoothing_->setValue(60);  // TensorBoard's default
    smoothing_->setMaximumWidth(160);
    saveFigure_ = new QPushButton;
    saveCsv_ = new QPushButton;
    for (auto* combo : {curve_, axis_}) combo->setSizeAdjustPolicy(QComboBox::AdjustToContents);  // German is longer
    for (int i = 0; i < 3; ++i) curve_->addItem(QString());
    for (int i = 0; i < 3; ++i) axis_->addItem(QString());

    plot_ = new RunCurvesPlot;
    plot_->setObjectName(QStringLiteral("compareChart"));
    settings_ = new QTableWidget;
    settings_->setObjectName(QStringLiteral("compareSettings"));
    metrics_ = new QTableWidget;
    metrics_->setObjectName(QStringLiteral("compareMetrics"));
    for (auto* table : {settings_, metrics_}) {
        table->setEditTriggers(QAbstractItemView::NoEditTriggers);
        table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
        table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    }
    onlyDifferences_ = new QCheckBox;
    onlyDifferences_->setObjectName(QStringLiteral("compareOnlyDifferences"));

    auto* controls = new QHBoxLayout;
    controls->addWidget(curveLabel_);
    controls->addWidget(curve_);
    controls->addSpacing(12);
    controls->addWidget(axisLabel_);
    controls->addWidget(axis_);
    controls->addSpacing(12);
    controls->addWidget(smoothingLabel_);
    controls->addWidget(smoothing_);
    controls->addStretch(1);
    controls->addWidget(saveFigure_);
    controls->addWidget(saveCsv_);

    auto* settingsPane = new QWidget;
    auto* settingsLayout = new QVBoxLayout(settingsPane);
    settingsLayout->setContentsMargins(0, 4, 0, 0);
    settingsLayout->addWidget(onlyDifferences_);
    settingsLayout->addWidget(settings_, 1);
    auto* tables = new QTabWidget;
    tables->setObjectName(QStringLiteral("compareTables"));
    tables->addTab(metrics_, QString());
    tables->addTab(settingsPane, QString());
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(plot_);
    split->addWidget(tables);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(hint_);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    connect(curve_, &QComboBox::currentIndexChanged, this, &RunCompareView::redraw);
    connect(axis_, &QComboBox::currentIndexChanged, this, &RunCompareView::redraw);
    connect(smoothing_, &QSlider::valueChanged, this, [this] {
        smoothingLabel_->setText(tr("Smoothing %1").arg(QLocale().toString(smoothing_->value() / 100.0, 'f', 2)));
        redraw();
    });
    connect(onlyDifferences_, &QCheckBox::toggled, this, &RunCompareView::fillSettings);
    connect(saveFigure_, &QPushButton::clicked, this, &RunCompareView::exportFigure);
    connect(saveCsv_, &QPushButton::clicked, this, &RunCompareView::exportCsv);
    retranslateUi();
    setRuns({});
}

void RunCompareView::setRuns(const std::vector<RunRecord>& runs) {
    runs_.clear();
    for (const auto& run : runs)
        if (run.status != RunStatus::Unreadable) runs_.push_back(run);
    runCurves_.clear();
    const std::string metric = ss(metricKey());
    for (const auto& run : runs_) runCurves_.push_back(readRunCurves(run.path, run.name, metric));
    const bool any = !runs_.empty();
    for (QWidget* w : std::initializer_list<QWidget*>{curve_, axis_, smoothing_, saveFigure_, saveCsv_}) w->setEnabled(any);
    retranslateUi();  // the validation curve is named after the runs' metric
    fillSettings();
    fillMetrics();
}

QString RunCompareView::metricKey() const {
    if (runs_.empty() || !runs_.front().options.is_object()) return QStringLiteral("mcc");
    return qs(runs_.front().options.value("metric", std::string("mcc")));
}

void RunCompareView::setCurve(CurveKind kind) { curve_->setCurrentIndex(int(kind)); }
void RunCompareView::setAxis(CurveAxis axis) { axis_->setCurrentIndex(int(axis)); }
void RunCompareView::setSmoothing(double weight) { smoothing_->setValue(qRound(std::clamp(weight, 0.0, 0.99) * 100)); }
void RunCompareView::setOnlyDifferences(bool only) { onlyDifferences_->setChecked(only); }

void RunCompareView::redraw() {
    const auto kind = CurveKind(std::max(0, curve_->currentIndex()));
    const auto axis = CurveAxis(std::max(0, axis_->currentIndex()));
    aligned_ = alignCurves(runCurves_, kind, axis, smoothing_->value() / 100.0);
    QStringList names;
    for (const auto& run : runs_) names << qs(run.name);
    plot_->setCurves(names, aligned_, axis_->currentText(), curve_->currentText(), axis == CurveAxis::Step);
}

void RunCompareView::fillSettings() {
    const auto table = optionTable(runs_);
    settings_->clear();
    settings_->setColumnCount(int(runs_.size()));
    QStringList columns, rows;
    for (const auto& run : runs_) columns << qs(run.name);
    settings_->setHorizontalHeaderLabels(columns);
    int row = 0;
    settings_->setRowCount(0);
    for (const auto& option : table) {
        if (onlyDifferences_->isChecked() && !option.differs) continue;
        settings_->insertRow(row);
        rows << qs(option.key);
        for (int c = 0; c < int(option.values.size()); ++c) {
            const QString value = option.values[size_t(c)] == "(absent)" ? tr("(absent)") : qs(option.values[size_t(c)]);
            auto* item = cell(value);
            if (option.differs) {
                item->setBackground(kDifference);
                QFont bold = item->font();
                bold.setBold(true);
                item->setFont(bold);
            }
            settings_->setItem(row, c, item);
        }
        ++row;
    }
    settings_->setVerticalHeaderLabels(rows);
    for (int r = 0; r < settings_->rowCount(); ++r) {
        const bool differs = settings_->item(r, 0) && settings_->item(r, 0)->font().bold();
        if (auto* header = settings_->verticalHeaderItem(r)) {
            QFont font = header->font();
            font.setBold(differs);
            header->setFont(font);
        }
    }
}

void RunCompareView::fillMetrics() {
    metrics_->clear();
    metrics_->setColumnCount(int(runs_.size()));
    QStringList columns;
    for (const auto& run : runs_) columns << qs(run.name);
    metrics_->setHorizontalHeaderLabels(columns);
    const QStringList keys = {QStringLiteral("mcc"), QStringLiteral("accuracy"), QStringLiteral("f1"), QStringLiteral("loss")};
    QStringList rows;
    for (const auto& key : keys) rows << tr("Best validation: %1").arg(RunTableModel::metricLabel(key));
    rows << tr("Final training loss") << tr("Steps") << tr("Training time (s)") << tr("Samples/s") << tr("Status");
    metrics_->setRowCount(rows.size());
    metrics_->setVerticalHeaderLabels(rows);
    for (int c = 0; c < int(runs_.size()); ++c) {
        const auto& run = runs_[size_t(c)];
        for (int r = 0; r < keys.size(); ++r) {
            const double value = recordedMetric(run.bestValidation, ss(keys[r]));
            metrics_->setItem(r, c, cell(std::isfinite(value) ? QLocale().toString(value, 'f', 4) : QString()));
        }
        int r = int(keys.size());
        metrics_->setItem(r++, c, cell(run.steps > 0 ? QLocale().toString(run.finalLoss, 'f', 4) : QString()));
        metrics_->setItem(r++, c, cell(QString::number(run.steps)));
        metrics_->setItem(r++, c, cell(QLocale().toString(run.trainSeconds, 'f', 1)));
        metrics_->setItem(r++, c, cell(QLocale().toString(run.samplesPerSecond, 'f', 0)));
        metrics_->setItem(r++, c, cell(RunTableModel::statusText(run.status)));
    }
}

QString RunCompareView::saveFigure(const QString& path) { return FigureExport::save(plot_, path); }

QString RunCompareView::saveCsv(const QString& path) const {
    std::vector<std::string> names;
    for (const auto& run : runs_) names.push_back(run.name);
    const auto csv = curvesCsv(aligned_, names, CurveAxis(std::max(0, axis_->currentIndex())));
    QSaveFile file(path);  // a temporary name, renamed on commit: never half a file
    if (!file.open(QIODevice::WriteOnly) || file.write(QByteArray::fromStdString(csv)) != qint64(csv.size()) ||
        !file.commit())
        return tr("%1: %2").arg(path, file.errorString());
    return {};
}

void RunCompareView::exportFigure() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save comparison chart"), QStringLiteral("comparison.png"),
                                                      FigureExport::fileFilter());
    if (path.isEmpty()) return;
    if (const QString error = saveFigure(path); !error.isEmpty()) QMessageBox::warning(this, tr("Save chart"), error);
}

void RunCompareView::exportCsv() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Save comparison curves"), QStringLiteral("comparison.csv"),
                                                      tr("CSV file (*.csv)"));
    if (path.isEmpty()) return;
    if (const QString error = saveCsv(path); !error.isEmpty()) QMessageBox::warning(this, tr("Save CSV"), error);
}

void RunCompareView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        fillSettings();
        fillMetrics();
    }
    QWidget::changeEvent(event);
}

void RunCompareView::retranslateUi() {
    hint_->setText(runs_.empty() ? tr("Select runs in the table to compare them (Ctrl+click adds a run).")
                                 : tr("%n run(s) compared.", nullptr, int(runs_.size())));
    curveLabel_->setText(tr("Curve:"));
    axisLabel_->setText(tr("X axis:"));
    smoothingLabel_->setText(tr("Smoothing %1").arg(QLocale().toString(smoothing_->value() / 100.0, 'f', 2)));
    const QSignalBlocker blockCurve(curve_), blockAxis(axis_);
    curve_->setItemText(int(CurveKind::Loss), tr("Training loss"));
    curve_->setItemText(int(CurveKind::LearningRate), tr("Learning rate"));
    curve_->setItemText(int(CurveKind::Validation), tr("Validation %1").arg(RunTableModel::metricLabel(metricKey())));
    axis_->setItemText(int(CurveAxis::Step), tr("Step"));
    axis_->setItemText(int(CurveAxis::Epoch), tr("Epoch"));
    axis_->setItemText(int(CurveAxis::Seconds), tr("Training time (s)"));
    saveFigure_->setText(tr("Save chart…"));
    saveFigure_->setToolTip(tr("The chart as PNG or SVG"));
    saveCsv_->setText(tr("Save CSV…"));
    saveCsv_->setToolTip(tr("The curves as shown (aligned and smoothed), one column per run"));
    onlyDifferences_->setText(tr("Only options that differ"));
    if (auto* tables = findChild<QTabWidget*>(QStringLiteral("compareTables"))) {
        tables->setTabText(0, tr("Metrics"));
        tables->setTabText(1, tr("Settings"));
    }
    redraw();
}
