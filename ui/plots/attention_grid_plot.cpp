// AttentionGridPlot: see attention_grid_plot.h.
#include "plots/attention_grid_plot.h"

#include "plots/head_labels.h"

#include <QMouseEvent>
#include <QPainter>
#include <cmath>
#include <vector>

namespace {
constexpr int kHeaderSize = 22;  // room for the "H1…" and "L1…" labels
constexpr int kThumbnailSide = 96;
}

AttentionGridPlot::AttentionGridPlot(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("attentionGrid"));
    setCursor(Qt::PointingHandCursor);
}

void AttentionGridPlot::clearMaps() {
    layers_ = heads_ = 0;
    thumbs_.clear();
    update();
}

void AttentionGridPlot::setMaps(const bertbench::AttentionMaps& maps, const QVector<int>& shown,
                                const QCPColorGradient& gradient, const QCPRange& range) {
    layers_ = maps.layers;
    heads_ = maps.heads;
    thumbs_.clear();
    const int n = int(shown.size());
    // A thumbnail is drawn a few dozen pixels wide: long inputs are pooled to
    // at most kThumbnailSide pixels a side, each the weight of its block
    // furthest from 0 (attention is sparse: a mean would wash out the bright
    // cells; for differences the sign is kept).
    const int side = std::max(1, std::min(n, kThumbnailSide));
    std::vector<int> blockOf(size_t(std::max(1, n)));
    for (int i = 0; i < n; ++i) blockOf[size_t(i)] = int(int64_t(i) * side / n);
    QCPColorGradient colours = gradient;  // color() is not const
    std::vector<float> pooled(size_t(side) * side);
    for (int l = 0; l < layers_; ++l)
        for (int h = 0; h < heads_; ++h) {
            std::fill(pooled.begin(), pooled.end(), 0.0f);
            for (int r = 0; r < n; ++r) {
                float* pooledRow = pooled.data() + size_t(blockOf[size_t(r)]) * side;
                const float* row = maps.values.data() + maps.index(l, h, shown[r], 0);
                for (int c = 0; c < n; ++c) {
                    float& cell = pooledRow[blockOf[size_t(c)]];
                    const float v = row[shown[c]];
                    if (std::abs(v) > std::abs(cell)) cell = v;
                }
            }
            QImage image(side, side, QImage::Format_RGB32);
            image.fill(palette().color(QPalette::Base));
            if (n > 0)
                for (int r = 0; r < side; ++r)
                    for (int c = 0; c < side; ++c) image.setPixel(c, r, colours.color(pooled[size_t(r) * side + c], range));
            thumbs_ << image;
        }
    update();
}

void AttentionGridPlot::setCurrent(int layer, int head) {
    currentLayer_ = layer;
    currentHead_ = head;
    update();
}

QRect AttentionGridPlot::cellRect(int layer, int head) const {
    if (layers_ == 0 || heads_ == 0) return {};
    const int side = std::max(8, std::min((width() - kHeaderSize) / heads_, (height() - kHeaderSize) / layers_));
    return QRect(kHeaderSize + head * side + 2, kHeaderSize + layer * side + 2, side - 4, side - 4);
}

void AttentionGridPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (thumbs_.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("All layers and heads appear here."));
        return;
    }
    p.setPen(palette().color(QPalette::WindowText));
    for (int h = 0; h < heads_; ++h) {
        const QRect c = cellRect(0, h);
        p.drawText(QRect(c.left(), 0, c.width(), kHeaderSize), Qt::AlignCenter, HeadLabels::head(h));
    }
    for (int l = 0; l < layers_; ++l) {
        const QRect c = cellRect(l, 0);
        p.drawText(QRect(0, c.top(), kHeaderSize, c.height()), Qt::AlignCenter, HeadLabels::layer(l));
        for (int h = 0; h < heads_; ++h) {
            const QRect cell = cellRect(l, h);
            p.drawImage(cell, thumbs_[l * heads_ + h]);
            const bool current = l == currentLayer_ && (h == currentHead_ || currentHead_ < 0);
            // The thermal gradient holds orange, so the outline uses the highlight colour.
            p.setPen(QPen(current ? palette().color(QPalette::Highlight) : palette().color(QPalette::Mid), current ? 3 : 1));
            p.drawRect(cell.adjusted(-1, -1, 0, 0));
            p.setPen(palette().color(QPalette::WindowText));
        }
    }
}

void AttentionGridPlot::mousePressEvent(QMouseEvent* event) {
    for (int l = 0; l < layers_; ++l)
        for (int h = 0; h < heads_; ++h)
            if (cellRect(l, h).contains(event->position().toPoint())) {
                emit headChosen(l, h);
                return;
            }
}
