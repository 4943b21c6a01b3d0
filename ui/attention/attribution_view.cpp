// AttributionView: see attribution_view.h.
#include "attention/attribution_view.h"

#include "attention/attribution_method_box.h"
#include "plots/token_scores_strip.h"
#include "session/explain_service.h"
#include "widgets/refresh_when_shown.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

using bertbench::AttributionMethod;

AttributionView::AttributionView(ExplainService* service, QWidget* parent)
    : QWidget(parent), service_(service), refresh_(new RefreshWhenShown(this, [this] { explain(); })) {
    methodLabel_ = new QLabel(this);
    method_ = new AttributionMethodBox(/*withRollout=*/true, this);
    method_->setObjectName(QStringLiteral("attributionMethod"));
    stepsLabel_ = new QLabel(this);
    steps_ = new QSpinBox(this);
    steps_->setObjectName(QStringLiteral("attributionSteps"));
    steps_->setRange(1, 1000);
    steps_->setValue(50);
    classLabel_ = new QLabel(this);
    class_ = new QComboBox(this);
    class_->setObjectName(QStringLiteral("attributionClass"));
    class_->setMinimumContentsLength(12);
    explain_ = new QPushButton(this);
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
    for (QWidget* w : std::initializer_list<QWidget*>{methodLabel_, method_, stepsLabel_, steps_, classLabel_, class_})
        controls->addWidget(w);
    controls->addStretch(1);
    controls->addWidget(explain_);

    strip_ = new TokenScoresStrip(this);
    summary_ = new QLabel(this);
    summary_->setObjectName(QStringLiteral("attributionSummary"));
    summary_->setWordWrap(true);
    summary_->setTextInteractionFlags(Qt::TextSelectableByMouse);
    status_ = new QLabel(this);
    status_->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(strip_);
    layout->addWidget(summary_);
    layout->addWidget(status_);
    layout->addStretch(1);

    connect(method_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        steps_->setEnabled(method_->method() == AttributionMethod::IntegratedGradients);
        explain();
    });
    connect(steps_, &QSpinBox::editingFinished, this, &AttributionView::explain);
    connect(class_, qOverload<int>(&QComboBox::activated), this, &AttributionView::explain);
    connect(explain_, &QPushButton::clicked, this, &AttributionView::explain);
    connect(service_, &ExplainService::explained, this, [this](int id, const bertbench::Attribution& a) {
        if (id == pending_) show(a);
    });
    connect(service_, &ExplainService::failed, this, [this](int id, const QString&, const QString& message) {
        if (id == pending_) status_->setText(message);
    });
    connect(service_, &ExplainService::modelReplaced, this, [this] {
        refillClasses();
        refresh_->request();
    });
    refillClasses();
    retranslateUi();
}

void AttributionView::retranslateUi() {
    methodLabel_->setText(tr("Method:"));
    stepsLabel_->setText(tr("Steps:"));
    steps_->setToolTip(tr("Intervals of the integral; more steps shrink the completeness gap."));
    classLabel_->setText(tr("Class:"));
    if (class_->count() > 0) class_->setItemText(0, tr("Predicted class"));
    explain_->setText(tr("Explain"));
    summary_->setText(summary());
}

void AttributionView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void AttributionView::refillClasses() {
    const QString keep = class_->currentData().toString();
    class_->clear();
    class_->addItem(tr("Predicted class"), QString());
    for (const QString& label : service_->labels()) class_->addItem(label, label);
    const int index = class_->findData(keep);
    class_->setCurrentIndex(std::max(0, index));
}

void AttributionView::setSentence(const QString& text) {
    if (text == sentence_ && attribution_) return;
    sentence_ = text;
    refresh_->request();
}

void AttributionView::setMethod(AttributionMethod method) { method_->setMethod(method); }
void AttributionView::setSteps(int steps) { steps_->setValue(steps); }
void AttributionView::setClassLabel(const QString& label) { class_->setCurrentIndex(std::max(0, class_->findData(label))); }

void AttributionView::explain() {
    if (sentence_.trimmed().isEmpty() || !service_->isAvailable()) return;
    bertbench::ExplainRequest request;
    request.text = sentence_.trimmed().toStdString();
    request.method = method_->method();
    request.steps = steps_->value();
    request.classLabel = class_->currentData().toString().toStdString();
    pending_ = service_->explain(request, ExplainService::Channel::Attributions);
    status_->setText(tr("Explaining…"));
}

void AttributionView::show(const bertbench::Attribution& a) {
    attribution_ = a;
    QStringList tokens;
    for (const auto& t : a.prediction.readableTokens) tokens << QString::fromStdString(t);
    strip_->setScores(tokens, QVector<float>(a.scores.begin(), a.scores.end()));
    summary_->setText(summary());
    status_->clear();
    emit explained();
}

QString AttributionView::summary() const {
    if (!attribution_) return {};
    const auto& a = *attribution_;
    const QLocale locale;
    const float p = size_t(a.classId) < a.prediction.probabilities.size() ? a.prediction.probabilities[size_t(a.classId)] : 0;
    QString text = tr("Explaining %1 (probability %2). Red tokens push towards it, blue ones away.")
                       .arg(QString::fromStdString(a.classLabel), locale.toString(double(p), 'f', 3));
    if (a.method == AttributionMethod::AttentionRollout)
        text = tr("Attention rollout: the share of [CLS]'s attention that reaches each token through all layers "
                  "(no sign; not specific to %1).").arg(QString::fromStdString(a.classLabel));
    if (a.completenessGap && a.output && a.baselineOutput) {
        double sum = 0;
        for (float s : a.scores) sum += s;
        text += QLatin1Char('\n') +
                tr("Σ scores = %1; f(x) − f(baseline) = %2 − %3 = %4; completeness gap %5 (%6 %) after %n step(s).",
                   nullptr, a.steps)
                    .arg(locale.toString(sum, 'f', 4), locale.toString(*a.output, 'f', 4),
                         locale.toString(*a.baselineOutput, 'f', 4), locale.toString(*a.output - *a.baselineOutput, 'f', 4),
                         locale.toString(*a.completenessGap, 'f', 4),
                         locale.toString(100.0 * a.relativeGap().value_or(0.0), 'f', 2));
    }
    return text;
}
