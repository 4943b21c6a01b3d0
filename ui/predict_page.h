// PredictPage: type a sentence and see the model's answer update as you type
// (debounced; computed on the prediction thread): a bar per class and, for
// acceptability-style binary labels, a plain verdict. Also predicts a whole
// file (one sentence per line) and exports the results as CSV.
#pragma once

#include "workbench_types.h"

#include <QWidget>

class PredictionService;
class ProbabilityBarsPlot;
class QGroupBox;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QStandardItemModel;
class QTableView;
class QTimer;

class PredictPage : public QWidget {
    Q_OBJECT

public:
    explicit PredictPage(PredictionService* service, QWidget* parent = nullptr);

    void setSentence(const QString& text);
    QString verdict() const;
    ProbabilityBarsPlot* bars() const { return bars_; }
    const bertbench::Prediction& lastPrediction() const { return last_; }

signals:
    void predicted();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void requestNow();
    void show(int id, const bertbench::Prediction& prediction);
    void showVerdict();
    void predictFile();
    void showFileResults(const QString& path, const QStringList& texts, const QVector<int>& labels,
                         const QVector<float>& confidences);
    void exportCsv();

    PredictionService* service_;
    QTimer* debounce_;
    int pending_ = -1;
    bertbench::Prediction last_;
    bool hasResult_ = false;
    QGroupBox *sentenceGroup_, *resultGroup_, *fileGroup_;
    QPlainTextEdit* sentence_;
    QLabel* verdict_;
    QLabel* details_;
    ProbabilityBarsPlot* bars_;
    QPushButton *openFile_, *exportCsv_;
    QProgressBar* fileProgress_;
    QStandardItemModel* fileResults_;
    QTableView* fileView_;
};
