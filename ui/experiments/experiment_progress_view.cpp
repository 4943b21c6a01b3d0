// ExperimentProgressView: see experiment_progress_view.h.
#include "experiments/experiment_progress_view.h"

#include "models/run_table_model.h"
#include "plots/sweep_scatter_plot.h"
#include "session/experiment_runner.h"
#include "session/workbench_types.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace bertbench;

namespace {

QString valueText(const nlohmann::json& value) {
    return value.is_string() ? qs(value.get<std::string>()) : qs(value.dump());
}

// {"learning_rate": 3e-05, "batch_size": 16} -> "learning_rate 3e-05, batch_size 16"
QString assignmentText(const nlohmann::json& assignments) {
    QStringList parts;
    if (assignments.is_object())
        for (const auto& [key, value] : assignments.items()) parts << QStringLiteral("%1 %2").arg(qs(key), valueText(value));
    return parts.join(QStringLiteral(", "));
}

QString name(const QString& folder) { return QFileInfo(folder).fileName(); }

}  // namespace

ExperimentProgressView::ExperimentProgressView(ExperimentRunner* runner, QWidget* parent)
    : QWidget(parent), runner_(runner) {
    headline_ = new QLabel;
    headline_->setObjectName(QStringLiteral("experimentHeadline"));
    headline_->setWordWrap(true);
    QFont bold = headline_->font();
    bold.setBold(true);
    headline_->setFont(bold);
    progress_ = new QProgressBar;
    progress_->setObjectName(QStringLiteral("experimentProgress"));
    progress_->setRange(0, 1000);
    progress_->setTextVisible(false);
    stop_ = new QPushButton;
    stop_->setObjectName(QStringLiteral("experimentStop"));
    continue_ = new QPushButton;
    continue_->setObjectName(QStringLiteral("experimentContinue"));
    current_ = new QLabel;
    best_ = new QLabel;
    best_->setObjectName(QStringLiteral("experimentBest"));
    eta_ = new QLabel;
    eta_->setObjectName(QStringLiteral("experimentEta"));
    spread_ = new QLabel;
    spread_->setObjectName(QStringLiteral("experimentSpread"));
    reproduction_ = new QLabel;
    reproduction_->setObjectName(QStringLiteral("experimentReproduction"));
    for (auto* label : {headline_, current_, best_, eta_, spread_, reproduction_}) {
        label->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);  // the room left goes to the tables
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    }
    QFont large = spread_->font();
    large.setPointSizeF(large.pointSizeF() * 1.25);
    spread_->setFont(large);
    reproduction_->setFont(large);

    ranking_ = new QTableWidget;
    ranking_->setObjectName(QStringLiteral("experimentRanking"));
    ranking_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    ranking_->setSelectionBehavior(QAbstractItemView::SelectRows);
    ranking_->verticalHeader()->hide();
    ranking_->horizontalHeader()->setStretchLastSection(true);
    ranking_->setColumnCount(5);
    scatterLabel_ = new QLabel;
    scatterOption_ = new QComboBox;
    scatterOption_->setObjectName(QStringLiteral("experimentScatterOption"));
    scatter_ = new SweepScatterPlot;
    scatter_->setObjectName(QStringLiteral("experimentScatter"));

    auto* top = new QHBoxLayout;
    top->addWidget(progress_, 1);
    top->addWidget(stop_);
    top->addWidget(continue_);
    auto* scatterPane = new QWidget;
    auto* scatterLayout = new QVBoxLayout(scatterPane);
    scatterLayout->setContentsMargins(0, 0, 0, 0);
    auto* scatterRow = new QHBoxLayout;
    scatterRow->addWidget(scatterLabel_);
    scatterRow->addWidget(scatterOption_);
    scatterRow->addStretch(1);
    scatterLayout->addLayout(scatterRow);
    scatterLayout->addWidget(scatter_, 1);
    auto* split = new QSplitter(Qt::Horizontal);
    split->addWidget(ranking_);
    split->addWidget(scatterPane);
    split->setStretchFactor(0, 1);
    split->setStretchFactor(1, 1);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(headline_);
    layout->addLayout(top);
    layout->addWidget(current_);
    layout->addWidget(best_);
    layout->addWidget(eta_);
    layout->addWidget(spread_);
    layout->addWidget(reproduction_);
    layout->addWidget(split, 100);
    layout->addStretch(1);  // takes the room when there is no ranking (a reproduction)

    connect(stop_, &QPushButton::clicked, runner_, &ExperimentRunner::stop);
    connect(continue_, &QPushButton::clicked, runner_, &ExperimentRunner::continueStopped);
    connect(scatterOption_, &QComboBox::currentIndexChanged, this, &ExperimentProgressView::fillScatter);
    for (auto signal : {&ExperimentRunner::started, &ExperimentRunner::stepDone, &ExperimentRunner::finished})
        connect(runner_, signal, this, &ExperimentProgressView::refresh);
    connect(runner_, &ExperimentRunner::trialStarted, this, &ExperimentProgressView::refresh);
    connect(runner_, &ExperimentRunner::trialFinished, this, [this] {
        fillRanking();
        fillScatter();
        refresh();
    });
    connect(runner_, &ExperimentRunner::started, this, [this] {
        fillRanking();
        fillScatter();
    });
    retranslateUi();
}

QString ExperimentProgressView::headline() const { return headline_->text(); }
QString ExperimentProgressView::bestText() const { return best_->text(); }
QString ExperimentProgressView::etaText() const { return eta_->text(); }
QString ExperimentProgressView::spreadText() const { return spread_->text(); }
QString ExperimentProgressView::reproductionText() const { return reproduction_->text(); }

void ExperimentProgressView::refresh() {
    const auto& results = runner_->results();
    const int done = int(results.size()), total = runner_->total();
    const bool active = runner_->isActive();
    const bool started = active || total > 0;
    using Kind = ExperimentRunner::Kind;

    QString headline;
    if (!started) {
        headline = tr("No experiment yet. Select a run and choose Reproduce or Repeat with 3 seeds, or start a sweep.");
    } else if (runner_->kind() == Kind::Reproduction) {
        headline = active ? tr("Reproducing %1 into %2…").arg(name(runner_->original()), name(runner_->folder()))
                          : tr("Reproduction of %1 in %2").arg(name(runner_->original()), name(runner_->folder()));
    } else if (runner_->kind() == Kind::Seeds) {
        headline = active ? tr("Repeating %1 with %n other seed(s): %2 done", nullptr, total).arg(name(runner_->original())).arg(done)
                 : runner_->stopped() ? tr("Repeat of %1 stopped after %2 of %n run(s); Continue resumes it", nullptr, total)
                                            .arg(name(runner_->original())).arg(done)
                                      : tr("%1 repeated with %n other seed(s)", nullptr, total).arg(name(runner_->original()));
    } else {
        headline = active ? tr("Sweep %1: %2 of %n run(s) done", nullptr, total).arg(name(runner_->folder())).arg(done)
                 : runner_->stopped() ? tr("Sweep %1 stopped after %2 of %n run(s); Continue resumes it", nullptr, total)
                                            .arg(name(runner_->folder())).arg(done)
                                      : tr("Sweep %1 finished: %n run(s), ranked below", nullptr, total).arg(name(runner_->folder()));
    }
    headline_->setText(headline);

    double fraction = total > 0 ? double(done) / total : 0;
    if (runner_->kind() == Kind::Reproduction && runner_->reproduction()) fraction = 1;
    if (active && runner_->currentTrial() >= 0 && runner_->currentTotalSteps() > 0 && total > 0)
        fraction += double(runner_->currentStep()) / double(runner_->currentTotalSteps()) / total;
    progress_->setValue(qRound(std::min(1.0, fraction) * 1000));
    progress_->setVisible(started);
    stop_->setVisible(active);
    continue_->setVisible(runner_->canContinue());

    if (active && runner_->currentTrial() >= 0) {
        const QString step = runner_->currentTotalSteps() > 0
                                 ? tr("step %1 of %2").arg(runner_->currentStep()).arg(runner_->currentTotalSteps())
                                 : tr("starting");
        current_->setText(runner_->kind() == Kind::Reproduction
                              ? tr("Training: %1").arg(step)
                              : tr("Run %1 of %2 (%3): %4")
                                    .arg(runner_->currentTrial() + 1)
                                    .arg(total)
                                    .arg(runner_->currentAssignments().isEmpty()
                                             ? QString()
                                             : assignmentText(nlohmann::json::parse(ss(runner_->currentAssignments()))),
                                         step));
    } else {
        current_->clear();
    }
    current_->setVisible(!current_->text().isEmpty());

    const auto best = runner_->best();
    best_->setText(best && runner_->kind() == Kind::Sweep
                       ? (active ? tr("Best so far: %1 %2 (run %3: %4)") : tr("Best: %1 %2 (run %3: %4)"))
                             .arg(RunTableModel::metricLabel(qs(best->metric)))
                             .arg(QLocale().toString(best->value, 'f', 4))
                             .arg(best->index + 1)
                             .arg(assignmentText(best->assignments))
                       : QString());
    best_->setVisible(!best_->text().isEmpty());
    const double eta = runner_->etaSeconds();
    eta_->setText(active && eta >= 0 ? tr("About %1 left").arg(RunTableModel::durationText(std::max(1.0, eta))) : QString());
    eta_->setVisible(!eta_->text().isEmpty());

    QString spread;
    if (runner_->kind() == Kind::Seeds && !results.empty()) {
        const auto s = spreadOf(results);
        spread = tr("%1: %2 ± %3 (mean ± standard deviation over %n seed(s))", nullptr, s.count)
                     .arg(RunTableModel::metricLabel(qs(results.front().metric)))
                     .arg(QLocale().toString(s.mean, 'f', 4))
                     .arg(QLocale().toString(s.standardDeviation, 'f', 4));
    }
    spread_->setText(spread);
    spread_->setVisible(!spread.isEmpty());

    QString verdict;
    if (runner_->kind() == Kind::Reproduction && runner_->reproduction()) {
        const auto& r = *runner_->reproduction();
        if (r.identical)
            verdict = tr("Identical: the loss of each of the %n step(s) matches the original bit for bit.", nullptr,
                         int(r.originalSteps));
        else if (r.reproducedSteps < r.originalSteps && r.firstDifference < 0)
            verdict = tr("Stopped after %1 of %2 steps; the losses so far match the original bit for bit.")
                          .arg(r.reproducedSteps)
                          .arg(r.originalSteps);
        else
            verdict = tr("Different: the loss differs from the original's from step %1 on. On another machine, thread "
                         "count or library version, float rounding may differ.")
                          .arg(r.firstDifference);
    }
    reproduction_->setText(verdict);
    reproduction_->setVisible(!verdict.isEmpty());
    const bool trials = started && runner_->kind() != Kind::Reproduction;
    ranking_->parentWidget()->setVisible(trials);
}

void ExperimentProgressView::fillRanking() {
    const auto ranked = rankSweep(runner_->results());
    ranking_->setRowCount(int(ranked.size()));
    for (int r = 0; r < int(ranked.size()); ++r) {
        const auto& result = ranked[size_t(r)];
        const QStringList cells = {QString::number(r + 1), QString::number(result.index + 1),
                                   QLocale().toString(result.value, 'f', 4), QLocale().toString(result.trainSeconds, 'f', 1),
                                   assignmentText(result.assignments)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            item->setToolTip(qs(result.runDir));
            if (c < 4) item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
            ranking_->setItem(r, c, item);
        }
    }
    ranking_->resizeColumnsToContents();
    // The options every run varies, for the scatter's choice; the current choice is kept.
    const QString chosen = scatterOption_->currentText();
    QStringList keys;
    for (const auto& result : runner_->results())
        if (result.assignments.is_object())
            for (const auto& [key, value] : result.assignments.items())
                if (!keys.contains(qs(key))) keys << qs(key);
    const QSignalBlocker block(scatterOption_);
    scatterOption_->clear();
    scatterOption_->addItems(keys);
    if (keys.contains(chosen)) scatterOption_->setCurrentText(chosen);
}

void ExperimentProgressView::fillScatter() {
    const auto& results = runner_->results();
    const QString option = scatterOption_->currentText();
    QStringList values;
    QVector<double> metrics;
    int best = -1;
    const auto top = runner_->best();
    for (const auto& result : results) {
        const auto key = ss(option);
        values << (result.assignments.is_object() && result.assignments.contains(key) ? valueText(result.assignments.at(key))
                                                                                        : QString());
        if (top && result.index == top->index) best = int(metrics.size());
        metrics << result.value;
    }
    scatter_->setPoints(option, values, metrics, best,
                        results.empty() ? QString() : RunTableModel::metricLabel(qs(results.front().metric)));
}

void ExperimentProgressView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ExperimentProgressView::retranslateUi() {
    stop_->setText(tr("Stop"));
    stop_->setToolTip(tr("Stop after the current step; Continue resumes from there"));
    continue_->setText(tr("Continue"));
    scatterLabel_->setText(tr("Metric against:"));
    ranking_->setHorizontalHeaderLabels({tr("Rank"), tr("Run"), tr("Metric"), tr("Time (s)"), tr("Options")});
    refresh();
    fillScatter();
}
