// ToolTipWrapper: see tooltip_wrapper.h.
#include "widgets/tooltip_wrapper.h"

#include <QEvent>
#include <QTextDocument>
#include <QWidget>

namespace {
constexpr int kLongToolTip = 70;  // characters; about what one comfortable line holds
}

QString ToolTipWrapper::wrapped(const QString& toolTip) {
    if (toolTip.size() <= kLongToolTip || Qt::mightBeRichText(toolTip)) return toolTip;
    // Line breaks the author wrote stay; the rest wraps at the label's width.
    return QStringLiteral("<p style=\"white-space:pre-wrap\">%1</p>").arg(toolTip.toHtmlEscaped());
}

bool ToolTipWrapper::eventFilter(QObject* watched, QEvent* event) {
    if (event->type() == QEvent::ToolTipChange && watched->isWidgetType()) {
        auto* widget = static_cast<QWidget*>(watched);
        const QString shown = wrapped(widget->toolTip());
        if (shown != widget->toolTip()) widget->setToolTip(shown);  // rich now: no second round
    }
    return QObject::eventFilter(watched, event);
}
