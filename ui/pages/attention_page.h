// AttentionPage: what each attention head of the model looks at for one
// sentence — a large map of the chosen layer and head (or the mean over
// heads) beside an overview of every layer × head; [CLS]/[SEP] can be hidden;
// the map exports as PNG. Attentions come from the prediction thread.
#pragma once

#include "session/workbench_types.h"

#include <QWidget>

class AttentionGridPlot;
class AttentionMapPlot;
class PredictionService;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class AttentionPage : public QWidget {
    Q_OBJECT

public:
    explicit AttentionPage(PredictionService* service, QWidget* parent = nullptr);

    void setSentence(const QString& text);
    AttentionMapPlot* map() const { return map_; }
    int tokenCount() const { return int(prediction_.tokens.size()); }
    void setHideSpecialTokens(bool hide);
    void setColourScaleFromMinimum(bool fromMinimum);  // min…max instead of 0…max
    void exportPng();

signals:
    void shown();
    void sentenceChanged(const QString& text);  // typed here: the Predict page follows

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void request();
    bool stale_ = false;  // the sentence changed while the page was hidden: computed when shown
    void onPredicted(int id, const bertbench::Prediction& p);
    void redraw();
    QVector<int> shownTokens() const;

    PredictionService* service_;
    int pending_ = -1;
    bertbench::Prediction prediction_;
    QLabel *sentenceLabel_, *layerLabel_, *headLabel_, *hint_;
    QLineEdit* sentence_;
    QPushButton *show_, *export_;
    QSpinBox* layer_;
    QComboBox* head_;
    QCheckBox* hideSpecial_;
    QLabel* scaleLabel_;
    QComboBox* scale_;
    AttentionMapPlot* map_;
    AttentionGridPlot* grid_;
};
