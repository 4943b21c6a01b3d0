// PredictionWorker: see prediction_worker.h.
#include "prediction_worker.h"

#include "common/errors.h"
#include "inference/predictor.h"

#include <QFile>
#include <QTextStream>

using namespace bertbench;

namespace {
constexpr int kBatchSize = 64;  // texts per forward pass in file prediction
}

PredictionWorker::PredictionWorker(QObject* parent) : QObject(parent) {}
PredictionWorker::~PredictionWorker() = default;

void PredictionWorker::setModel(const ModelHandle& model, int maxLength) {
    try {
        predictor_.reset();
        if (!model.isNull()) predictor_ = std::make_unique<Predictor>(model.bundle(), size_t(std::max(0, maxLength)));
    } catch (const Error& e) {
        emit failed(tr("Prepare prediction"), QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        emit failed(tr("Prepare prediction"), QString::fromUtf8(e.what()));
    }
}

void PredictionWorker::predict(int requestId, const QString& text, bool withAttentions) {
    if (requestId < latest_[withAttentions ? 1 : 0].load() || !predictor_) return;
    try {
        emit predicted(requestId, predictor_->predict(ss(text), withAttentions));
    } catch (const Error& e) {
        emit failed(tr("Predict"), QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        emit failed(tr("Predict"), QString::fromUtf8(e.what()));
    }
}

void PredictionWorker::predictFile(const QString& path) {
    cancelBatch_ = false;
    try {
        if (!predictor_) throw UsageError(ss(tr("There is no model to predict with.")));
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
            throw FileError(ss(path), ss(file.errorString()));
        // One sentence per line: the simplest file anyone can write by hand.
        QStringList texts;
        QTextStream in(&file);
        while (!in.atEnd()) {
            const QString line = in.readLine().trimmed();
            if (!line.isEmpty()) texts << line;
        }
        if (texts.isEmpty()) throw FileError(ss(path), ss(tr("the file holds no sentence")));

        QVector<int> labels;
        QVector<QVector<float>> probabilities;
        for (int start = 0; start < texts.size(); start += kBatchSize) {
            if (cancelBatch_) return;
            std::vector<std::string> chunk;
            for (int i = start; i < std::min<int>(start + kBatchSize, texts.size()); ++i) chunk.push_back(ss(texts[i]));
            for (const auto& p : predictor_->predictBatch(chunk)) {
                labels << p.labelId;
                probabilities << QVector<float>(p.probabilities.begin(), p.probabilities.end());
            }
            emit batchProgress(double(labels.size()) / texts.size());
        }
        emit batchPredicted(path, texts, labels, probabilities);
    } catch (const Error& e) {
        emit failed(tr("Predict file %1").arg(path), QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        emit failed(tr("Predict file %1").arg(path), QString::fromUtf8(e.what()));
    }
}
