// PredictionWorker: owns the engine's Predictor (not thread-safe, so exactly
// one thread uses it) and answers single-sentence and whole-file requests.
// As-you-type requests carry increasing ids; a request that a newer one has
// already superseded is skipped, so typing never builds a backlog.
#pragma once

#include "workbench_types.h"

#include <QObject>
#include <atomic>
#include <memory>

namespace bertbench { class Predictor; }

class PredictionWorker : public QObject {
    Q_OBJECT

public:
    explicit PredictionWorker(QObject* parent = nullptr);
    ~PredictionWorker() override;

    // Thread-safe: the id of the newest request of its kind (with or without
    // attentions: the Predict and Attention pages ask independently), so older
    // ones of that kind can be dropped.
    void announce(int requestId, bool withAttentions) { latest_[withAttentions ? 1 : 0] = requestId; }
    void cancelBatch() { cancelBatch_ = true; }

public slots:
    void setModel(const bertbench::ModelHandle& model, int maxLength);
    void predict(int requestId, const QString& text, bool withAttentions);
    void predictFile(const QString& path);

signals:
    void predicted(int requestId, const bertbench::Prediction& prediction);
    void batchProgress(double fraction);
    // probabilities: one row per text, softmax over the labels in id order.
    void batchPredicted(const QString& path, const QStringList& texts, const QVector<int>& labelIds,
                        const QVector<QVector<float>>& probabilities);
    void failed(const QString& what, const QString& message);

private:
    std::unique_ptr<bertbench::Predictor> predictor_;
    std::atomic<int> latest_[2] = {0, 0};
    std::atomic<bool> cancelBatch_{false};
};
