// HeadLabels: see head_labels.h.
#include "plots/head_labels.h"

#include <QCoreApplication>

QString HeadLabels::layer(int64_t index) {
    return QCoreApplication::translate("HeadLabels", "L%1").arg(index + 1);
}

QString HeadLabels::head(int64_t index) {
    return QCoreApplication::translate("HeadLabels", "H%1").arg(index + 1);
}

QString HeadLabels::layerAndHead(int64_t layer, int64_t head) {
    return QCoreApplication::translate("HeadLabels", "L%1 H%2").arg(layer + 1).arg(head + 1);
}
