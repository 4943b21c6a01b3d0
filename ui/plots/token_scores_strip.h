// TokenScoresStrip: a text's tokens as boxes in reading order, wrapped like
// text, each shaded by its attribution score on a signed scale — red pushes
// towards the explained class, blue away from it, white is neutral — with the
// scale's extremes in a legend underneath and the exact score as a tooltip.
// The scale is symmetric around zero, at the largest |score| shown unless a
// caller fixes it (the minimal-pair view shares one scale for two strips).
#pragma once

#include <QColor>
#include <QStringList>
#include <QVector>
#include <QWidget>

class TokenScoresStrip : public QWidget {
    Q_OBJECT

public:
    explicit TokenScoresStrip(QWidget* parent = nullptr);

    void setScores(const QStringList& tokens, const QVector<float>& scores);
    void clear();
    // 0: the largest |score| of this strip; otherwise both ends of the scale are ±maxAbs.
    void setScaleLimit(double maxAbs);
    double scaleLimit() const;
    const QStringList& tokens() const { return tokens_; }
    const QVector<float>& scores() const { return scores_; }
    // The colour a score gets on a ±maxAbs scale.
    static QColor colourOf(double score, double maxAbs);

    bool hasHeightForWidth() const override { return true; }
    int heightForWidth(int width) const override;
    QSize sizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;
    bool event(QEvent* event) override;  // tooltips

private:
    QVector<QRect> layoutBoxes(int width, int* height) const;  // one box per token

    QStringList tokens_;
    QVector<float> scores_;
    double fixedLimit_ = 0;
};
