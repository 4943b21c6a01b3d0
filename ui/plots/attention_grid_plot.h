// AttentionGridPlot: every layer × head of one sentence as small heatmaps
// (rows = layers, columns = heads), the chosen one outlined. Clicking a
// thumbnail emits headChosen(). Coloured with the main map's gradient and
// range, so a thumbnail looks like the map it opens. Painted directly: dozens
// of QCustomPlots would cost far more than these little images.
#pragma once

#include "inference/prediction.h"

#include <QImage>
#include <QVector>
#include <QWidget>
#include <qcustomplot.h>

class AttentionGridPlot : public QWidget {
    Q_OBJECT

public:
    explicit AttentionGridPlot(QWidget* parent = nullptr);

    void setMaps(const bertbench::AttentionMaps& maps, const QVector<int>& shown, const QCPColorGradient& gradient,
                 const QCPRange& range);
    void clearMaps();
    void setCurrent(int layer, int head);
    QSize minimumSizeHint() const override { return {220, 200}; }

signals:
    void headChosen(int layer, int head);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    QRect cellRect(int layer, int head) const;

    int layers_ = 0, heads_ = 0;
    QVector<QImage> thumbs_;  // layer-major
    int currentLayer_ = 0, currentHead_ = 0;
};
