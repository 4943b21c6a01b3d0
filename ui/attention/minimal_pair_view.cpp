// MinimalPairView: see minimal_pair_view.h.
#include "attention/minimal_pair_view.h"

#include "attention/attribution_method_box.h"
#include "plots/probability_bars_plot.h"
#include "plots/token_scores_strip.h"
#include "session/explain_service.h"
#include "widgets/refresh_when_shown.h"

#include <QEvent>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMap>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using bertbench::AttributionMethod;

MinimalPairView::MinimalPairView(ExplainService* service, QWidget* parent)
    : QWidget(parent), service_(service), refresh_(new RefreshWhenShown(this, [this] { explain(); })) {
    firstLabel_ = new QLabel(this);
    secondLabel_ = new QLabel(this);
    firstEdit_ = new QLineEdit(QStringLiteral("The boy ate the apple."), this);
    firstEdit_->setObjectName(QStringLiteral("pairFirst"));
    secondEdit_ = new QLineEdit(QStringLiteral("Apple the boy ate the."), this);
    secondEdit_->setObjectName(QStringLiteral("pairSecond"));
    methodLabel_ = new QLabel(this);
    method_ = new AttributionMethodBox(/*withRollout=*/false, this);
    explain_ = new QPushButton(this);
    explain_->setObjectName(QStringLiteral("explainPair"));
    firstStrip_ = new TokenScoresStrip(this);
    secondStrip_ = new TokenScoresStrip(this);
    firstBars_ = new ProbabilityBarsPlot(this);
    secondBars_ = new ProbabilityBarsPlot(this);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    table_ = new QTableWidget(0, 4, this);
    table_->setObjectName(QStringLiteral("pairDifferences"));
    table_->verticalHeader()->hide();
    table_->horizontalHeader()->setStretchLastSection(true);
    table_->setEditTriggers(QAbstractItemView::NoEditTriggers);

    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(firstLabel_, 0, 0);
    grid->addWidget(firstEdit_, 0, 1);
    grid->addWidget(secondLabel_, 0, 2);
    grid->addWidget(secondEdit_, 0, 3);
    grid->addWidget(firstBars_, 1, 0, 1, 2);
    grid->addWidget(secondBars_, 1, 2, 1, 2);
    grid->addWidget(firstStrip_, 2, 0, 1, 2);
    grid->addWidget(secondStrip_, 2, 2, 1, 2);
    grid->setColumnStretch(1, 1);
    grid->setColumnStretch(3, 1);
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    controls->addWidget(methodLabel_);
    controls->addWidget(method_);
    controls->addStretch(1);
    controls->addWidget(explain_);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addLayout(grid);
    layout->addWidget(status_);
    layout->addWidget(table_, 1);

    connect(explain_, &QPushButton::clicked, this, &MinimalPairView::explain);
    connect(firstEdit_, &QLineEdit::returnPressed, this, &MinimalPairView::explain);
    connect(secondEdit_, &QLineEdit::returnPressed, this, &MinimalPairView::explain);
    connect(service_, &ExplainService::explained, this, [this](int id, const bertbench::Attribution& a) {
        if (id == pendingFirst_) {
            first_ = a;
            // The second sentence is explained for the first one's class, so the scores compare.
            bertbench::ExplainRequest request;
            request.text = requestedSecond_.toStdString();
            request.method = method_->method();
            request.classLabel = a.classLabel;
            pendingSecond_ = service_->explain(request, ExplainService::Channel::PairSecond);
        } else if (id == pendingSecond_) {
            second_ = a;
            status_->clear();
            showPair();
            emit explained();
        }
    });
    connect(service_, &ExplainService::failed, this, [this](int id, const QString&, const QString& message) {
        if (id == pendingFirst_ || id == pendingSecond_) status_->setText(message);
    });
    connect(service_, &ExplainService::modelReplaced, refresh_, &RefreshWhenShown::request);
    retranslateUi();
    refresh_->request();  // the example pair, on first sight
}

void MinimalPairView::retranslateUi() {
    firstLabel_->setText(tr("First:"));
    secondLabel_->setText(tr("Second:"));
    methodLabel_->setText(tr("Method:"));
    explain_->setText(tr("Explain both"));
    table_->setHorizontalHeaderLabels({tr("Token"), tr("First"), tr("Second"), tr("Second − first")});
    if (first_ && second_) status_->setText(tr("Both explained for %1, the first sentence's class; one colour scale.")
                                                .arg(QString::fromStdString(first_->classLabel)));
}

void MinimalPairView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void MinimalPairView::setSentences(const QString& first, const QString& second) {
    firstEdit_->setText(first);
    secondEdit_->setText(second);
    explain();
}

void MinimalPairView::explain() {
    if (firstEdit_->text().trimmed().isEmpty() || secondEdit_->text().trimmed().isEmpty() || !service_->isAvailable())
        return;
    bertbench::ExplainRequest request;
    request.text = firstEdit_->text().trimmed().toStdString();
    request.method = method_->method();
    requestedSecond_ = secondEdit_->text().trimmed();
    pendingSecond_ = -1;
    pendingFirst_ = service_->explain(request, ExplainService::Channel::PairFirst);
    status_->setText(tr("Explaining…"));
}

QVector<MinimalPairView::TokenPair> MinimalPairView::pairTokens(const bertbench::Attribution& first,
                                                                const bertbench::Attribution& second) {
    // Key: the token as read, lower-cased, with its occurrence number.
    auto keys = [](const bertbench::Attribution& a) {
        QVector<QString> result;
        QMap<QString, int> seen;
        for (const auto& t : a.prediction.readableTokens) {
            const QString token = QString::fromStdString(t).toLower();
            result << token + QLatin1Char('#') + QString::number(seen[token]++);
        }
        return result;
    };
    const auto firstKeys = keys(first), secondKeys = keys(second);
    QVector<TokenPair> pairs;
    QVector<bool> used(secondKeys.size(), false);
    for (int i = 0; i < firstKeys.size(); ++i) {
        TokenPair pair{QString::fromStdString(first.prediction.readableTokens[size_t(i)]), first.scores[size_t(i)], {}};
        const int j = int(secondKeys.indexOf(firstKeys[i]));
        if (j >= 0) {
            pair.second = second.scores[size_t(j)];
            used[j] = true;
        }
        pairs << pair;
    }
    for (int j = 0; j < secondKeys.size(); ++j)
        if (!used[j]) pairs << TokenPair{QString::fromStdString(second.prediction.readableTokens[size_t(j)]), {},
                                         second.scores[size_t(j)]};
    return pairs;
}

void MinimalPairView::showPair() {
    if (!first_ || !second_) return;
    auto tokens = [](const bertbench::Attribution& a) {
        QStringList list;
        for (const auto& t : a.prediction.readableTokens) list << QString::fromStdString(t);
        return list;
    };
    double limit = 0;
    for (float s : first_->scores) limit = std::max(limit, std::abs(double(s)));
    for (float s : second_->scores) limit = std::max(limit, std::abs(double(s)));
    for (auto* strip : {firstStrip_, secondStrip_}) strip->setScaleLimit(limit > 0 ? limit : 1.0);
    firstStrip_->setScores(tokens(*first_), QVector<float>(first_->scores.begin(), first_->scores.end()));
    secondStrip_->setScores(tokens(*second_), QVector<float>(second_->scores.begin(), second_->scores.end()));
    const auto labels = service_->labels();
    const auto& p1 = first_->prediction.probabilities;
    const auto& p2 = second_->prediction.probabilities;
    firstBars_->setProbabilities(labels, QVector<float>(p1.begin(), p1.end()));
    secondBars_->setProbabilities(labels, QVector<float>(p2.begin(), p2.end()));

    const QLocale locale;
    const auto pairs = pairTokens(*first_, *second_);
    table_->setRowCount(int(pairs.size()));
    for (int r = 0; r < pairs.size(); ++r) {
        const auto& pair = pairs[r];
        auto number = [&](std::optional<float> v) {
            return new QTableWidgetItem(v ? locale.toString(double(*v), 'f', 4) : QStringLiteral("—"));
        };
        table_->setItem(r, 0, new QTableWidgetItem(pair.token));
        table_->setItem(r, 1, number(pair.first));
        table_->setItem(r, 2, number(pair.second));
        std::optional<float> difference;
        if (pair.first && pair.second) difference = *pair.second - *pair.first;
        auto* item = number(difference);
        if (difference) item->setBackground(TokenScoresStrip::colourOf(*difference, limit > 0 ? limit : 1.0));
        table_->setItem(r, 3, item);
    }
    retranslateUi();
}
