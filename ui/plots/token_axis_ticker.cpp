// TokenAxisTicker: see token_axis_ticker.h.
#include "plots/token_axis_ticker.h"

#include <cmath>

int TokenAxisTicker::strideFor(const QCPRange& range) const {
    const int pixels = axis_->orientation() == Qt::Horizontal ? axis_->axisRect()->width() : axis_->axisRect()->height();
    // A label needs its line height (x labels are rotated, so also their height).
    const int spacing = QFontMetrics(axis_->tickLabelFont()).height() + 2;
    const double visible = std::max(1.0, range.size());
    const double needed = visible * spacing / std::max(1, pixels);
    for (int stride : {1, 2, 5, 10, 20, 50, 100, 200, 500, 1000})
        if (stride >= needed) return stride;
    return 1000;
}

double TokenAxisTicker::getTickStep(const QCPRange& range) { return strideFor(range); }

QString TokenAxisTicker::getTickLabel(double tick, const QLocale&, QChar, int) {
    return tokens_.value(int(std::lround(tick)));
}

QVector<double> TokenAxisTicker::createTickVector(double tickStep, const QCPRange& range) {
    QVector<double> ticks;
    const int stride = std::max(1, int(tickStep));
    const int first = std::max(0, int(std::ceil(range.lower / stride)) * stride);
    const int last = std::min(int(tokens_.size()) - 1, int(std::floor(range.upper)));
    for (int i = first; i <= last; i += stride) ticks << i;
    return ticks;
}
