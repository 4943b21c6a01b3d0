// AttentionPage: see attention_page.h.
#include "pages/attention_page.h"

#include "dialogs/message_dialogs.h"
#include "attention/ablation_view.h"
#include "attention/attribution_view.h"
#include "attention/comparison_view.h"
#include "attention/heads_view.h"
#include "attention/minimal_pair_view.h"
#include "attention/training_attention_view.h"
#include "plots/attention_map_plot.h"
#include "plots/figure_export.h"
#include "plots/head_toggle_grid.h"
#include "plots/token_scores_strip.h"
#include "session/prediction_service.h"
#include "widgets/refresh_when_shown.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

AttentionPage::AttentionPage(PredictionService* prediction, ExplainService* explain, QWidget* parent)
    : QWidget(parent), service_(prediction), refresh_(new RefreshWhenShown(this, [this] { request(); })) {
    sentenceLabel_ = new QLabel(this);
    sentence_ = new QLineEdit(this);
    sentence_->setObjectName(QStringLiteral("attentionSentence"));
    show_ = new QPushButton(this);
    export_ = new QPushButton(this);
    export_->setObjectName(QStringLiteral("exportFigure"));
    auto* top = new QHBoxLayout;
    top->addWidget(sentenceLabel_);
    top->addWidget(sentence_, 1);
    top->addWidget(show_);
    top->addSpacing(12);
    top->addWidget(export_);

    heads_ = new HeadsView(/*signedValues=*/false, this);
    attributions_ = new AttributionView(explain, this);
    ablation_ = new AblationView(explain, this);
    comparison_ = new ComparisonView(explain, this);
    training_ = new TrainingAttentionView(explain, this);
    minimalPair_ = new MinimalPairView(explain, this);
    tabs_ = new QTabWidget(this);
    tabs_->setObjectName(QStringLiteral("explainTabs"));
    tabs_->setDocumentMode(true);
    for (QWidget* view : std::initializer_list<QWidget*>{heads_, attributions_, ablation_, comparison_, training_,
                                                         minimalPair_})
        tabs_->addTab(view, QString());

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(tabs_, 1);

    connect(show_, &QPushButton::clicked, this, &AttentionPage::request);
    connect(sentence_, &QLineEdit::returnPressed, this, &AttentionPage::request);
    connect(export_, &QPushButton::clicked, this, &AttentionPage::exportWithDialog);
    connect(service_, &PredictionService::predicted, this, &AttentionPage::onPredicted);
    connect(service_, &PredictionService::modelReplaced, refresh_, &RefreshWhenShown::request);
    retranslateUi();
}

void AttentionPage::retranslateUi() {
    sentenceLabel_->setText(tr("Sentence:"));
    sentence_->setPlaceholderText(tr("Type a sentence and press Enter"));
    show_->setText(tr("Show"));
    export_->setText(tr("Export…"));
    export_->setToolTip(tr("Saves the figure of the tab shown as PNG (for slides) or SVG (for papers)."));
    tabs_->setTabText(Heads, tr("Heads"));
    tabs_->setTabText(Attributions, tr("Attributions"));
    tabs_->setTabText(Ablation, tr("Ablation"));
    tabs_->setTabText(Comparison, tr("Comparison"));
    tabs_->setTabText(Training, tr("Across training"));
    tabs_->setTabText(MinimalPair, tr("Minimal pair"));
    tabs_->setTabToolTip(Heads, tr("Where each attention head looks."));
    tabs_->setTabToolTip(Attributions, tr("Which tokens moved the decision, and which way."));
    tabs_->setTabToolTip(Ablation, tr("Switch heads off and watch the probabilities; importance and pruning."));
    tabs_->setTabToolTip(Comparison, tr("How attention differs from a second model, e.g. the pretrained one."));
    tabs_->setTabToolTip(Training, tr("How attention changed from one evaluation of a run to the next."));
    tabs_->setTabToolTip(MinimalPair, tr("Two sentences side by side, with their attributions' difference."));
}

void AttentionPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void AttentionPage::setSentence(const QString& text) {
    if (text == sentence_->text() && !refresh_->pending() && heads_->hasMaps()) return;
    sentence_->setText(text);
    // Attentions of every layer are costly on a large model: only for a page someone looks at.
    refresh_->request();
}

void AttentionPage::showTab(Tab tab) { tabs_->setCurrentIndex(tab); }

AttentionMapPlot* AttentionPage::map() const { return heads_->map(); }
int AttentionPage::tokenCount() const { return heads_->tokenCount(); }
void AttentionPage::setHideSpecialTokens(bool hide) { heads_->setHideSpecialTokens(hide); }
void AttentionPage::setColourScaleFromMinimum(bool fromMinimum) { heads_->setColourScaleFromMinimum(fromMinimum); }

void AttentionPage::request() {
    const QString text = sentence_->text().trimmed();
    if (text.isEmpty()) return;
    pending_ = service_->request(text, true);
    // Each tab computes only when it is shown (attributions cost many passes).
    attributions_->setSentence(text);
    ablation_->setSentence(text);
    comparison_->setSentence(text);
    emit sentenceChanged(sentence_->text());
}

void AttentionPage::onPredicted(int id, const bertbench::Prediction& p) {
    if (id != pending_ || !p.attentions) return;
    heads_->setMaps(*p.attentions, toQStringList(p.readableTokens), p.special);
    emit shown();
}

QWidget* AttentionPage::currentFigure() const {
    switch (Tab(tabs_->currentIndex())) {
    case Heads: return heads_->map();
    case Attributions: return attributions_->strip();
    case Ablation: return ablation_->grid();
    case Comparison: return comparison_->figure();
    case Training: return training_->heads()->map();
    case MinimalPair: return minimalPair_;
    }
    return heads_->map();
}

QString AttentionPage::exportFigure(const QString& path) { return FigureExport::save(currentFigure(), path); }

void AttentionPage::exportWithDialog() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export figure"), QStringLiteral("attention.png"),
                                                      FigureExport::fileFilter());
    if (path.isEmpty()) return;
    const QString error = exportFigure(path);
    if (!error.isEmpty()) MessageDialogs::showError(this, tr("Export figure"), error);
}
