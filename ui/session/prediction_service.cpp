// PredictionService: see prediction_service.h.
#include "session/prediction_service.h"

#include "i18n/engine_messages.h"
#include "session/session.h"
#include "session/workbench_session.h"

#include <QFile>
#include <QTextStream>

using namespace bertbench;

PredictionService::PredictionService(WorkbenchSession* session, QObject* parent)
    : QObject(parent), session_(session) {
    connect(session_, &WorkbenchSession::modelChanged, this, [this] {
        if (available_ != isAvailable()) emit availabilityChanged(available_ = isAvailable());
        else emit modelReplaced();
    });
    connect(session_, &WorkbenchSession::progress, this, [this](const QString& what, double fraction) {
        if (what == QLatin1String("Predicting")) emit fileProgress(fraction);
    });
    available_ = isAvailable();
}

bool PredictionService::isAvailable() const { return session_->hasModel(); }

QStringList PredictionService::labels() const { return toQStringList(session_->model().summary.labels); }

int PredictionService::request(const QString& text, bool withAttentions) {
    if (!isAvailable()) return -1;
    const int id = nextId_++;
    const int kind = withAttentions ? 1 : 0;
    if (inFlight_[kind])
        waiting_[kind] = Pending{id, text};
    else
        send(id, text, withAttentions);
    return id;
}

void PredictionService::send(int id, const QString& text, bool withAttentions) {
    const int kind = withAttentions ? 1 : 0;
    inFlight_[kind] = true;
    session_->engine().predict(ss(text), withAttentions, [this, id, kind, withAttentions](const Outcome<Prediction>& o) {
        QMetaObject::invokeMethod(
            this,
            [this, id, kind, withAttentions, o] {
                inFlight_[kind] = false;
                if (o.ok())
                    emit predicted(id, *o.value);
                else if (!o.cancelled())
                    emit failed(tr("Predict"), EngineMessages::translate(qs(o.message())));
                if (auto next = waiting_[kind]) {
                    waiting_[kind].reset();
                    send(next->id, next->text, withAttentions);
                }
            },
            Qt::QueuedConnection);
    });
}

void PredictionService::predictFile(const QString& path) {
    if (!isAvailable()) return;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return emit failed(tr("Predict file %1").arg(path), tr("%1: %2").arg(path, file.errorString()));
    // One sentence per line: the simplest file anyone can write by hand.
    QStringList texts;
    QTextStream in(&file);
    while (!in.atEnd()) {
        const QString line = in.readLine().trimmed();
        if (!line.isEmpty()) texts << line;
    }
    if (texts.isEmpty()) return emit failed(tr("Predict file %1").arg(path), tr("%1: the file holds no sentence").arg(path));
    session_->engine().predictBatch(toStdVector(texts), 0, [this, path, texts](const Outcome<std::vector<Prediction>>& o) {
        QMetaObject::invokeMethod(
            this,
            [this, path, texts, o] {
                if (o.cancelled()) return;
                if (!o.ok())
                    return emit failed(tr("Predict file %1").arg(path), EngineMessages::translate(qs(o.message())));
                QVector<int> labels;
                QVector<QVector<float>> probabilities;
                for (const auto& p : *o.value) {
                    labels << p.labelId;
                    probabilities << QVector<float>(p.probabilities.begin(), p.probabilities.end());
                }
                emit filePredicted(path, texts, labels, probabilities);
            },
            Qt::QueuedConnection);
    });
}

void PredictionService::cancelFile() { session_->engine().cancel(); }
