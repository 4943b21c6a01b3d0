// ScientificSpinBox: a QDoubleSpinBox for values spanning decades (learning
// rates, epsilons): shows 2e-05 rather than 0.00002, and steps by a factor
// of ~1.26 (ten steps per decade) instead of a fixed amount.
#pragma once

#include <QDoubleSpinBox>

class ScientificSpinBox : public QDoubleSpinBox {
    Q_OBJECT

public:
    explicit ScientificSpinBox(QWidget* parent = nullptr);

    QString textFromValue(double value) const override;
    double valueFromText(const QString& text) const override;
    QValidator::State validate(QString& text, int& pos) const override;
    void stepBy(int steps) override;
};
