// ComparisonView: see comparison_view.h.
#include "attention/comparison_view.h"

#include "attention/heads_view.h"
#include "plots/attention_map_plot.h"
#include "session/explain_service.h"
#include "widgets/refresh_when_shown.h"

#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace {
constexpr int kRankedHeads = 12;
QStringList readable(const bertbench::Prediction& p) {
    QStringList tokens;
    for (const auto& t : p.readableTokens) tokens << QString::fromStdString(t);
    return tokens;
}
}  // namespace

ComparisonView::ComparisonView(ExplainService* service, QWidget* parent)
    : QWidget(parent), service_(service), refresh_(new RefreshWhenShown(this, [this] { compare(); })) {
    folderLabel_ = new QLabel(this);
    folder_ = new QLineEdit(this);
    folder_->setObjectName(QStringLiteral("otherModelFolder"));
    browse_ = new QPushButton(this);
    compare_ = new QPushButton(this);
    compare_->setObjectName(QStringLiteral("compare"));
    shownLabel_ = new QLabel(this);
    shown_ = new QComboBox(this);
    shown_->setObjectName(QStringLiteral("comparisonShown"));
    shown_->addItems({QString(), QString(), QString()});
    shown_->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    auto* top = new QHBoxLayout;
    top->setContentsMargins(0, 0, 0, 0);
    top->addWidget(folderLabel_);
    top->addWidget(folder_, 1);
    top->addWidget(browse_);
    top->addWidget(compare_);
    top->addSpacing(12);
    top->addWidget(shownLabel_);
    top->addWidget(shown_);

    heads_ = new HeadsView(/*signedValues=*/true, this);
    plain_ = new HeadsView(/*signedValues=*/false, this);
    auto* stack = new QStackedWidget(this);
    stack->addWidget(heads_);
    stack->addWidget(plain_);
    rankingLabel_ = new QLabel(this);
    rankingLabel_->setWordWrap(true);
    ranking_ = new QTableWidget(0, 3, this);
    ranking_->setObjectName(QStringLiteral("changedHeads"));
    ranking_->verticalHeader()->hide();
    ranking_->horizontalHeader()->setStretchLastSection(true);
    ranking_->setEditTriggers(QAbstractItemView::NoEditTriggers);
    ranking_->setSelectionBehavior(QAbstractItemView::SelectRows);
    ranking_->setSelectionMode(QAbstractItemView::SingleSelection);
    auto* side = new QWidget(this);
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(rankingLabel_);
    sideLayout->addWidget(ranking_, 1);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(stack);
    split->addWidget(side);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    split->setSizes({900, 300});
    side->setMinimumWidth(240);
    ranking_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    status_ = new QLabel(this);
    status_->setWordWrap(true);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(status_);
    layout->addWidget(split, 1);

    connect(browse_, &QPushButton::clicked, this, &ComparisonView::browse);
    connect(compare_, &QPushButton::clicked, this, &ComparisonView::compare);
    connect(folder_, &QLineEdit::returnPressed, this, &ComparisonView::compare);
    connect(shown_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this, stack](int index) {
        stack->setCurrentIndex(index == 0 ? 0 : 1);
        showComparison();
    });
    connect(ranking_, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (!comparison_ || row >= int(comparison_->ranking.size())) return;
        const auto& change = comparison_->ranking[size_t(row)];
        heads_->choose(change.layer, change.head);
        plain_->choose(change.layer, change.head);
    });
    connect(service_, &ExplainService::compared, this, [this](int id, const bertbench::AttentionComparison& c) {
        if (id != pending_) return;
        comparison_ = c;
        status_->clear();
        showComparison();
        emit compared();
    });
    connect(service_, &ExplainService::failed, this, [this](int id, const QString&, const QString& message) {
        if (id == pending_) status_->setText(message);
    });
    connect(service_, &ExplainService::modelReplaced, refresh_, &RefreshWhenShown::request);
    retranslateUi();
}

void ComparisonView::retranslateUi() {
    folderLabel_->setText(tr("Other model:"));
    folder_->setPlaceholderText(tr("A model folder of the same architecture, e.g. the one training started from"));
    browse_->setText(tr("Browse…"));
    compare_->setText(tr("Compare"));
    shownLabel_->setText(tr("Show:"));
    shown_->setItemText(0, tr("Difference (this − other)"));
    shown_->setItemText(1, tr("This model"));
    shown_->setItemText(2, tr("Other model"));
    ranking_->setHorizontalHeaderLabels({tr("Layer"), tr("Head"), tr("Change (JSD, bits)")});
    rankingLabel_->setText(comparison_ ? tr("The %1 most changed heads, over %n sentence(s) of the validation split:",
                                            nullptr, int(comparison_->sampleSize))
                                             .arg(std::min<int>(kRankedHeads, int(comparison_->ranking.size())))
                                       : tr("The most changed heads appear here."));
}

void ComparisonView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void ComparisonView::setSentence(const QString& text) {
    if (text == sentence_ && comparison_) return;
    sentence_ = text;
    refresh_->request();
}

void ComparisonView::setOtherModel(const QString& folder) {
    folder_->setText(folder);
    compare();
}

QWidget* ComparisonView::figure() const {
    return shown_->currentIndex() == 0 ? static_cast<QWidget*>(heads_->map()) : static_cast<QWidget*>(plain_->map());
}

void ComparisonView::suggestOtherModel(const QString& folder) {
    if (folder_->text().isEmpty()) folder_->setText(folder);
}

void ComparisonView::setShown(Shown shown) { shown_->setCurrentIndex(int(shown)); }

void ComparisonView::browse() {
    const QString dir = QFileDialog::getExistingDirectory(this, tr("Model to compare with"), folder_->text());
    if (!dir.isEmpty()) setOtherModel(dir);
}

void ComparisonView::compare() {
    if (sentence_.trimmed().isEmpty() || folder_->text().trimmed().isEmpty() || !service_->isAvailable()) return;
    bertbench::CompareRequest request;
    request.folder = folder_->text().trimmed().toStdString();
    request.text = sentence_.trimmed().toStdString();
    pending_ = service_->compare(request);
    status_->setText(tr("Comparing…"));
}

void ComparisonView::showComparison() {
    retranslateUi();
    if (!comparison_) {
        heads_->clear();
        plain_->clear();
        ranking_->setRowCount(0);
        return;
    }
    const auto& c = *comparison_;
    // The difference is current − other: the session's `second` is the current model.
    if (shown_->currentIndex() == 0)
        heads_->setMaps(c.difference, readable(c.second), c.second.special);
    else {
        const auto& p = shown_->currentIndex() == 1 ? c.second : c.first;
        if (p.attentions) plain_->setMaps(*p.attentions, readable(p), p.special);
    }
    const QLocale locale;
    const int rows = std::min<int>(kRankedHeads, int(c.ranking.size()));
    ranking_->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const auto& change = c.ranking[size_t(r)];
        ranking_->setItem(r, 0, new QTableWidgetItem(QString::number(change.layer + 1)));
        ranking_->setItem(r, 1, new QTableWidgetItem(QString::number(change.head + 1)));
        ranking_->setItem(r, 2, new QTableWidgetItem(locale.toString(change.divergence, 'f', 4)));
    }
}
