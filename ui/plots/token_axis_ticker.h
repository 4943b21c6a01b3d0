// TokenAxisTicker: tokens as an axis's tick labels, thinned so that they never
// overlap — every token while there is room, then every 2nd, 5th, 10th, …
// as a long input (512 tokens) or a zoomed-out view gets dense, and every
// token again once zoomed in. The stride follows the axis's length in pixels
// and the visible range at each replot.
#pragma once

#include <QStringList>
#include <qcustomplot.h>

class TokenAxisTicker : public QCPAxisTicker {
public:
    explicit TokenAxisTicker(QCPAxis* axis) : axis_(axis) {}

    void setTokens(const QStringList& tokens) { tokens_ = tokens; }
    // Every how many tokens a label is drawn for this visible range.
    int strideFor(const QCPRange& range) const;

protected:
    double getTickStep(const QCPRange& range) override;
    int getSubTickCount(double) override { return 0; }
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override;
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override;

private:
    QCPAxis* axis_;
    QStringList tokens_;
};
