// AttributionMethodBox: the attribution methods to choose from, named for
// people (translated), with what each costs in the tooltip. The Attributions
// tab offers all three; the minimal pair only the two whose scores have a sign.
#pragma once

#include "explain/attribution.h"

#include <QComboBox>

class AttributionMethodBox : public QComboBox {
    Q_OBJECT

public:
    explicit AttributionMethodBox(bool withRollout, QWidget* parent = nullptr);

    bertbench::AttributionMethod method() const;
    void setMethod(bertbench::AttributionMethod method);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
};
