// AttentionMapPlot: see attention_map_plot.h.
#include "plots/attention_map_plot.h"

#include "plots/token_axis_ticker.h"

#include <QLocale>
#include <algorithm>
#include <QToolTip>

QCPColorGradient AttentionMapPlot::signedGradient() {
    // Blue − … white 0 … red +, the colours of the attribution strips.
    QCPColorGradient gradient;
    gradient.clearColorStops();
    gradient.setColorStopAt(0, QColor(0x1f, 0x5f, 0xbf));
    gradient.setColorStopAt(0.5, Qt::white);
    gradient.setColorStopAt(1, QColor(0xc6, 0x28, 0x28));
    return gradient;
}

AttentionMapPlot::AttentionMapPlot(QWidget* parent) : QCustomPlot(parent) {
    setObjectName(QStringLiteral("attentionMap"));
    map_ = new QCPColorMap(xAxis, yAxis);
    scale_ = new QCPColorScale(this);
    plotLayout()->addElement(0, 1, scale_);
    scale_->setType(QCPAxis::atRight);
    scale_->setDataRange(QCPRange(0, 1));
    map_->setColorScale(scale_);
    map_->setGradient(gradient_);
    map_->setInterpolate(false);
    auto* margins = new QCPMarginGroup(this);
    axisRect()->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    scale_->setMarginGroup(QCP::msBottom | QCP::msTop, margins);
    xAxis->setTickLabelRotation(60);
    xAxis->setSubTicks(false);
    yAxis->setSubTicks(false);
    yAxis->setRangeReversed(true);  // row 0 at the top, as a matrix is read
    xAxis->grid()->setVisible(false);
    yAxis->grid()->setVisible(false);
    xTicker_.reset(new TokenAxisTicker(xAxis));
    yTicker_.reset(new TokenAxisTicker(yAxis));
    xAxis->setTicker(xTicker_);
    yAxis->setTicker(yTicker_);
    setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    connect(xAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& r) { keepInside(xAxis, r); });
    connect(yAxis, qOverload<const QCPRange&>(&QCPAxis::rangeChanged), this,
            [this](const QCPRange& r) { keepInside(yAxis, r); });
    connect(this, &QCustomPlot::mouseDoubleClick, this, [this] { showAll(); });
    setMouseTracking(true);
    connect(this, &QCustomPlot::mouseMove, this, &AttentionMapPlot::hover);
    clearMap();
}

void AttentionMapPlot::clearMap() {
    shownTokens_.clear();
    weights_.clear();
    map_->data()->setSize(0, 0);
    replot();
}

void AttentionMapPlot::setMap(const bertbench::AttentionMaps& maps, const QStringList& tokens, int layer, int head,
                              const QVector<int>& shown) {
    const int n = int(shown.size());
    const int previousSize = int(shownTokens_.size());
    shownTokens_.clear();
    for (int i : shown) shownTokens_ << tokens.value(i);
    weights_.fill(0.f, qsizetype(n) * n);
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) {
            float w = 0;
            if (head >= 0) {
                w = maps.at(layer, head, shown[r], shown[c]);
            } else {
                for (int h = 0; h < maps.heads; ++h) w += maps.at(layer, h, shown[r], shown[c]);
                w /= float(std::max(1, maps.heads));
            }
            weights_[size_t(r) * n + c] = w;
        }
    float hi = 0, lo = 1;
    if (n == maps.tokens && !maps.values.empty()) {  // every token shown: one pass over the values
        const auto [low, high] = std::minmax_element(maps.values.begin(), maps.values.end());
        lo = std::min(lo, *low);
        hi = std::max(hi, *high);
    } else {
        for (int l = 0; l < maps.layers; ++l)
            for (int h = 0; h < maps.heads; ++h)
                for (int r : shown) {
                    // One row at a time: BERT-base at 512 tokens is 38 M weights.
                    const float* row = maps.values.data() + maps.index(l, h, r, 0);
                    for (int c : shown) {
                        hi = std::max(hi, row[c]);
                        lo = std::min(lo, row[c]);
                    }
                }
    }
    if (colourScale_ == ColourScale::ZeroToMax || n == 0 || lo >= hi) lo = 0;
    if (colourScale_ == ColourScale::Signed) {
        hi = std::max({std::abs(lo), std::abs(hi), 1e-6f});
        lo = -hi;
    }
    map_->setGradient(colourScale_ == ColourScale::Signed ? signedGradient() : gradient_);
    // Cell (c, r) centred on integer coordinates so tick i sits on token i.
    map_->data()->setSize(n, n);
    map_->data()->setRange(QCPRange(0, std::max(0, n - 1)), QCPRange(0, std::max(0, n - 1)));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) map_->data()->setCell(c, r, weights_[size_t(r) * n + c]);
    // Scale to the largest weight among the shown tokens (with [CLS]/[SEP] hidden the
    // rest would otherwise look blank), over every head, so all maps share one scale.
    scale_->setDataRange(QCPRange(lo, std::max(lo + 1e-6f, hi)));
    xTicker_->setTokens(shownTokens_);
    yTicker_->setTokens(shownTokens_);
    if (n != previousSize) {  // a new sentence; the same one keeps its zoom across heads
        xAxis->setRange(-0.5, std::max(1, n) - 0.5);
        yAxis->setRange(-0.5, std::max(1, n) - 0.5);
    }
    xAxis->setLabel(tr("attended to (key)"));
    yAxis->setLabel(tr("attending (query)"));
    scale_->axis()->setLabel(head >= 0 ? tr("layer %1, head %2").arg(layer + 1).arg(head + 1)
                                       : tr("layer %1, mean of %n head(s)", nullptr, maps.heads).arg(layer + 1));
    replot();
}

void AttentionMapPlot::showAll() {
    const int n = std::max(1, int(shownTokens_.size()));
    xAxis->setRange(-0.5, n - 0.5);
    yAxis->setRange(-0.5, n - 0.5);
    replot();
}

void AttentionMapPlot::keepInside(QCPAxis* axis, const QCPRange& range) {
    // Zoomed out no further than the whole map, panned no further than its edges.
    const double lo = -0.5, hi = std::max(1, int(shownTokens_.size())) - 0.5;
    QCPRange bounded = range;
    if (bounded.size() > hi - lo) bounded = QCPRange(lo, hi);
    if (bounded.lower < lo) bounded = QCPRange(lo, lo + bounded.size());
    if (bounded.upper > hi) bounded = QCPRange(hi - bounded.size(), hi);
    if (bounded != range) {
        const QSignalBlocker blocker(axis);
        axis->setRange(bounded);
    }
}

int AttentionMapPlot::visibleTickLabels(Qt::Orientation orientation) const {
    const QCPAxis* axis = orientation == Qt::Horizontal ? xAxis : yAxis;
    const auto& ticker = orientation == Qt::Horizontal ? xTicker_ : yTicker_;
    const int stride = ticker->strideFor(axis->range());
    int count = 0;
    for (int i = 0; i < int(shownTokens_.size()); i += stride)
        if (axis->range().contains(i)) ++count;
    return count;
}

QSize AttentionMapPlot::mapSize() const { return {map_->data()->keySize(), map_->data()->valueSize()}; }

double AttentionMapPlot::weightAt(int row, int column) const {
    const int n = int(shownTokens_.size());
    if (row < 0 || column < 0 || row >= n || column >= n) return 0;
    return double(weights_[size_t(row) * n + column]);
}

void AttentionMapPlot::hover(QMouseEvent* event) {
    const int n = int(shownTokens_.size());
    if (n == 0) return;
    const int column = int(std::lround(xAxis->pixelToCoord(event->position().x())));
    const int row = int(std::lround(yAxis->pixelToCoord(event->position().y())));
    if (row < 0 || column < 0 || row >= n || column >= n) {
        QToolTip::hideText();
        return;
    }
    QToolTip::showText(event->globalPosition().toPoint(),
                       tr("%1 → %2: %3").arg(shownTokens_[row], shownTokens_[column]).arg(QLocale().toString(weightAt(row, column), 'f', 4)),
                       this);
}
