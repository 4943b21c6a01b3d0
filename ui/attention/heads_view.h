// HeadsView: what each attention head looks at for one sentence — a large map
// of the chosen layer and head (or the mean over heads) beside an overview of
// every layer × head. [CLS]/[SEP] can be hidden; colours run 0 … max or
// min … max. Also shows maps that are not a prediction's: the training view
// and the comparison give it their snapshots and differences.
#pragma once

#include "inference/prediction.h"

#include <QStringList>
#include <optional>
#include <QVector>
#include <QWidget>

class AttentionGridPlot;
class AttentionMapPlot;
class QCheckBox;
class QComboBox;
class QLabel;
class QSpinBox;

class HeadsView : public QWidget {
    Q_OBJECT

public:
    // signedValues: differences (blue − … red +) instead of weights.
    explicit HeadsView(bool signedValues = false, QWidget* parent = nullptr);

    void setMaps(const bertbench::AttentionMaps& maps, const QStringList& readableTokens,
                 const std::vector<bool>& special);
    void clear();
    bool hasMaps() const { return bool(maps_); }
    void choose(int layer, int head);  // head -1: the mean over heads
    int layer() const;
    int head() const;
    AttentionMapPlot* map() const { return map_; }
    AttentionGridPlot* grid() const { return grid_; }
    int tokenCount() const { return int(tokens_.size()); }
    void setHideSpecialTokens(bool hide);
    void setColourScaleFromMinimum(bool fromMinimum);  // min…max instead of 0…max

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void redraw();
    QVector<int> shownTokens() const;

    bool signed_;
    std::optional<bertbench::AttentionMaps> maps_;
    QStringList tokens_;
    std::vector<bool> special_;
    QLabel *layerLabel_, *headLabel_, *hint_, *scaleLabel_;
    QSpinBox* layer_;
    QComboBox *head_, *scale_;
    QCheckBox* hideSpecial_;
    AttentionMapPlot* map_;
    AttentionGridPlot* grid_;
};
