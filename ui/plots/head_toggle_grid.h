// HeadToggleGrid: the model's layers × heads as a grid of cells to switch
// heads off and on with a click (the head mask of an ablation), optionally
// shaded by each head's importance (Michel et al.: darker = the loss depends
// on it more) with the score written in the cell. Heads switched off are
// crossed out; heads the model has pruned are hatched and cannot be switched.
#pragma once

#include "inference/head_mask.h"

#include <QVector>
#include <QWidget>

class HeadToggleGrid : public QWidget {
    Q_OBJECT

public:
    explicit HeadToggleGrid(QWidget* parent = nullptr);

    void setShape(int layers, int heads);  // every head on, no importance
    int layers() const { return layers_; }
    int heads() const { return heads_; }
    const bertbench::HeadMask& mask() const { return mask_; }
    void setMask(const bertbench::HeadMask& mask);
    void toggle(int layer, int head);  // as a click does
    void setAllOn();
    // [layers * heads] scores, each layer's row of unit norm; empty removes the overlay.
    void setImportance(const QVector<float>& scores, const QVector<bool>& pruned = {});
    bool hasImportance() const { return !importance_.isEmpty(); }
    QRect cellRect(int layer, int head) const;
    QSize minimumSizeHint() const override { return {220, 160}; }

signals:
    void maskChanged(const bertbench::HeadMask& mask);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;

private:
    bool isPruned(int layer, int head) const;

    int layers_ = 0, heads_ = 0;
    bertbench::HeadMask mask_;
    QVector<float> importance_;
    QVector<bool> pruned_;
};
