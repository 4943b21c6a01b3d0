// AblationView: switch attention heads off by clicking them in the layers ×
// heads grid and watch the sentence's probabilities move (the model run with
// transformers' head_mask), beside the probabilities with every head on.
// "Measure importance" overlays each head's importance over the validation
// split (Michel et al.), and "Prune" removes the least important heads from
// the model for good (saved with the model as config.json's pruned_heads),
// showing the validation accuracy before and after.
#pragma once

#include "inference/prediction.h"
#include "session/explain_types.h"

#include <QWidget>
#include <optional>

class ExplainService;
class HeadToggleGrid;
class ProbabilityBarsPlot;
class QLabel;
class QPushButton;
class QSpinBox;
class RefreshWhenShown;

class AblationView : public QWidget {
    Q_OBJECT

public:
    explicit AblationView(ExplainService* service, QWidget* parent = nullptr);

    void setSentence(const QString& text);
    HeadToggleGrid* grid() const { return grid_; }
    ProbabilityBarsPlot* bars() const { return bars_; }
    const std::optional<bertbench::Prediction>& masked() const { return masked_; }
    const std::optional<bertbench::Prediction>& reference() const { return reference_; }
    void measureImportance();
    void prune(int count);
    QString pruneReport() const;

signals:
    void predicted();            // under the current mask
    void importanceMeasured();
    void prunedHeads();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void resetShape();
    void request();  // both predictions
    void requestMasked();
    void showReference();

    ExplainService* service_;
    QString sentence_;
    RefreshWhenShown* refresh_;  // request() once the tab is shown
    int pendingMasked_ = -1, pendingReference_ = -1, pendingImportance_ = -1, pendingPrune_ = -1;
    std::optional<bertbench::Prediction> masked_, reference_;
    std::optional<bertbench::HeadImportance> importance_;
    std::optional<bertbench::PruneResult> pruneResult_;
    HeadToggleGrid* grid_;
    ProbabilityBarsPlot* bars_;
    QLabel *hint_, *referenceLabel_, *status_, *pruneLabel_;
    QPushButton *allOn_, *importanceButton_, *prune_;
    QSpinBox* pruneCount_;
};
