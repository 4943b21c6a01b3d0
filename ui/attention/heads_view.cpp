// HeadsView: see heads_view.h.
#include "attention/heads_view.h"

#include "plots/attention_grid_plot.h"
#include "plots/attention_map_plot.h"

#include <QCheckBox>
#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QLabel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

HeadsView::HeadsView(bool signedValues, QWidget* parent) : QWidget(parent), signed_(signedValues) {
    layerLabel_ = new QLabel(this);
    layer_ = new QSpinBox(this);
    layer_->setObjectName(QStringLiteral("layer"));
    layer_->setRange(1, 1);
    headLabel_ = new QLabel(this);
    head_ = new QComboBox(this);
    head_->setObjectName(QStringLiteral("head"));
    head_->setMinimumContentsLength(14);
    hideSpecial_ = new QCheckBox(this);
    scaleLabel_ = new QLabel(this);
    scale_ = new QComboBox(this);
    scale_->setObjectName(QStringLiteral("colourScale"));
    scale_->addItem(QString(), int(AttentionMapPlot::ColourScale::ZeroToMax));
    scale_->addItem(QString(), int(AttentionMapPlot::ColourScale::MinToMax));
    auto* controls = new QHBoxLayout;
    controls->setContentsMargins(0, 0, 0, 0);
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
    scaleLabel_->setVisible(!signed_);
    scale_->setVisible(!signed_);

    map_ = new AttentionMapPlot(this);
    map_->setMinimumSize(420, 360);
    map_->setColourScale(signed_ ? AttentionMapPlot::ColourScale::Signed : AttentionMapPlot::ColourScale::ZeroToMax);
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
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(controls);
    layout->addWidget(split, 1);

    connect(layer_, qOverload<int>(&QSpinBox::valueChanged), this, &HeadsView::redraw);
    connect(head_, qOverload<int>(&QComboBox::currentIndexChanged), this, &HeadsView::redraw);
    connect(hideSpecial_, &QCheckBox::toggled, this, &HeadsView::redraw);
    connect(scale_, qOverload<int>(&QComboBox::currentIndexChanged), this, [this] {
        map_->setColourScale(AttentionMapPlot::ColourScale(scale_->currentData().toInt()));
        redraw();
    });
    connect(grid_, &AttentionGridPlot::headChosen, this, &HeadsView::choose);
    retranslateUi();
}

void HeadsView::retranslateUi() {
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
    hint_->setText(signed_ ? tr("Rows are layers, columns heads; red: more attention than the other model, blue: "
                                "less. Click a thumbnail to open it. Wheel: zoom, drag: pan, double click: all.")
                           : tr("Rows are layers, columns heads. Click a thumbnail to open it. Wheel: zoom, drag: "
                                "pan, double click: all."));
    redraw();
}

void HeadsView::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QWidget::changeEvent(event);
}

void HeadsView::setMaps(const bertbench::AttentionMaps& maps, const QStringList& readableTokens,
                        const std::vector<bool>& special) {
    maps_ = maps;
    tokens_ = readableTokens;
    special_ = special;
    const QSignalBlocker blockLayer(layer_), blockHead(head_);
    layer_->setRange(1, std::max(1, maps.layers));
    const int keepHead = head_->currentIndex();
    head_->clear();
    head_->addItem(tr("Mean over heads"));
    for (int h = 0; h < maps.heads; ++h) head_->addItem(tr("Head %1").arg(h + 1));
    head_->setCurrentIndex(keepHead > 0 && keepHead <= maps.heads ? keepHead : 1);
    redraw();
}

void HeadsView::clear() {
    maps_.reset();
    tokens_.clear();
    special_.clear();
    redraw();
}

void HeadsView::choose(int layer, int head) {
    const QSignalBlocker blockLayer(layer_), blockHead(head_);
    layer_->setValue(layer + 1);
    head_->setCurrentIndex(head + 1);
    redraw();
}

int HeadsView::layer() const { return layer_->value() - 1; }
int HeadsView::head() const { return head_->currentIndex() - 1; }

void HeadsView::setHideSpecialTokens(bool hide) { hideSpecial_->setChecked(hide); }
void HeadsView::setColourScaleFromMinimum(bool fromMinimum) { scale_->setCurrentIndex(fromMinimum ? 1 : 0); }

QVector<int> HeadsView::shownTokens() const {
    QVector<int> shown;
    for (int i = 0; i < int(tokens_.size()); ++i) {
        const bool special = size_t(i) < special_.size() && special_[size_t(i)];
        if (hideSpecial_->isChecked() && special) continue;
        shown << i;
    }
    return shown;
}

void HeadsView::redraw() {
    if (!maps_) {
        map_->clearMap();
        grid_->clearMaps();
        return;
    }
    const auto shown = shownTokens();
    map_->setMap(*maps_, tokens_, layer(), head(), shown);
    grid_->setMaps(*maps_, shown, map_->gradient(), map_->dataRange());
    grid_->setCurrent(layer(), head());
}
