// ProbabilityBarsPlot: see probability_bars_plot.h.
#include "plots/probability_bars_plot.h"

#include <QLocale>
#include <QPainter>

void ProbabilityBarsPlot::setProbabilities(const QStringList& labels, const QVector<float>& probabilities) {
    labels_ = labels;
    probabilities_ = probabilities;
    setMinimumHeight(sizeHint().height());  // every class's bar must stay visible
    updateGeometry();
    update();
}

QSize ProbabilityBarsPlot::sizeHint() const {
    const int rows = std::max(2, int(labels_.size()));  // two before the first answer: most tasks are binary
    return {400, rows * (fontMetrics().height() + 18) + 8};
}

void ProbabilityBarsPlot::paintEvent(QPaintEvent*) {
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QFontMetrics fm(font());
    QFont boldFont = font();
    boldFont.setBold(true);
    // Measured in bold: the winning label is drawn bold and must not be clipped.
    // A very long class name is elided rather than squeezing the bars away.
    const QFontMetrics bold(boldFont);
    int labelWidth = 0;
    for (const auto& l : labels_) labelWidth = std::max(labelWidth, bold.horizontalAdvance(l) + 2);
    labelWidth = std::min(labelWidth, std::max(80, width() / 3));
    const int percentWidth = bold.horizontalAdvance(QStringLiteral("100.0 %")) + 8;
    const int rowHeight = fm.height() + 18;
    int best = 0;
    for (int i = 1; i < probabilities_.size(); ++i)
        if (probabilities_[i] > probabilities_[best]) best = i;
    for (int i = 0; i < labels_.size() && i < probabilities_.size(); ++i) {
        const int y = 4 + i * rowHeight;
        const QRect track(labelWidth + 12, y + 4, std::max(10, width() - labelWidth - 24 - percentWidth), rowHeight - 8);
        p.setPen(palette().color(QPalette::WindowText));
        QFont f = font();
        f.setBold(i == best);
        p.setFont(f);
        p.drawText(QRect(0, y, labelWidth + 4, rowHeight), Qt::AlignVCenter | Qt::AlignRight,
                   QFontMetrics(f).elidedText(labels_[i], Qt::ElideRight, labelWidth + 2));
        p.setPen(Qt::NoPen);
        p.setBrush(palette().color(QPalette::AlternateBase).darker(104));
        p.drawRoundedRect(track, 4, 4);
        QRect bar = track;
        bar.setWidth(std::max(2, int(track.width() * double(probabilities_[i]))));
        p.setBrush(i == best ? QColor(0x1f, 0x4e, 0x96) : QColor(0x9d, 0xb7, 0xdc));
        p.drawRoundedRect(bar, 4, 4);
        p.setPen(palette().color(QPalette::WindowText));
        p.drawText(QRect(track.right() + 8, y, percentWidth, rowHeight), Qt::AlignVCenter | Qt::AlignLeft,
                   QStringLiteral("%1 %").arg(QLocale().toString(double(probabilities_[i]) * 100, 'f', 1)));
    }
}
