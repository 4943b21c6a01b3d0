// PredictionService: the Predict and Attention pages' way to the session's
// predictions. Requests are numbered so a page can ignore answers to
// questions it no longer asks, and coalesced per kind (with or without
// attentions): while one is being computed only the newest waiting text is
// kept, so typing never builds a backlog. Predictions are available whenever
// there is a model, during training too: the session serves them between two
// optimizer steps without disturbing the run.
#pragma once

#include "session/workbench_types.h"

#include <QObject>
#include <optional>

class WorkbenchSession;

class PredictionService : public QObject {
    Q_OBJECT

public:
    explicit PredictionService(WorkbenchSession* session, QObject* parent = nullptr);

    bool isAvailable() const;

    // The model's label names in id order.
    QStringList labels() const;
    int request(const QString& text, bool withAttentions);
    // One sentence per line; the answer is filePredicted() or failed().
    void predictFile(const QString& path);
    void cancelFile();

signals:
    void predicted(int requestId, const bertbench::Prediction& prediction);
    void availabilityChanged(bool available);
    // Another model, or the same one after training: earlier answers are out of date.
    void modelReplaced();
    void fileProgress(double fraction);
    void filePredicted(const QString& path, const QStringList& texts, const QVector<int>& labelIds,
                       const QVector<QVector<float>>& probabilities);
    void failed(const QString& title, const QString& message);

private:
    struct Pending {
        int id;
        QString text;
    };
    void send(int id, const QString& text, bool withAttentions);

    WorkbenchSession* session_;
    int nextId_ = 1;
    bool inFlight_[2] = {false, false};
    std::optional<Pending> waiting_[2];
    bool available_ = false;
};
