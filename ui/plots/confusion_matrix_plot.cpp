// ConfusionMatrixPlot: see confusion_matrix_plot.h.
#include "plots/confusion_matrix_plot.h"

#include <QLocale>
#include <QPainter>

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
    const int left = labelWidth + fm.height() + 16, top = 2 * fm.height() + 12;
    const int side = std::max(10, std::min((width() - left - 8) / n, (height() - top - 8) / n));
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
        p.drawText(QRect(fm.height() + 8, top + i * side, labelWidth, side), Qt::AlignVCenter | Qt::AlignRight, labels_.value(i));
        p.drawText(QRect(left + i * side, fm.height() + 4, side, fm.height() + 4), Qt::AlignCenter,
                   fm.elidedText(labels_.value(i), Qt::ElideRight, side - 4));
        for (int j = 0; j < n; ++j) {
            const int64_t count = confusion_[size_t(i)][size_t(j)];
            const double share = rowTotal > 0 ? double(count) / double(rowTotal) : 0;
            // Diagonal cells in blue, errors in red: the eye finds mistakes without reading numbers.
            const QColor base = i == j ? QColor(0x1f, 0x4e, 0x96) : QColor(0xc0, 0x39, 0x2b);
            QColor fill = base;
            fill.setAlphaF(0.08 + 0.85 * share);
            const QRect cell(left + j * side, top + i * side, side - 2, side - 2);
            p.fillRect(cell, fill);
            p.setPen(share > 0.5 ? Qt::white : palette().color(QPalette::WindowText));
            p.drawText(cell, Qt::AlignCenter,
                       QStringLiteral("%1\n%2 %").arg(count).arg(QLocale().toString(share * 100, 'f', 1)));
        }
    }
}
