// SweepDialog: what a sweep varies — for each option offered (learning rates,
// batch size, epochs, warmup, weight decay, frozen layers, LoRA rank, seed) a
// tick and a comma-separated list of values — and how: every combination (a
// grid) or a number of them drawn at random with a seed; and the folder the
// sweep's runs go to. Values are checked as they are typed, by the same code
// as `bertbench-cli sweep --param`, and the number of runs is shown.
#pragma once

#include "experiments/sweep_plan.h"

#include <QDialog>
#include <vector>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QRadioButton;
class QSpinBox;

class SweepDialog : public QDialog {
    Q_OBJECT

public:
    // `base`: the options every trial starts from; `baseName` says where they come from.
    SweepDialog(const bertbench::TrainingOptions& base, const QString& baseName, const QString& folder,
                QWidget* parent = nullptr);

    // Ticks `key` (an option key, e.g. "learning_rate") and sets its values ("1e-5, 3e-5").
    void setValues(const std::string& key, const QString& values);
    void setRandom(int trials, int seed);
    void setFolder(const QString& folder);

    // The trials as planned now; empty when the values are not valid.
    const std::vector<bertbench::SweepTrial>& plan() const { return plan_; }
    QString folder() const;
    QString problem() const;  // why there is no plan, in words; "" when there is one

private:
    struct Row {
        std::string key, flag;
        QCheckBox* use;
        QLineEdit* values;
    };
    void replan();

    bertbench::TrainingOptions base_;
    std::vector<Row> rows_;
    QRadioButton *grid_, *random_;
    QSpinBox *trials_, *seed_;
    QLineEdit* folder_;
    QLabel* summary_;
    QDialogButtonBox* buttons_;
    std::vector<bertbench::SweepTrial> plan_;
    QString problem_;
};
