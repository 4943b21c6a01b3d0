// AttributionMethodBox: see attribution_method_box.h.
#include "attention/attribution_method_box.h"

#include <QEvent>

using bertbench::AttributionMethod;

AttributionMethodBox::AttributionMethodBox(bool withRollout, QWidget* parent) : QComboBox(parent) {
    addItem(QString(), int(AttributionMethod::IntegratedGradients));
    addItem(QString(), int(AttributionMethod::GradientTimesInput));
    if (withRollout) addItem(QString(), int(AttributionMethod::AttentionRollout));
    retranslateUi();
}

AttributionMethod AttributionMethodBox::method() const { return AttributionMethod(currentData().toInt()); }

void AttributionMethodBox::setMethod(AttributionMethod method) {
    const int index = findData(int(method));
    if (index >= 0) setCurrentIndex(index);
}

void AttributionMethodBox::retranslateUi() {
    for (int i = 0; i < count(); ++i) {
        switch (AttributionMethod(itemData(i).toInt())) {
        case AttributionMethod::IntegratedGradients: setItemText(i, tr("Integrated gradients")); break;
        case AttributionMethod::GradientTimesInput: setItemText(i, tr("Gradient × input")); break;
        case AttributionMethod::AttentionRollout: setItemText(i, tr("Attention rollout")); break;
        }
    }
    setToolTip(tr("Integrated gradients: exact but costs steps + 1 forward and backward passes. Gradient × "
                  "input: one pass, a first-order estimate. Attention rollout: where [CLS] gathers from "
                  "through all layers; no sign."));
}

void AttributionMethodBox::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QComboBox::changeEvent(event);
}
