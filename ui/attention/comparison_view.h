// ComparisonView: the sentence's attention in the current model against a
// second model folder of the same architecture (e.g. the pretrained model a
// run started from): per layer and head the difference map (current − other;
// red where the current model attends more), or either model's own maps, and
// the heads ranked by how much their attention changed — the mean
// Jensen–Shannon divergence over a sample of the validation split.
#pragma once

#include "explain/attention_comparison.h"

#include <QWidget>
#include <optional>

class ExplainService;
class HeadsView;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class RefreshWhenShown;

class ComparisonView : public QWidget {
    Q_OBJECT

public:
    explicit ComparisonView(ExplainService* service, QWidget* parent = nullptr);

    void setSentence(const QString& text);
    void setOtherModel(const QString& folder);  // and compares
    void suggestOtherModel(const QString& folder);  // filled in when none is chosen yet
    void compare();
    enum class Shown { Difference, Current, Other };
    void setShown(Shown shown);
    HeadsView* heads() const { return heads_; }  // the difference maps
    QWidget* figure() const;  // the map shown: the difference or one model's
    QTableWidget* ranking() const { return ranking_; }
    const std::optional<bertbench::AttentionComparison>& comparison() const { return comparison_; }

signals:
    void compared();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showComparison();
    void browse();

    ExplainService* service_;
    QString sentence_;
    RefreshWhenShown* refresh_;  // compare() once the tab is shown
    int pending_ = -1;
    std::optional<bertbench::AttentionComparison> comparison_;
    QLabel *folderLabel_, *shownLabel_, *status_, *rankingLabel_;
    QLineEdit* folder_;
    QPushButton *browse_, *compare_;
    QComboBox* shown_;
    HeadsView *heads_, *plain_;
    QTableWidget* ranking_;
};
