// ScientificSpinBox: see scientific_spin_box.h.
#include "widgets/scientific_spin_box.h"

#include <QLocale>
#include <cmath>

ScientificSpinBox::ScientificSpinBox(QWidget* parent) : QDoubleSpinBox(parent) {
    setDecimals(12);  // the spin box rounds values to its decimals; keep tiny rates intact
    setRange(0, 1);
}

QString ScientificSpinBox::textFromValue(double value) const {
    return QLocale().toString(value, 'g', 3);
}

double ScientificSpinBox::valueFromText(const QString& text) const {
    bool ok = false;
    const double v = QLocale().toDouble(text.trimmed(), &ok);
    return ok ? v : QLocale::c().toDouble(text.trimmed());
}

QValidator::State ScientificSpinBox::validate(QString& text, int&) const {
    if (text.trimmed().isEmpty()) return QValidator::Intermediate;
    bool ok = false;
    QLocale().toDouble(text.trimmed(), &ok);
    if (!ok) QLocale::c().toDouble(text.trimmed(), &ok);
    if (ok) return QValidator::Acceptable;
    // Partial input such as "2e" or "5e-" while typing.
    static const QString allowed = QStringLiteral("0123456789eE+-.,");
    for (QChar c : text)
        if (!allowed.contains(c)) return QValidator::Invalid;
    return QValidator::Intermediate;
}

void ScientificSpinBox::stepBy(int steps) {
    const double v = value();
    if (v <= 0) {
        setValue(steps > 0 ? std::max(minimum(), 1e-6) : 0.0);
        return;
    }
    setValue(std::clamp(v * std::pow(10.0, steps / 10.0), minimum(), maximum()));
}
