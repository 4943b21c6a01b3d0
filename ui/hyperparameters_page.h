// HyperparametersPage: a form for every field of the engine's TrainingOptions,
// each with its valid range and a tooltip saying what it does and why its
// usual values are what they are; named presets; save and load as the same
// JSON the engine writes into run folders. The engine's validate() has the
// last word: its message shows under the form while the options are invalid.
#pragma once

#include "training/training_options.h"

#include <QVector>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

class HyperparametersPage : public QWidget {
    Q_OBJECT

public:
    explicit HyperparametersPage(QWidget* parent = nullptr);

    bertbench::TrainingOptions options() const;
    void setOptions(const bertbench::TrainingOptions& options);
    void applyPreset(const QString& id);
    bool isValid() const;
    QString validationMessage() const;

    bool saveJson(const QString& path, QString* error = nullptr) const;
    bool loadJson(const QString& path, QString* error = nullptr);

signals:
    void optionsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        QLabel* label;
        QWidget* editor;
        const char* text;
        const char* tip;
    };
    template <class W> W* addRow(QFormLayout* form, W* editor, const char* text, const char* tip);
    QSpinBox* intBox(int min, int max);
    QDoubleSpinBox* realBox(double min, double max, int decimals, double step);
    void retranslateUi();
    void validateNow();
    void save();
    void load();

    QVector<Row> rows_;
    QVector<QGroupBox*> groups_;
    QComboBox* preset_;
    QPushButton *applyPreset_, *save_, *load_, *reset_;
    QLabel* status_;
    QLabel* presetLabel_;

    QSpinBox *epochs_, *maxSteps_, *batch_, *accumulation_, *warmupSteps_, *maxLength_, *seed_, *freeze_, *loraRank_,
        *patience_, *evalBatch_;
    QDoubleSpinBox *rate_, *headRate_, *warmupRatio_, *decay_, *beta1_, *beta2_, *epsilon_, *clip_, *loraAlpha_,
        *loraDropout_;
    QComboBox *schedule_, *padding_, *shuffle_, *metric_, *device_;
    QCheckBox* headOnly_;
    QCheckBox *loraQuery_, *loraKey_, *loraValue_, *loraDense_;
    QWidget* loraTargets_;
    bool loading_ = false;
};
