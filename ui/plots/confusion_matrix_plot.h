// ConfusionMatrixPlot: a heatmap of the confusion matrix (rows = true label,
// columns = predicted), each cell showing its count and its share of the row,
// coloured by that share so that errors stand out whatever the class sizes.
// Clicking a cell asks for its examples (cellClicked); column names that do
// not fit their cell are drawn slanted rather than cut.
#pragma once

#include <QPair>
#include <QStringList>
#include <QWidget>
#include <vector>

class ConfusionMatrixPlot : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    void setMatrix(const std::vector<std::vector<int64_t>>& confusion, const QStringList& labels);
    QSize minimumSizeHint() const override { return {260, 220}; }
    const std::vector<std::vector<int64_t>>& matrix() const { return confusion_; }
    const QStringList& labels() const { return labels_; }
    // The (true, predicted) cell under `point`, or (-1, -1); as last painted.
    QPair<int, int> cellAt(const QPoint& point) const;
    QRect cellRect(int trueLabel, int predicted) const;
    void setSelectedCell(int trueLabel, int predicted);  // outlined; -1, -1 for none
    double rowShare(int trueLabel, int predicted) const;  // the cell's share of its true class

signals:
    void cellClicked(int trueLabel, int predicted);

protected:
    void paintEvent(QPaintEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    bool event(QEvent* event) override;  // tooltips: the cell's meaning in words

private:
    std::vector<std::vector<int64_t>> confusion_;
    QStringList labels_;
    int left_ = 0, top_ = 0, side_ = 0;  // the grid as last painted
    int selectedTrue_ = -1, selectedPredicted_ = -1;
};
