// ModelPage: the second step. Open a Hugging Face folder (the engine's
// validation errors appear in a dialog), or create a new model from a size
// preset and a vocabulary; see its summary; optionally adapt the encoder to
// the dataset's text with masked-LM training first; save it as a folder.
#pragma once

#include <QWidget>

class TrainingController;
class WorkbenchSession;
class QCheckBox;
class QComboBox;
class QDoubleSpinBox;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;

class ModelPage : public QWidget {
    Q_OBJECT

public:
    ModelPage(WorkbenchSession* session, TrainingController* training, QWidget* parent = nullptr);

signals:
    void openFolderRequested();  // the main window asks about unsaved work first
    void saveRequested();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void showSummary();
    void create();
    void adapt();
    void browseVocab();

    WorkbenchSession* session_;
    TrainingController* training_;

    QGroupBox* sourceGroup_;
    QLabel* sourceText_;
    QPushButton *open_, *save_;
    QGroupBox* createGroup_;
    QLabel *presetLabel_, *vocabLabel_, *seedLabel_;
    QComboBox* preset_;
    QComboBox* family_;
    QLabel* familyLabel_;
    QLineEdit* vocab_;
    QPushButton* vocabBrowse_;
    QCheckBox* lowercase_;
    QSpinBox* seed_;
    QPushButton* create_;
    QGroupBox* summaryGroup_;
    QFormLayout* summaryForm_;
    QList<QLabel*> summaryValues_;
    bool adapting_ = false;  // the running job is a masked-LM adaptation
    QPlainTextEdit* warnings_;
    QGroupBox* adaptGroup_;
    QLabel* adaptText_;
    QLabel *adaptEpochsLabel_, *adaptStepsLabel_, *adaptRateLabel_;
    QSpinBox* adaptEpochs_;
    QSpinBox* adaptSteps_;
    QDoubleSpinBox* adaptRate_;
    QPushButton* adapt_;
    QLabel* adaptStatus_;
};
