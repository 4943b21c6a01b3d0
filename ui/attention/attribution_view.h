// AttributionView: why the model decided — each token of the sentence shaded
// by how much it moved the model towards a class (integrated gradients,
// gradient × input, or attention rollout, which has no sign), with the
// method's facts underneath: the class's probability, and for integrated
// gradients how far the scores' sum is from f(x) − f(baseline) (the
// completeness gap, which more steps shrink).
#pragma once

#include "explain/attribution.h"

#include <QWidget>

class AttributionMethodBox;
class ExplainService;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;
class RefreshWhenShown;
class TokenScoresStrip;

class AttributionView : public QWidget {
    Q_OBJECT

public:
    explicit AttributionView(ExplainService* service, QWidget* parent = nullptr);

    void setSentence(const QString& text);  // explained when shown
    void setMethod(bertbench::AttributionMethod method);
    void setSteps(int steps);
    void setClassLabel(const QString& label);  // "" = the predicted class
    void explain();
    TokenScoresStrip* strip() const { return strip_; }
    const std::optional<bertbench::Attribution>& attribution() const { return attribution_; }
    QString summary() const;

signals:
    void explained();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void refillClasses();
    void show(const bertbench::Attribution& attribution);

    ExplainService* service_;
    QString sentence_;
    RefreshWhenShown* refresh_;  // explain() once the tab is shown
    int pending_ = -1;
    std::optional<bertbench::Attribution> attribution_;
    QLabel *methodLabel_, *stepsLabel_, *classLabel_, *summary_, *status_;
    AttributionMethodBox* method_;
    QComboBox* class_;
    QSpinBox* steps_;
    QPushButton* explain_;
    TokenScoresStrip* strip_;
};
