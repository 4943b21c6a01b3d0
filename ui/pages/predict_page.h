// PredictPage: type a sentence and see the model's answer update as you type
// (debounced; computed on the prediction thread): a bar per class and, for
// acceptability-style binary labels, a plain verdict. Also predicts a whole
// file (one sentence per line) and exports the results as CSV.
#pragma once

#include "session/workbench_types.h"

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
    // Whole-file prediction without the dialogs; filePredicted() follows.
    void predictFile(const QString& path);
    int fileResultCount() const;
    // Text, label, confidence and one probability column per class; false with
    // `error` set when the file cannot be written.
    bool exportCsv(const QString& path, QString* error = nullptr) const;

signals:
    void predicted();
    // The sentence the user settled on (after the typing pause), for the
    // Attention page, which shows the same one.
    void sentenceChanged(const QString& text);
    void filePredicted(int rows);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void requestNow();
    void show(int id, const bertbench::Prediction& prediction);
    void showVerdict();
    void chooseFileToPredict();
    void showFileResults(const QString& path, const QStringList& texts, const QVector<int>& labels,
                         const QVector<QVector<float>>& probabilities);
    void chooseCsvToExport();

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
