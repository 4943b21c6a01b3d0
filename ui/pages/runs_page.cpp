// RunsPage: see runs_page.h.
#include "pages/runs_page.h"

#include "common/json_file.h"
#include "dialogs/message_dialogs.h"
#include "dialogs/sweep_dialog.h"
#include "experiments/experiment_progress_view.h"
#include "experiments/run_compare_view.h"
#include "i18n/engine_messages.h"
#include "models/run_table_model.h"
#include "pages/hyperparameters_page.h"
#include "session/experiment_runner.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"
#include "session/workbench_types.h"

#include <QDateTime>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>

using namespace bertbench;

RunsPage::RunsPage(WorkbenchSession* session, TrainingController* training, HyperparametersPage* hyperparameters,
                   QWidget* parent)
    : QWidget(parent), session_(session), training_(training), hyperparameters_(hyperparameters) {
    runner_ = new ExperimentRunner(this);
    model_ = new RunTableModel(this);
    sorted_ = new QSortFilterProxyModel(this);
    sorted_->setSourceModel(model_);
    sorted_->setSortRole(Qt::UserRole);

    folderLabel_ = new QLabel;
    folder_ = new QLineEdit;
    folder_->setObjectName(QStringLiteral("runsFolder"));
    browse_ = new QPushButton;
    refresh_ = new QPushButton;
    refresh_->setObjectName(QStringLiteral("runsRefresh"));
    reproduce_ = new QPushButton;
    reproduce_->setObjectName(QStringLiteral("runsReproduce"));
    repeat_ = new QPushButton;
    repeat_->setObjectName(QStringLiteral("runsRepeat"));
    sweep_ = new QPushButton;
    sweep_->setObjectName(QStringLiteral("runsSweep"));

    view_ = new QTableView;
    view_->setObjectName(QStringLiteral("runsTable"));
    view_->setModel(sorted_);
    view_->setSortingEnabled(true);
    view_->sortByColumn(RunTableModel::Started, Qt::DescendingOrder);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::ExtendedSelection);
    view_->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    view_->verticalHeader()->hide();
    view_->horizontalHeader()->setStretchLastSection(true);
    view_->setAlternatingRowColors(true);
    details_ = new QLabel;
    details_->setObjectName(QStringLiteral("runDetails"));
    details_->setWordWrap(true);
    details_->setTextInteractionFlags(Qt::TextSelectableByMouse);  // the command is there to be copied

    compare_ = new RunCompareView;
    progress_ = new ExperimentProgressView(runner_);
    tabs_ = new QTabWidget;
    tabs_->setObjectName(QStringLiteral("runsTabs"));
    tabs_->addTab(compare_, QString());
    tabs_->addTab(progress_, QString());

    auto* folderRow = new QHBoxLayout;
    folderRow->addWidget(folderLabel_);
    folderRow->addWidget(folder_, 1);
    folderRow->addWidget(browse_);
    folderRow->addWidget(refresh_);
    auto* actions = new QHBoxLayout;
    actions->addWidget(reproduce_);
    actions->addWidget(repeat_);
    actions->addStretch(1);
    actions->addWidget(sweep_);
    auto* upper = new QWidget;
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addLayout(folderRow);
    upperLayout->addWidget(view_, 1);
    upperLayout->addWidget(details_);
    upperLayout->addLayout(actions);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(upper);
    split->addWidget(tabs_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(split);

    connect(folder_, &QLineEdit::editingFinished, this, [this] {
        if (folder_->text() != model_->root()) setRoot(folder_->text());
    });
    connect(browse_, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Runs folder"), root());
        if (!dir.isEmpty()) setRoot(dir);
    });
    connect(refresh_, &QPushButton::clicked, this, &RunsPage::refresh);
    connect(reproduce_, &QPushButton::clicked, this, &RunsPage::reproduceSelected);
    connect(repeat_, &QPushButton::clicked, this, &RunsPage::repeatSelected);
    connect(sweep_, &QPushButton::clicked, this, [this] { newSweep(); });
    connect(view_->selectionModel(), &QItemSelectionModel::selectionChanged, this, &RunsPage::selectionChanged);
    connect(model_, &RunTableModel::renameFailed, this, &RunsPage::failed);
    connect(model_, &QAbstractItemModel::dataChanged, this, &RunsPage::selectionChanged);  // a rename names the curves
    connect(runner_, &ExperimentRunner::failed, this, &RunsPage::failed);
    connect(runner_, &ExperimentRunner::started, this, [this] {
        tabs_->setCurrentWidget(progress_);
        updateButtons();
        emit experimentActiveChanged(true);
    });
    connect(runner_, &ExperimentRunner::trialFinished, this, &RunsPage::refresh);
    connect(runner_, &ExperimentRunner::finished, this, [this] {
        refresh();
        // The reproduction beside its original, so the two curves can be seen together.
        if (runner_->kind() == ExperimentRunner::Kind::Reproduction && runner_->reproduction())
            selectRuns({runner_->original(), runner_->folder()});
        updateButtons();
        emit experimentActiveChanged(false);
    });
    connect(training_, &TrainingController::stateChanged, this, [this] {
        updateButtons();
        refresh();
    });

    setRoot(TrainingController::runsRoot());
    retranslateUi();
}

void RunsPage::setRoot(const QString& folder) {
    folder_->setText(folder);
    model_->setRoot(folder);
    selectionChanged();
}

QString RunsPage::root() const { return model_->root(); }
QString RunsPage::detailsText() const { return details_->text(); }

void RunsPage::refresh() {
    const QStringList selected = selectedRuns();
    model_->refresh();
    view_->resizeColumnsToContents();
    selectRuns(selected);
}

QStringList RunsPage::selectedRuns() const {
    QStringList folders;
    for (const auto& index : view_->selectionModel()->selectedRows())
        folders << qs(model_->run(sorted_->mapToSource(index).row()).path);
    return folders;
}

void RunsPage::selectRuns(const QStringList& folders) {
    QItemSelection selection;
    for (const auto& folder : folders) {
        const int row = model_->rowOf(folder);
        if (row < 0) continue;
        const auto index = sorted_->mapFromSource(model_->index(row, 0));
        selection.select(index, index);
    }
    // Chosen by the page, not the user: the tab shown stays (an experiment's result).
    const bool wasSelecting = selectingRuns_;
    selectingRuns_ = true;
    view_->selectionModel()->select(selection, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    selectionChanged();
    selectingRuns_ = wasSelecting;
}

QString RunsPage::selectedRun() const {
    const auto rows = view_->selectionModel()->selectedRows();
    if (rows.size() != 1) return {};
    const auto& run = model_->run(sorted_->mapToSource(rows.front()).row());
    return run.status == RunStatus::Unreadable ? QString() : qs(run.path);
}

void RunsPage::selectionChanged() {
    std::vector<RunRecord> chosen;
    for (const auto& index : view_->selectionModel()->selectedRows())
        chosen.push_back(model_->run(sorted_->mapToSource(index).row()));
    // Oldest first: the order a user reads a history in, and the same colours as long as the choice stays.
    std::sort(chosen.begin(), chosen.end(), [](const RunRecord& a, const RunRecord& b) { return a.startedAt < b.startedAt; });
    compare_->setRuns(chosen);
    details_->clear();
    if (chosen.size() == 1 && chosen.front().status != RunStatus::Unreadable) {
        const auto& run = chosen.front();
        QStringList lines;
        if (!run.command.empty()) lines << tr("Command: %1").arg(qs(run.command));
        if (!run.runtime.empty()) lines << tr("Runtime: %1").arg(qs(run.runtime));
        lines << tr("Folder: %1").arg(qs(run.path));
        details_->setText(lines.join(QLatin1Char('\n')));
    }
    details_->setVisible(!details_->text().isEmpty());
    if (!chosen.empty() && !selectingRuns_) tabs_->setCurrentWidget(compare_);
    updateButtons();
}

void RunsPage::updateButtons() {
    const bool free = !runner_->isActive() && !training_->isActive();
    const bool one = !selectedRun().isEmpty();
    reproduce_->setEnabled(free && one);
    repeat_->setEnabled(free && one);
    sweep_->setEnabled(free);
    const QString busy = training_->isActive() ? tr("A run is training; experiments start when it has ended.")
                                               : (runner_->isActive() ? tr("An experiment is running.") : QString());
    for (auto* button : {reproduce_, repeat_, sweep_}) button->setStatusTip(busy);
}

void RunsPage::reproduceSelected() {
    const QString run = selectedRun();
    if (run.isEmpty() || runner_->isActive()) return;
    runner_->reproduce(run);
}

void RunsPage::repeatSelected() {
    const QString run = selectedRun();
    if (run.isEmpty() || runner_->isActive()) return;
    // In the runs folder, where the history finds it, named after the run's folder
    // (and its sweep's, for a trial: trial-001 is in every sweep).
    const QFileInfo folder(run);
    QString name = folder.fileName();
    if (QFileInfo(folder.absolutePath()) != QFileInfo(root())) name.prepend(QFileInfo(folder.absolutePath()).fileName() + QLatin1Char('-'));
    runner_->repeatWithSeeds(run, 3, QDir(root()).filePath(name + QStringLiteral("-seeds")));
}

void RunsPage::newSweep(const std::function<void(SweepDialog&)>& configure) {
    if (runner_->isActive() || training_->isActive()) return;
    // From the selected run (its options, model and data), or from what the other pages hold now.
    TrainingOptions base;
    nlohmann::json source;
    QString baseName;
    const QString run = selectedRun();
    try {
        if (!run.isEmpty()) {
            const auto settings = readJsonFile(ss(run) + "/settings.json");
            base = TrainingOptions::fromJson(settings.at("options"));
            source = settings.value("source", nlohmann::json());
            baseName = tr("the run %1").arg(qs(model_->run(model_->rowOf(run)).name));
        } else {
            if (!session_->hasData() || !session_->hasModel())
                return failed(tr("Import a dataset and open or create a model first, or select a run to sweep around."));
            if (session_->modelDirty())
                return failed(tr("The model has training that is not saved, so the sweep's runs could not start from "
                                 "it. Save it first, or select a run to sweep around."));
            base = hyperparameters_->options();
            source = session_->engine().currentSource();
            baseName = tr("the current model and data with the Hyperparameters page's options");
        }
    } catch (const std::exception& e) {
        return failed(EngineMessages::translate(qs(e.what())));
    }
    const QString folder = QDir(root()).filePath(
        QStringLiteral("sweep-") + QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmmss")));
    SweepDialog dialog(base, baseName, folder, this);
    if (configure) configure(dialog);
    else if (dialog.exec() != QDialog::Accepted) return;
    if (dialog.result() != QDialog::Accepted || dialog.plan().empty()) return;
    runner_->startSweep(source, dialog.plan(), dialog.folder());
}

void RunsPage::failed(const QString& message) { MessageDialogs::showError(this, tr("Runs"), message); }

void RunsPage::showEvent(QShowEvent* event) {
    refresh();  // runs may have started or ended elsewhere (the CLI) since the page was last seen
    QWidget::showEvent(event);
}

void RunsPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void RunsPage::retranslateUi() {
    folderLabel_->setText(tr("Runs folder:"));
    browse_->setText(tr("Browse…"));
    refresh_->setText(tr("Refresh"));
    reproduce_->setText(tr("Reproduce"));
    reproduce_->setToolTip(tr("Train the selected run again with identical options and data, and check that its loss "
                              "curve matches bit for bit"));
    repeat_->setText(tr("Repeat with 3 seeds"));
    repeat_->setToolTip(tr("Train the selected run three more times with other seeds, and show the mean and spread "
                           "of its metric: fine-tuning on small data varies a lot between seeds"));
    sweep_->setText(tr("New sweep…"));
    sweep_->setToolTip(tr("Train once per combination of option values, from the selected run or from the current "
                          "model, data and Hyperparameters page"));
    tabs_->setTabText(0, tr("Compare"));
    tabs_->setTabText(1, tr("Experiment"));
}
