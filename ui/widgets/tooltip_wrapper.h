// ToolTipWrapper: Qt shows a plain-text tooltip on one line however long it
// is, so the schema's help texts ran across the whole screen. Installed on the
// application, it turns every long plain-text tooltip into rich text, which Qt
// wraps, at the moment the tooltip is set; short ones and rich ones stay as
// they are.
#pragma once

#include <QObject>

class ToolTipWrapper : public QObject {
    Q_OBJECT

public:
    using QObject::QObject;

    // The text as it will be shown: wrapped rich text for long plain text.
    static QString wrapped(const QString& toolTip);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};
