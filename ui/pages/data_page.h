// DataPage: the first step of the flow. Choose a TSV/CSV file (dialog, recent
// list or drag-and-drop onto the window), set how to read it with a live
// preview, import it through the engine (split into training and validation),
// optionally add a held-out test file, and see the import report, the class
// distribution and the token-length histogram.
#pragma once

#include "session/workbench_types.h"

#include <QWidget>

class DatasetChartsPlot;
class ImportOptionsForm;
class PreviewTableModel;
class WorkbenchSession;
class QCheckBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableView;
class QTableWidget;
class QTimer;

class DataPage : public QWidget {
    Q_OBJECT

public:
    explicit DataPage(WorkbenchSession* session, QWidget* parent = nullptr);

    // Shows `path` in the preview with options guessed from its name; does not import yet.
    void setFile(const QString& path, std::optional<bertbench::DatasetFormat> format = {});
    QString file() const;
    void setValidation(double ratio, quint64 seed, bool stratified);
    void setHoldoutFile(const QString& path);  // imported once training data is there
    void importFile();
    // Fills the form from an earlier import (a reopened session) and imports it.
    void importRequest(const ImportRequest& request);

    PreviewTableModel* previewModel() const { return preview_; }
    QTableWidget* skippedTable() const { return skipped_; }
    // The max length training will use (the Hyperparameters page's): token
    // statistics count as truncated what training would cut.
    int maxLength() const { return maxLength_; }
    void setMaxLength(int maxLength);

signals:
    void fileChosen(const QString& path);  // for the recent-files list

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void browse();
    void browseHoldout();
    void refreshPreview();
    void resizePreviewColumns();
    ImportRequest request() const;
    void showImported();
    void showHoldout();
    void importHoldoutIfPending();

    WorkbenchSession* session_;
    PreviewTableModel* preview_;
    QTimer* previewTimer_;

    QGroupBox* fileGroup_;
    QLineEdit* path_;
    QPushButton* browse_;
    ImportOptionsForm* options_;
    QGroupBox* splitGroup_;
    QLabel *ratioLabel_, *seedLabel_, *maxLengthLabel_;
    QDoubleSpinBox* ratio_;
    QSpinBox* seed_;
    QCheckBox* stratified_;
    QLabel* maxLengthValue_;
    int maxLength_ = 64;
    QPushButton* import_;
    QGroupBox* holdoutGroup_;
    QLineEdit* holdoutPath_;
    QPushButton *holdoutBrowse_, *holdoutImport_;
    QLabel* holdoutSummary_;

    QGroupBox* previewGroup_;
    QTableView* previewView_;
    QLabel* previewError_;
    QGroupBox* reportGroup_;
    QLabel* reportSummary_;
    QTableWidget* skipped_;
    DatasetChartsPlot* charts_;
    bool holdoutPending_ = false;
};
