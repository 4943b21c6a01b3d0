// AttentionMapPlot: one head's attention (or the mean over heads) as a
// QCustomPlot colour map — row i, column j is how much token i attends to
// token j — with the tokens as tick labels on both axes, a colour scale and a
// tooltip giving the exact weight under the mouse. The colour scale spans 0
// (or, on request, the smallest weight) to the largest weight any head gives
// the shown tokens, so switching heads keeps colours comparable and the
// overview grid can share it; min…max brings out near-uniform maps, which a
// 0…max scale paints in one flat colour. Tokens can be hidden
// (e.g. [CLS]/[SEP]); the remaining rows are shown as the model computed
// them, not renormalised, so the numbers stay the model's. A signed scale
// (blue − … white 0 … red +, symmetric) draws differences of two maps.
// Long inputs stay readable: the wheel zooms, dragging pans, a double click
// shows everything again, and token labels thin out as they get dense
// (TokenAxisTicker).
#pragma once

#include "inference/prediction.h"

#include <QStringList>
#include <QVector>
#include <qcustomplot.h>

class TokenAxisTicker;

class AttentionMapPlot : public QCustomPlot {
    Q_OBJECT

public:
    enum class ColourScale { ZeroToMax, MinToMax, Signed };

    explicit AttentionMapPlot(QWidget* parent = nullptr);

    void setColourScale(ColourScale scale) { colourScale_ = scale; }  // applies from the next setMap()

    // head -1 = mean over heads; `shown` lists the token positions to draw.
    void setMap(const bertbench::AttentionMaps& maps, const QStringList& tokens, int layer, int head,
                const QVector<int>& shown);
    void clearMap();
    QSize mapSize() const;  // (columns, rows) of the drawn map
    double weightAt(int row, int column) const;  // of the drawn map, for tests and tooltips
    QCPColorGradient gradient() const { return map_->gradient(); }  // of the map drawn last
    static QCPColorGradient signedGradient();
    QCPRange dataRange() const { return scale_->dataRange(); }
    // The token labels each axis draws now, for tests: thinned on long inputs.
    int visibleTickLabels(Qt::Orientation axis) const;
    void showAll();  // the whole map, undoing zoom and pan

private:
    void hover(QMouseEvent* event);
    void keepInside(QCPAxis* axis, const QCPRange& range);

    QCPColorMap* map_;
    QCPColorScale* scale_;
    QCPColorGradient gradient_{QCPColorGradient::gpThermal};
    QSharedPointer<TokenAxisTicker> xTicker_, yTicker_;
    QStringList shownTokens_;
    QVector<float> weights_;  // row-major, shownTokens_.size() squared
    ColourScale colourScale_ = ColourScale::ZeroToMax;
};
