// AttentionPage: see attention_page.h.
#include "pages/attention_page.h"

#include "plots/attention_grid_plot.h"
#include "plots/attention_map_plot.h"
#include "session/prediction_service.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

AttentionPage::AttentionPage(PredictionService* service, QWidget* parent) : QWidget(parent), service_(service) {
    sentenceLabel_ = new QLabel(this);
    sentence_ = new QLineEdit(this);
    sentence_->setObjectName(QStringLiteral("attentionSentence"));
    show_ = new QPushButton(this);
    layerLabel_ = new QLabel(this);
    layer_ = new QSpinBox(this);
    layer_->setRange(1, 1);
    headLabel_ = new QLabel(this);
    head_ = new QComboBox(this);
    head_->setMinimumContentsLength(14);
    hideSpecial_ = new QCheckBox(this);
    scaleLabel_ = new QLabel(this);
    scale_ = new QComboBox(this);
    scale_->setObjectName(QStringLiteral("colourScale"));
    scale_->addItem(QString(), int(AttentionMapPlot::ColourScale::ZeroToMax));
    scale_->addItem(QString(), int(AttentionMapPlot::ColourScale::MinToMax));
    export_ = new QPushButton(this);
    auto* top = new QHBoxLayout;
    top->addWidget(sentenceLabel_);
    top->addWidget(sentence_, 1);
    top->addWidget(show_);
    auto* controls = new QHBoxLayout;
    controls->addWidget(layerLabel_);
    controls->addWidget(layer_);
    controls->addSpacing(12);
    controls->addWidget(headLabel_);
    controls->addWidget(head_);
    controls->addSpacing(12);
    controls->addWidget(hideSpecial_);
    controls->addSpacing(12);
    controls->addWidget(scaleLabel_);
    controls->addWidget(scale_);
    controls->addStretch(1);
    controls->addWidget(export_);

    map_ = new AttentionMapPlot(this);
    map_->setMinimumSize(420, 380);
    grid_ = new AttentionGridPlot(this);
    hint_ = new QLabel(this);
    hint_->setWordWrap(true);
    auto* side = new QWidget;
    auto* sideLayout = new QVBoxLayout(side);
    sideLayout->setContentsMargins(0, 0, 0, 0);
    sideLayout->addWidget(grid_, 1);
    sideLayout->addWidget(hint_);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(map_);
    split->addWidget(side);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    split->setSizes({600, 400});  // the map is what people read; the grid is for navigation

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    connect(show_, &QPushButton::clicked, this, &AttentionPage::request);
    connect(sentence_, &QLineEdit::returnPressed, this, &AttentionPage::request);
    connect(layer_, qOverload<int>(&QSpinBox::valueChanged), this, &AttentionPage::redraw);
    connect(head_, qOverload<int>(&QComboBox::currentIndexChanged), this, &AttentionPage::redraw);
    connect(hideSpecial_, &QCheckBox::toggled, this, &AttentionPage::redraw);
    connect(scale_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        map_->setColourScale(AttentionMapPlot::ColourScale(scale_->currentData().toInt()));
        redraw();
    });
    connect(export_, &QPushButton::clicked, this, &AttentionPage::exportPng);
    connect(grid_, &AttentionGridPlot::headChosen, this, [this](int layer, int head) {
        layer_->setValue(layer + 1);
        head_->setCurrentIndex(head + 1);
    });
    connect(service_, &PredictionService::predicted, this, &AttentionPage::onPredicted);
    connect(service_, &PredictionService::modelReplaced, this, &AttentionPage::request);
    retranslateUi();
}

void AttentionPage::retranslateUi() {
    sentenceLabel_->setText(tr("Sentence:"));
    sentence_->setPlaceholderText(tr("Type a sentence and press Enter"));
    show_->setText(tr("Show attention"));
    layerLabel_->setText(tr("Layer:"));
    headLabel_->setText(tr("Head:"));
    if (head_->count() > 0) head_->setItemText(0, tr("Mean over heads"));
    for (int i = 1; i < head_->count(); ++i) head_->setItemText(i, tr("Head %1").arg(i));
    hideSpecial_->setText(tr("Hide special tokens"));
    hideSpecial_->setToolTip(tr("Many heads park their attention on [CLS] and [SEP] (RoBERTa: <s> and </s>); hiding "
                                "them shows what else they look at."));
    scaleLabel_->setText(tr("Colours:"));
    scale_->setItemText(0, tr("0 … max"));
    scale_->setItemText(1, tr("min … max"));
    scale_->setToolTip(tr("min … max spreads the colours over the weights that occur, so a nearly uniform head "
                          "does not look flat."));
    export_->setText(tr("Export PNG…"));
    hint_->setText(tr("Rows are layers, columns heads. Click a thumbnail to open it."));
    redraw();
}

void AttentionPage::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void AttentionPage::setSentence(const QString& text) {
    if (text == sentence_->text() && !stale_ && prediction_.attentions) return;
    sentence_->setText(text);
    // Attentions of every layer are costly on a large model: only for a page someone looks at.
    if (isVisible()) request();
    else stale_ = true;
}

void AttentionPage::showEvent(QShowEvent* event) {
    QWidget::showEvent(event);
    if (stale_) request();
}

void AttentionPage::setHideSpecialTokens(bool hide) { hideSpecial_->setChecked(hide); }
void AttentionPage::setColourScaleFromMinimum(bool fromMinimum) { scale_->setCurrentIndex(fromMinimum ? 1 : 0); }

void AttentionPage::request() {
    stale_ = false;
    if (sentence_->text().trimmed().isEmpty()) return;
    pending_ = service_->request(sentence_->text().trimmed(), true);
    emit sentenceChanged(sentence_->text());
}

void AttentionPage::onPredicted(int id, const bertbench::Prediction& p) {
    if (id != pending_ || !p.attentions) return;
    prediction_ = p;
    const auto& maps = *p.attentions;
    const QSignalBlocker blockLayer(layer_), blockHead(head_);
    layer_->setRange(1, maps.layers);
    const int keepHead = head_->currentIndex();
    head_->clear();
    head_->addItem(tr("Mean over heads"));
    for (int h = 0; h < maps.heads; ++h) head_->addItem(tr("Head %1").arg(h + 1));
    head_->setCurrentIndex(keepHead > 0 && keepHead <= maps.heads ? keepHead : 1);
    redraw();
    emit shown();
}

QVector<int> AttentionPage::shownTokens() const {
    QVector<int> shown;
    for (int i = 0; i < int(prediction_.tokens.size()); ++i) {
        const bool special = size_t(i) < prediction_.special.size() && prediction_.special[size_t(i)];
        if (hideSpecial_->isChecked() && special) continue;
        shown << i;
    }
    return shown;
}

void AttentionPage::redraw() {
    if (!prediction_.attentions) {
        map_->clearMap();
        grid_->clearMaps();
        return;
    }
    const auto shown = shownTokens();
    const int layer = layer_->value() - 1, head = head_->currentIndex() - 1;
    map_->setMap(*prediction_.attentions, toQStringList(prediction_.readableTokens), layer, head, shown);
    grid_->setMaps(*prediction_.attentions, shown, map_->gradient(), map_->dataRange());
    grid_->setCurrent(layer, head);
}

void AttentionPage::exportPng() {
    const QString path = QFileDialog::getSaveFileName(this, tr("Export attention map"), QStringLiteral("attention.png"),
                                                      tr("PNG image (*.png)"));
    if (!path.isEmpty()) map_->savePng(path, 0, 0, 2.0);  // twice the pixels, for slides
}
