// MinimalPairView: two sentences side by side that differ in one thing (e.g.
// "The boy ate the apple." / "Apple the boy ate the."): each one's
// probabilities, each one's token attributions on one shared colour scale,
// both for the class the first sentence gets, and the difference of the
// attributions token by token. Tokens are paired by what they are (the n-th
// "the" of one with the n-th "the" of the other), so a reordered sentence
// still lines up; a token only one sentence has shows a blank for the other.
#pragma once

#include "explain/attribution.h"

#include <QWidget>
#include <optional>

class AttributionMethodBox;
class ExplainService;
class ProbabilityBarsPlot;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class RefreshWhenShown;
class TokenScoresStrip;

class MinimalPairView : public QWidget {
    Q_OBJECT

public:
    explicit MinimalPairView(ExplainService* service, QWidget* parent = nullptr);

    void setSentences(const QString& first, const QString& second);  // and explains both
    void explain();
    TokenScoresStrip* strip(int which) const { return which == 0 ? firstStrip_ : secondStrip_; }
    ProbabilityBarsPlot* bars(int which) const { return which == 0 ? firstBars_ : secondBars_; }
    QTableWidget* differences() const { return table_; }
    // A token of either sentence and its scores (absent where one sentence lacks it).
    struct TokenPair {
        QString token;
        std::optional<float> first, second;
    };
    static QVector<TokenPair> pairTokens(const bertbench::Attribution& first, const bertbench::Attribution& second);

signals:
    void explained();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showPair();

    ExplainService* service_;
    int pendingFirst_ = -1, pendingSecond_ = -1;
    RefreshWhenShown* refresh_;  // explain() once the tab is shown
    QString requestedSecond_;
    std::optional<bertbench::Attribution> first_, second_;
    QLabel *firstLabel_, *secondLabel_, *methodLabel_, *status_;
    QLineEdit *firstEdit_, *secondEdit_;
    AttributionMethodBox* method_;
    QPushButton* explain_;
    TokenScoresStrip *firstStrip_, *secondStrip_;
    ProbabilityBarsPlot *firstBars_, *secondBars_;
    QTableWidget* table_;
};
