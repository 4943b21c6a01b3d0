// ConfusionMatrixPlot: a heatmap of the confusion matrix (rows = true label,
// columns = predicted), each cell showing its count and its share of the row,
// coloured by that share so that errors stand out whatever the class sizes.
#pragma once

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

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    std::vector<std::vector<int64_t>> confusion_;
    QStringList labels_;
};
