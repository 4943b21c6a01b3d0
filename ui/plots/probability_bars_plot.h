// ProbabilityBarsPlot: one horizontal bar per class with its label name and
// softmax probability, the predicted class highlighted.
#pragma once

#include <QStringList>
#include <QVector>
#include <QWidget>

class ProbabilityBarsPlot : public QWidget {
    Q_OBJECT

public:
    using QWidget::QWidget;

    void setProbabilities(const QStringList& labels, const QVector<float>& probabilities);
    const QVector<float>& probabilities() const { return probabilities_; }
    const QStringList& labels() const { return labels_; }
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QStringList labels_;
    QVector<float> probabilities_;
};
