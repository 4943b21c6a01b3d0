// HeadToggleGrid: see head_toggle_grid.h.
#include "plots/head_toggle_grid.h"

#include "plots/head_labels.h"

#include <QLocale>
#include <QMouseEvent>
#include <QPainter>

namespace {
constexpr int kHeaderSize = 24;  // room for the "H1…" and "L1…" labels
}

HeadToggleGrid::HeadToggleGrid(QWidget* parent) : QWidget(parent) {
    setObjectName(QStringLiteral("headToggleGrid"));
    setCursor(Qt::PointingHandCursor);
}

void HeadToggleGrid::setShape(int layers, int heads) {
    layers_ = layers;
    heads_ = heads;
    mask_ = bertbench::HeadMask::allOn(layers, heads);
    importance_.clear();
    pruned_.clear();
    update();
}

void HeadToggleGrid::setMask(const bertbench::HeadMask& mask) {
    if (mask.layers != layers_ || mask.heads != heads_) return;
    mask_ = mask;
    update();
    emit maskChanged(mask_);
}

void HeadToggleGrid::toggle(int layer, int head) {
    if (layer < 0 || head < 0 || layer >= layers_ || head >= heads_ || isPruned(layer, head)) return;
    mask_.set(layer, head, !mask_.on(layer, head));
    update();
    emit maskChanged(mask_);
}

void HeadToggleGrid::setAllOn() { setMask(bertbench::HeadMask::allOn(layers_, heads_)); }

void HeadToggleGrid::setImportance(const QVector<float>& scores, const QVector<bool>& pruned) {
    const bool fits = scores.size() == layers_ * heads_;
    importance_ = fits ? scores : QVector<float>();
    pruned_ = fits && pruned.size() == scores.size() ? pruned : QVector<bool>();
    update();
}

bool HeadToggleGrid::isPruned(int layer, int head) const {
    return !pruned_.isEmpty() && pruned_[layer * heads_ + head];
}

QRect HeadToggleGrid::cellRect(int layer, int head) const {
    if (layers_ == 0 || heads_ == 0) return {};
    // At most 96 px a cell: a tiny model's 8 heads should not fill the page.
    const int side = std::clamp(std::min((width() - kHeaderSize) / heads_, (height() - kHeaderSize) / layers_), 14, 96);
    return QRect(kHeaderSize + head * side + 2, kHeaderSize + layer * side + 2, side - 4, side - 4);
}

void HeadToggleGrid::paintEvent(QPaintEvent*) {
    QPainter p(this);
    if (layers_ == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("The model's heads appear here."));
        return;
    }
    p.setPen(palette().color(QPalette::WindowText));
    for (int h = 0; h < heads_; ++h) {
        const QRect c = cellRect(0, h);
        p.drawText(QRect(c.left(), 0, c.width(), kHeaderSize), Qt::AlignCenter, HeadLabels::head(h));
    }
    const QLocale locale;
    for (int l = 0; l < layers_; ++l) {
        const QRect c = cellRect(l, 0);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(0, c.top(), kHeaderSize, c.height()), Qt::AlignCenter, HeadLabels::layer(l));
        for (int h = 0; h < heads_; ++h) {
            const QRect cell = cellRect(l, h);
            const bool on = mask_.on(l, h);
            QColor fill(0x4c, 0x9a, 0x52);  // on, no importance measured
            if (!importance_.isEmpty()) {
                // Unit-norm rows: a score of 1 is a layer's only important head.
                const double t = std::clamp(double(importance_[l * heads_ + h]), 0.0, 1.0);
                fill = QColor::fromHsvF(0.36, 0.15 + 0.75 * t, 0.95 - 0.45 * t);
            }
            if (isPruned(l, h)) {
                p.setPen(palette().color(QPalette::Mid));
                p.setBrush(QBrush(palette().color(QPalette::Mid), Qt::BDiagPattern));
            } else {
                p.setPen(palette().color(QPalette::Mid));
                p.setBrush(on ? fill : palette().color(QPalette::Window).darker(135));
            }
            p.drawRect(cell);
            if (!on && !isPruned(l, h)) {
                p.setPen(QPen(QColor(0xb7, 0x1c, 0x1c), 2));
                p.drawLine(cell.topLeft() + QPoint(4, 4), cell.bottomRight() - QPoint(4, 4));
                p.drawLine(cell.topRight() + QPoint(-4, 4), cell.bottomLeft() + QPoint(4, -4));
            } else if (!importance_.isEmpty() && cell.width() >= 30 && !isPruned(l, h)) {
                p.setPen(fill.lightness() < 120 ? Qt::white : Qt::black);
                p.drawText(cell, Qt::AlignCenter, locale.toString(double(importance_[l * heads_ + h]), 'f', 2));
            }
        }
    }
}

void HeadToggleGrid::mousePressEvent(QMouseEvent* event) {
    for (int l = 0; l < layers_; ++l)
        for (int h = 0; h < heads_; ++h)
            if (cellRect(l, h).contains(event->position().toPoint())) return toggle(l, h);
}
