// EvaluatePage: evaluates the model on the validation, holdout or training
// split through the engine, and shows the metrics table, the confusion-matrix
// heatmap and a sortable, filterable browser of the examples. Clicking an
// example sends its sentence to the Predict and Attention pages.
#pragma once

#include "session/workbench_types.h"

#include <QWidget>

class ConfusionMatrixPlot;
class ExampleFilterModel;
class ExampleTableModel;
class WorkbenchSession;
class QComboBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;
class QTableWidget;

class EvaluatePage : public QWidget {
    Q_OBJECT

public:
    explicit EvaluatePage(WorkbenchSession* session, QWidget* parent = nullptr);

    void evaluate();
    // Evaluated at the max length training uses, so the numbers here are the
    // ones the Train page logged for the same weights.
    void setMaxLength(int maxLength) { maxLength_ = maxLength; }
    ExampleTableModel* examples() const { return examples_; }
    QTableWidget* metricsTable() const { return metrics_; }
    ConfusionMatrixPlot* matrix() const { return matrix_; }
    QString summaryText() const;

signals:
    void sentenceChosen(const QString& sentence);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void show(const EvaluationOutcome& outcome);
    void showMetrics();
    void applyFilter();
    // The examples of one confusion-matrix cell (or all again with -1, -1).
    void showCell(int trueLabel, int predicted);

    WorkbenchSession* session_;
    EvaluationOutcome outcome_;
    QLabel* splitLabel_;
    QComboBox* split_;
    QPushButton* evaluate_;
    QLabel* summary_;
    QGroupBox *metricsGroup_, *matrixGroup_, *examplesGroup_;
    QTableWidget* metrics_;
    ConfusionMatrixPlot* matrix_;
    QComboBox* show_;
    QLineEdit* search_;
    QLabel* cellNote_;
    QPushButton* clearCell_;
    int maxLength_ = 0;
    int cellTrue_ = -1, cellPredicted_ = -1;  // the confusion-matrix cell the examples show, or -1
    ExampleTableModel* examples_;
    ExampleFilterModel* filter_;
    QTableView* view_;
};
