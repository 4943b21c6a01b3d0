// PredictionService: the GUI side of the prediction worker. It keeps the
// worker's Predictor on the session's current model, numbers requests so a
// page can ignore answers to questions it no longer asks, and refuses to
// predict while training changes the same weights in place.
#pragma once

#include "workbench_types.h"

#include <QObject>
#include <memory>

class PredictionWorker;
class WorkbenchSession;
class WorkerThread;

class PredictionService : public QObject {
    Q_OBJECT

public:
    explicit PredictionService(WorkbenchSession* session, QObject* parent = nullptr);
    ~PredictionService() override;

    bool isAvailable() const { return hasModel_ && !suspended_; }
    // While suspended (training runs) requests return -1 and nothing is computed.
    void setSuspended(bool suspended);
    void setMaxLength(int maxLength);

    // The model's label names in id order.
    QStringList labels() const;
    int request(const QString& text, bool withAttentions);
    void predictFile(const QString& path);
    void cancelFile();

signals:
    void predicted(int requestId, const bertbench::Prediction& prediction);
    void availabilityChanged(bool available);
    void fileProgress(double fraction);
    void filePredicted(const QString& path, const QStringList& texts, const QVector<int>& labelIds,
                       const QVector<QVector<float>>& probabilities);
    void failed(const QString& title, const QString& message);

private:
    void syncModel();

    WorkbenchSession* session_;
    std::unique_ptr<WorkerThread> thread_;
    PredictionWorker* worker_ = nullptr;
    int nextId_ = 1;
    int maxLength_ = 0;
    bool hasModel_ = false;
    bool suspended_ = false;
};
