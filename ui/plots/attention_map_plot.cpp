// AttentionMapPlot: see attention_map_plot.h.
#include "plots/attention_map_plot.h"

#include <QLocale>
#include <QToolTip>

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
    for (int l = 0; l < maps.layers; ++l)
        for (int h = 0; h < maps.heads; ++h)
            for (int r : shown)
                for (int c : shown) {
                    hi = std::max(hi, maps.at(l, h, r, c));
                    lo = std::min(lo, maps.at(l, h, r, c));
                }
    if (colourScale_ == ColourScale::ZeroToMax || n == 0 || lo >= hi) lo = 0;
    // Cell (c, r) centred on integer coordinates so tick i sits on token i.
    map_->data()->setSize(n, n);
    map_->data()->setRange(QCPRange(0, std::max(0, n - 1)), QCPRange(0, std::max(0, n - 1)));
    for (int r = 0; r < n; ++r)
        for (int c = 0; c < n; ++c) map_->data()->setCell(c, r, weights_[size_t(r) * n + c]);
    // Scale to the largest weight among the shown tokens (with [CLS]/[SEP] hidden the
    // rest would otherwise look blank), over every head, so all maps share one scale.
    scale_->setDataRange(QCPRange(lo, std::max(lo + 1e-6f, hi)));
    QSharedPointer<QCPAxisTickerText> ticker(new QCPAxisTickerText);
    for (int i = 0; i < n; ++i) ticker->addTick(i, shownTokens_[i]);
    xAxis->setTicker(ticker);
    yAxis->setTicker(ticker);
    xAxis->setRange(-0.5, n - 0.5);
    yAxis->setRange(-0.5, n - 0.5);
    xAxis->setLabel(tr("attended to (key)"));
    yAxis->setLabel(tr("attending (query)"));
    scale_->axis()->setLabel(head >= 0 ? tr("layer %1, head %2").arg(layer + 1).arg(head + 1)
                                       : tr("layer %1, mean of %n head(s)", nullptr, maps.heads).arg(layer + 1));
    replot();
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
