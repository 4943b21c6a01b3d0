// ConfusionMatrixPlot: see confusion_matrix_plot.h.
#include "plots/confusion_matrix_plot.h"

#include <QHelpEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QToolTip>

#include <cmath>

void ConfusionMatrixPlot::setMatrix(const std::vector<std::vector<int64_t>>& confusion, const QStringList& labels) {
    confusion_ = confusion;
    labels_ = labels;
    update();
}

void ConfusionMatrixPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const int n = int(confusion_.size());
    if (n == 0) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("Evaluate the model to see its confusion matrix."));
        return;
    }
    const QFontMetrics fm(font());
    int labelWidth = 0;
    for (const auto& l : labels_) labelWidth = std::max(labelWidth, fm.horizontalAdvance(l));
    labelWidth = std::min(labelWidth, width() / 3);
    const int left = labelWidth + fm.height() + 16;
    // Column names go slanted when one would not fit its cell; the header then
    // needs the height of the longest name at 45 degrees.
    const int flatSide = std::max(10, std::min((width() - left - 8) / n, (height() - 2 * fm.height() - 20) / n));
    bool slanted = false;
    for (const auto& l : labels_) slanted = slanted || fm.horizontalAdvance(l) > flatSide - 6;
    const int slantedHeight = int(std::ceil(std::min(labelWidth, 140) * 0.71)) + fm.height();
    const int top = fm.height() + 8 + (slanted ? slantedHeight : fm.height() + 4);
    const int side = std::max(10, std::min((width() - left - 8) / n, (height() - top - 8) / n));
    left_ = left;
    top_ = top;
    side_ = side;
    // Axis titles
    p.setPen(palette().color(QPalette::WindowText));
    p.drawText(QRect(left, 0, side * n, fm.height() + 4), Qt::AlignCenter, tr("predicted"));
    p.save();
    p.translate(fm.height() / 2 + 2, top + side * n / 2);
    p.rotate(-90);
    p.drawText(QRect(-side * n / 2, -fm.height() / 2, side * n, fm.height()), Qt::AlignCenter, tr("true"));
    p.restore();
    for (int i = 0; i < n; ++i) {
        int64_t rowTotal = 0;
        for (auto v : confusion_[size_t(i)]) rowTotal += v;
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(fm.height() + 8, top + i * side, labelWidth, side), Qt::AlignVCenter | Qt::AlignRight,
                   fm.elidedText(labels_.value(i), Qt::ElideRight, labelWidth));
        if (slanted) {
            p.save();
            p.translate(left + i * side + side / 2, top - 4);
            p.rotate(-45);
            p.drawText(QRect(0, -fm.height(), 140, fm.height()), Qt::AlignLeft | Qt::AlignVCenter,
                       fm.elidedText(labels_.value(i), Qt::ElideRight, 140));
            p.restore();
        } else {
            p.drawText(QRect(left + i * side, fm.height() + 4, side, fm.height() + 4), Qt::AlignCenter, labels_.value(i));
        }
        for (int j = 0; j < n; ++j) {
            const int64_t count = confusion_[size_t(i)][size_t(j)];
            const double share = rowTotal > 0 ? double(count) / double(rowTotal) : 0;
            // Diagonal cells in blue, errors in red: the eye finds mistakes without reading numbers.
            const QColor base = i == j ? QColor(0x1f, 0x4e, 0x96) : QColor(0xc0, 0x39, 0x2b);
            QColor fill = base;
            fill.setAlphaF(0.08 + 0.85 * share);
            const QRect cell = cellRect(i, j);
            p.fillRect(cell, fill);
            p.setPen(share > 0.5 ? Qt::white : palette().color(QPalette::WindowText));
            // The share only where it fits; the tooltip always has it.
            const QString percent = QLocale().toString(share * 100, 'f', 1) + QStringLiteral(" %");
            const bool roomy = fm.horizontalAdvance(percent) <= cell.width() - 4 && 2 * fm.height() <= cell.height();
            p.drawText(cell, Qt::AlignCenter, roomy ? QStringLiteral("%1\n%2").arg(count).arg(percent) : QString::number(count));
            if (i == selectedTrue_ && j == selectedPredicted_) {
                p.setPen(QPen(palette().color(QPalette::Highlight), 3));
                p.setBrush(Qt::NoBrush);
                p.drawRect(cell.adjusted(1, 1, -1, -1));
            }
        }
    }
}

double ConfusionMatrixPlot::rowShare(int trueLabel, int predicted) const {
    int64_t total = 0;
    for (auto v : confusion_[size_t(trueLabel)]) total += v;
    return total > 0 ? double(confusion_[size_t(trueLabel)][size_t(predicted)]) / double(total) : 0;
}

QRect ConfusionMatrixPlot::cellRect(int trueLabel, int predicted) const {
    return {left_ + predicted * side_, top_ + trueLabel * side_, side_ - 2, side_ - 2};
}

QPair<int, int> ConfusionMatrixPlot::cellAt(const QPoint& point) const {
    const int n = int(confusion_.size());
    if (side_ <= 0 || point.x() < left_ || point.y() < top_) return {-1, -1};
    const int j = (point.x() - left_) / side_, i = (point.y() - top_) / side_;
    if (i >= n || j >= n) return {-1, -1};
    return {i, j};
}

void ConfusionMatrixPlot::setSelectedCell(int trueLabel, int predicted) {
    selectedTrue_ = trueLabel;
    selectedPredicted_ = predicted;
    update();
}

void ConfusionMatrixPlot::mousePressEvent(QMouseEvent* event) {
    const auto [i, j] = cellAt(event->position().toPoint());
    if (i >= 0) emit cellClicked(i, j);
    QWidget::mousePressEvent(event);
}

bool ConfusionMatrixPlot::event(QEvent* event) {
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const auto [i, j] = cellAt(help->pos());
        if (i < 0) {
            QToolTip::hideText();
        } else {
            QToolTip::showText(help->globalPos(),
                               tr("True %1, predicted %2: %n example(s) (%3 % of the row). Click to list them.",
                                  nullptr, int(confusion_[size_t(i)][size_t(j)]))
                                   .arg(labels_.value(i), labels_.value(j), QLocale().toString(rowShare(i, j) * 100, 'f', 1)),
                               this);
        }
        return true;
    }
    return QWidget::event(event);
}
