// AttentionGridPlot: see attention_grid_plot.h.
#include "attention_grid_plot.h"

#include <QMouseEvent>
#include <QPainter>

namespace {
constexpr int kHeaderSize = 22;  // room for the "H1…" and "L1…" labels
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

void AttentionGridPlot::setMaps(const bertbench::AttentionMaps& maps, const QVector<int>& shown) {
    layers_ = maps.layers;
    heads_ = maps.heads;
    thumbs_.clear();
    const int n = int(shown.size());
    for (int l = 0; l < layers_; ++l)
        for (int h = 0; h < heads_; ++h) {
            QImage image(std::max(1, n), std::max(1, n), QImage::Format_RGB32);
            float hi = 1e-6f;
            for (int r = 0; r < n; ++r)
                for (int c = 0; c < n; ++c) hi = std::max(hi, maps.at(l, h, shown[r], shown[c]));
            for (int r = 0; r < n; ++r)
                for (int c = 0; c < n; ++c) {
                    const float v = maps.at(l, h, shown[r], shown[c]) / hi;
                    // White to deep blue: thumbnails only need to show each head's pattern.
                    image.setPixel(c, r, qRgb(int(255 - 224 * v), int(255 - 177 * v), int(255 - 105 * v)));
                }
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
        p.drawText(QRect(c.left(), 0, c.width(), kHeaderSize), Qt::AlignCenter, tr("H%1").arg(h + 1));
    }
    for (int l = 0; l < layers_; ++l) {
        const QRect c = cellRect(l, 0);
        p.drawText(QRect(0, c.top(), kHeaderSize, c.height()), Qt::AlignCenter, tr("L%1").arg(l + 1));
        for (int h = 0; h < heads_; ++h) {
            const QRect cell = cellRect(l, h);
            p.drawImage(cell, thumbs_[l * heads_ + h]);
            const bool current = l == currentLayer_ && (h == currentHead_ || currentHead_ < 0);
            p.setPen(QPen(current ? QColor(0xd9, 0x6c, 0x1e) : palette().color(QPalette::Mid), current ? 3 : 1));
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
