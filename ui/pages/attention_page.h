// AttentionPage: what the model looks at and why, for the sentence typed here
// (shared with the Predict page). One tab per view, each its own widget in
// ui/attention/: Heads (every layer × head's attention map), Attributions
// (tokens shaded by how much they moved the decision), Ablation (heads
// switched off by clicking, importance, pruning), Comparison (a second
// model's attention), Training (attention at each evaluation of a run) and
// Minimal pair (two sentences side by side). Every view exports its figure
// as PNG or SVG. All of it works while a model trains: the session serves
// these requests between two optimizer steps.
#pragma once

#include "session/workbench_types.h"

#include <QWidget>

class AblationView;
class AttentionMapPlot;
class AttributionView;
class ComparisonView;
class ExplainService;
class HeadsView;
class MinimalPairView;
class PredictionService;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class RefreshWhenShown;
class TrainingAttentionView;

class AttentionPage : public QWidget {
    Q_OBJECT

public:
    enum Tab { Heads, Attributions, Ablation, Comparison, Training, MinimalPair };

    AttentionPage(PredictionService* prediction, ExplainService* explain, QWidget* parent = nullptr);

    void setSentence(const QString& text);
    void showTab(Tab tab);
    QTabWidget* tabs() const { return tabs_; }
    HeadsView* heads() const { return heads_; }
    AttributionView* attributions() const { return attributions_; }
    AblationView* ablation() const { return ablation_; }
    ComparisonView* comparison() const { return comparison_; }
    TrainingAttentionView* training() const { return training_; }
    MinimalPairView* minimalPair() const { return minimalPair_; }

    // The Heads tab, as before the other tabs existed.
    AttentionMapPlot* map() const;
    int tokenCount() const;
    void setHideSpecialTokens(bool hide);
    void setColourScaleFromMinimum(bool fromMinimum);  // min…max instead of 0…max

    // The current tab's figure as PNG or SVG (by the suffix); "" or the error.
    QString exportFigure(const QString& path);
    void exportWithDialog();

signals:
    void shown();  // the Heads tab drew a new sentence
    void sentenceChanged(const QString& text);  // typed here: the Predict page follows

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void request();
    void onPredicted(int id, const bertbench::Prediction& p);
    QWidget* currentFigure() const;

    PredictionService* service_;
    RefreshWhenShown* refresh_;  // request() once the page is shown
    int pending_ = -1;
    QLabel* sentenceLabel_;
    QLineEdit* sentence_;
    QPushButton *show_, *export_;
    QTabWidget* tabs_;
    HeadsView* heads_;
    AttributionView* attributions_;
    AblationView* ablation_;
    ComparisonView* comparison_;
    TrainingAttentionView* training_;
    MinimalPairView* minimalPair_;
};
