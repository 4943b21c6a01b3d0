// EvaluatePage: see evaluate_page.h.
#include "pages/evaluate_page.h"

#include "plots/confusion_matrix_plot.h"
#include "models/example_table_model.h"
#include "session/workbench_session.h"

#include <QLocale>
#include <QComboBox>
#include <QEvent>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

EvaluatePage::EvaluatePage(WorkbenchSession* session, QWidget* parent) : QWidget(parent), session_(session) {
    splitLabel_ = new QLabel(this);
    split_ = new QComboBox(this);
    for (const char* id : {"validation", "holdout", "train"}) split_->addItem(QString(), QString::fromLatin1(id));
    evaluate_ = new QPushButton(this);
    evaluate_->setObjectName(QStringLiteral("evaluateButton"));
    summary_ = new QLabel(this);
    auto* bar = new QHBoxLayout;
    bar->addWidget(splitLabel_);
    bar->addWidget(split_);
    bar->addWidget(evaluate_);
    bar->addSpacing(16);
    bar->addWidget(summary_, 1);
    connect(evaluate_, &QPushButton::clicked, this, &EvaluatePage::evaluate);

    metricsGroup_ = new QGroupBox(this);
    metrics_ = new QTableWidget(0, 5, metricsGroup_);
    metrics_->setObjectName(QStringLiteral("metricsTable"));
    metrics_->verticalHeader()->hide();
    metrics_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    metrics_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    (new QVBoxLayout(metricsGroup_))->addWidget(metrics_);
    matrixGroup_ = new QGroupBox(this);
    matrix_ = new ConfusionMatrixPlot(matrixGroup_);
    (new QVBoxLayout(matrixGroup_))->addWidget(matrix_);

    examplesGroup_ = new QGroupBox(this);
    show_ = new QComboBox(examplesGroup_);
    show_->addItems({QString(), QString(), QString()});
    search_ = new QLineEdit(examplesGroup_);
    search_->setClearButtonEnabled(true);
    examples_ = new ExampleTableModel(this);
    filter_ = new ExampleFilterModel(this);
    filter_->setSourceModel(examples_);
    filter_->setSortRole(ExampleTableModel::SortRole);
    filter_->setFilterKeyColumn(ExampleTableModel::Sentence);
    filter_->setFilterCaseSensitivity(Qt::CaseInsensitive);
    view_ = new QTableView(examplesGroup_);
    view_->setObjectName(QStringLiteral("exampleTable"));
    view_->setModel(filter_);
    view_->setSortingEnabled(true);
    view_->setSelectionBehavior(QAbstractItemView::SelectRows);
    view_->setSelectionMode(QAbstractItemView::SingleSelection);
    view_->verticalHeader()->hide();
    view_->setWordWrap(false);
    view_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    view_->horizontalHeader()->setSectionResizeMode(ExampleTableModel::Sentence, QHeaderView::Stretch);
    cellNote_ = new QLabel(examplesGroup_);
    cellNote_->setObjectName(QStringLiteral("cellFilterNote"));
    clearCell_ = new QPushButton(examplesGroup_);
    clearCell_->setObjectName(QStringLiteral("clearCellFilter"));
    cellNote_->hide();
    clearCell_->hide();
    auto* filterRow = new QHBoxLayout;
    filterRow->addWidget(show_);
    filterRow->addWidget(cellNote_);
    filterRow->addWidget(clearCell_);
    filterRow->addWidget(search_, 1);
    auto* examplesLayout = new QVBoxLayout(examplesGroup_);
    examplesLayout->addLayout(filterRow);
    examplesLayout->addWidget(view_);
    connect(show_, qOverload<int>(&QComboBox::currentIndexChanged), this, &EvaluatePage::applyFilter);
    connect(search_, &QLineEdit::textChanged, this, &EvaluatePage::applyFilter);
    connect(matrix_, &ConfusionMatrixPlot::cellClicked, this, &EvaluatePage::showCell);
    connect(clearCell_, &QPushButton::clicked, this, [this] { showCell(-1, -1); });
    connect(view_, &QTableView::clicked, this, [this](const QModelIndex& index) {
        emit sentenceChosen(examples_->sentence(filter_->mapToSource(index).row()));
    });

    auto* top = new QSplitter(Qt::Horizontal);
    top->addWidget(metricsGroup_);
    top->addWidget(matrixGroup_);
    top->setStretchFactor(0, 3);
    top->setStretchFactor(1, 2);
    auto* split = new QSplitter(Qt::Vertical);
    split->addWidget(top);
    split->addWidget(examplesGroup_);
    split->setStretchFactor(0, 2);
    split->setStretchFactor(1, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(bar);
    layout->addWidget(split, 1);

    connect(session_, &WorkbenchSession::evaluated, this, &EvaluatePage::show);
    // Results belong to one model and one dataset: another of either clears them.
    for (auto signal : {&WorkbenchSession::modelChanged, &WorkbenchSession::dataChanged, &WorkbenchSession::holdoutChanged})
        connect(session_, signal, this, [this] {
            if (outcome_.data) show({});
        });
    connect(session_, &WorkbenchSession::busyChanged, evaluate_, &QWidget::setDisabled);
    retranslateUi();
}

void EvaluatePage::retranslateUi() {
    splitLabel_->setText(tr("Evaluate on:"));
    split_->setItemText(0, tr("validation split"));
    split_->setItemText(1, tr("holdout file"));
    split_->setItemText(2, tr("training split"));
    evaluate_->setText(tr("Evaluate"));
    evaluate_->setToolTip(tr("Runs the current model over every example of the chosen split (Ctrl+E)"));
    metricsGroup_->setTitle(tr("Metrics"));
    matrixGroup_->setTitle(tr("Confusion matrix"));
    examplesGroup_->setTitle(tr("Examples — click one to inspect it on the Predict and Attention pages"));
    show_->setItemText(0, tr("All examples"));
    show_->setItemText(1, tr("Mistakes only"));
    show_->setItemText(2, tr("Correct only"));
    search_->setPlaceholderText(tr("Filter sentences…"));
    clearCell_->setText(tr("Show every cell"));
    showCell(cellTrue_, cellPredicted_);
    metrics_->setHorizontalHeaderLabels({tr("Class"), tr("Precision"), tr("Recall"), tr("F1"), tr("Support")});
    if (!outcome_.data) summary_->setText(tr("Not evaluated yet."));
    showMetrics();
}

void EvaluatePage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void EvaluatePage::evaluate() { session_->evaluate(split_->currentData().toString(), maxLength_); }

void EvaluatePage::applyFilter() {
    filter_->setShow(ExampleFilterModel::Show(show_->currentIndex()));
    filter_->setFilterFixedString(search_->text());
}

void EvaluatePage::showCell(int trueLabel, int predicted) {
    filter_->setCell(trueLabel, predicted);
    matrix_->setSelectedCell(trueLabel, predicted);
    cellTrue_ = trueLabel;
    cellPredicted_ = predicted;
    const bool cell = trueLabel >= 0;
    if (cell) show_->setCurrentIndex(0);  // a diagonal cell holds only right answers
    const QStringList labels = outcome_.data ? toQStringList(outcome_.data->labelNames) : QStringList();
    cellNote_->setText(cell ? tr("True <b>%1</b>, predicted <b>%2</b>")
                                  .arg(labels.value(trueLabel).toHtmlEscaped(), labels.value(predicted).toHtmlEscaped())
                            : QString());
    cellNote_->setVisible(cell);
    clearCell_->setVisible(cell);
}

void EvaluatePage::show(const EvaluationOutcome& outcome) {
    outcome_ = outcome;
    examples_->setOutcome(outcome);
    showCell(-1, -1);
    // Confident mistakes first: the most instructive rows for a person reading them.
    show_->setCurrentIndex(1);
    view_->sortByColumn(ExampleTableModel::Confidence, Qt::DescendingOrder);
    showMetrics();
}

QString EvaluatePage::summaryText() const { return summary_->text(); }

void EvaluatePage::showMetrics() {
    if (!outcome_.data) {
        metrics_->setRowCount(0);
        matrix_->setMatrix({}, {});
        summary_->clear();
        return;
    }
    const auto& m = outcome_.result.metrics;
    const QStringList labels = toQStringList(outcome_.data->labelNames);
    summary_->setText(tr("<b>%1</b> · %2 examples · accuracy <b>%3</b> · MCC <b>%4</b> · macro F1 <b>%5</b> · loss %6")
                          .arg(split_->itemText(std::max(0, split_->findData(outcome_.split))))
                          .arg(m.count)
                          .arg(QLocale().toString(m.accuracy, 'f', 4))
                          .arg(QLocale().toString(m.mcc, 'f', 4))
                          .arg(QLocale().toString(m.f1Macro, 'f', 4))
                          .arg(QLocale().toString(m.loss, 'f', 4)));
    metrics_->setRowCount(int(m.perClass.size()) + 1);
    auto put = [&](int row, int column, const QString& text) {
        auto* item = new QTableWidgetItem(text);
        item->setTextAlignment(column == 0 ? (Qt::AlignLeft | Qt::AlignVCenter) : (Qt::AlignRight | Qt::AlignVCenter));
        metrics_->setItem(row, column, item);
    };
    for (int i = 0; i < int(m.perClass.size()); ++i) {
        const auto& c = m.perClass[size_t(i)];
        put(i, 0, labels.value(i, QString::number(i)));
        put(i, 1, QLocale().toString(c.precision, 'f', 4));
        put(i, 2, QLocale().toString(c.recall, 'f', 4));
        put(i, 3, QLocale().toString(c.f1, 'f', 4));
        put(i, 4, QString::number(c.support));
    }
    const int last = int(m.perClass.size());
    put(last, 0, tr("macro average"));
    put(last, 1, QLocale().toString(m.precisionMacro, 'f', 4));
    put(last, 2, QLocale().toString(m.recallMacro, 'f', 4));
    put(last, 3, QLocale().toString(m.f1Macro, 'f', 4));
    put(last, 4, QString::number(m.count));
    matrix_->setMatrix(m.confusion, labels);
}
