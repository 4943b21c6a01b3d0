// HyperparametersPage: a form for every field of the engine's TrainingOptions,
// built from the option schema (core/training/option_schema.h): one editor per
// field chosen by its type, with the schema's range, grouped by the schema's
// group, its help text as tooltip. The preset box names the preset whose values
// the form holds, or "Custom", and choosing a preset fills the form. Saved and
// loaded as the same JSON the engine writes into run folders. The engine's
// validate() has the last word: its message shows under the form while the
// options are invalid. Each editor's objectName is its schema key.
#pragma once

#include "training/option_schema.h"
#include "training/training_options.h"

#include <QVector>
#include <QWidget>

class QComboBox;
class QGroupBox;
class QLabel;
class QPushButton;

class HyperparametersPage : public QWidget {
    Q_OBJECT

public:
    explicit HyperparametersPage(QWidget* parent = nullptr);

    bertbench::TrainingOptions options() const;
    void setOptions(const bertbench::TrainingOptions& options);
    void applyPreset(const QString& id);
    QString shownPreset() const;  // the id the preset box shows, "" for Custom
    bool isValid() const;
    QString validationMessage() const;

    // While a run trains, the form shows its settings read-only: edits could
    // not reach it, and a changed form would misdescribe the run on screen.
    void setRunActive(bool active);
    bool isRunActive() const { return runActive_; }

    bool saveJson(const QString& path, QString* error = nullptr) const;
    bool loadJson(const QString& path, QString* error = nullptr);

signals:
    void optionsChanged();

protected:
    void changeEvent(QEvent* event) override;

private:
    struct Row {
        const bertbench::OptionField* field;
        QLabel* label;
        QWidget* editor;
    };
    struct Group {
        std::string title;  // English, as in the schema
        QGroupBox* box;
    };
    QWidget* createEditor(const bertbench::OptionField& field);
    bertbench::OptionValue editorValue(const Row& row) const;
    void setEditorValue(const Row& row, const bertbench::OptionValue& value);
    QWidget* editor(const std::string& key) const;
    void retranslateUi();
    void retranslateRow(const Row& row);
    void validateNow();
    void showMatchingPreset();
    void save();
    void load();

    QVector<Row> rows_;
    QVector<Group> groups_;
    QComboBox* preset_;
    QPushButton *save_, *load_, *reset_;
    QLabel* status_;
    QLabel* presetLabel_;
    QLabel* runNote_;
    QWidget* content_;
    bool loading_ = false;
    bool runActive_ = false;
};
