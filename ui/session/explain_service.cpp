// ExplainService: see explain_service.h.
#include "session/explain_service.h"

#include "i18n/engine_messages.h"
#include "session/session.h"
#include "session/workbench_session.h"

#include <QFutureWatcher>
#include <QPointer>
#include <QtConcurrent/QtConcurrentRun>
#include <exception>

using namespace bertbench;

namespace {
// Lanes of their own (kOwnLane + id): jobs a newer request never replaces.
constexpr int kOwnLane = 1000;
}  // namespace

ExplainService::ExplainService(WorkbenchSession* session, QObject* parent) : QObject(parent), session_(session) {
    qRegisterMetaType<Attribution>();
    qRegisterMetaType<AttentionComparison>();
    qRegisterMetaType<HeadImportance>();
    qRegisterMetaType<PruneResult>();
    connect(session_, &WorkbenchSession::modelChanged, this, [this] {
        if (available_ != isAvailable()) emit availabilityChanged(available_ = isAvailable());
        emit modelReplaced();
    });
    connect(session_, &WorkbenchSession::trainingEvaluation, this, [this](const EvaluationReport& report) {
        if (!report.attentionProbesFile.empty()) emit attentionSnapshotWritten(qs(report.attentionProbesFile));
    });
    available_ = isAvailable();
}

bool ExplainService::isAvailable() const { return session_->hasModel(); }
QStringList ExplainService::labels() const { return toQStringList(session_->model().summary.labels); }
int ExplainService::layers() const { return int(session_->model().summary.layers); }
int ExplainService::heads() const { return int(session_->model().summary.heads); }

void ExplainService::submit(int channel, Start start) {
    Lane& lane = lanes_[channel];
    if (lane.inFlight) {
        lane.waiting = std::move(start);
        return;
    }
    lane.inFlight = true;
    start([this, channel] {
        Start next = std::move(lanes_[channel].waiting);
        lanes_.erase(channel);
        if (next) submit(channel, std::move(next));
    });
}

template <class T, class Emit>
std::function<void(const Outcome<T>&)> ExplainService::answer(int id, const QString& title, Emit emitter,
                                                              std::function<void()> finished) {
    // Posted to the session, which outlives its engine's callbacks; this
    // service may be gone by then, which the QPointer tells on the GUI thread.
    QPointer<ExplainService> self(this);
    return [self, receiver = session_, id, title, emitter, finished](const Outcome<T>& outcome) {
        QMetaObject::invokeMethod(
            receiver,
            [self, id, title, emitter, finished, outcome] {
                if (!self) return;
                if (outcome.ok())
                    emitter(*outcome.value);
                else if (!outcome.cancelled())
                    emit self->failed(id, title, EngineMessages::translate(qs(outcome.message())));
                finished();
            },
            Qt::QueuedConnection);
    };
}

template <class T, class Call, class Emit>
int ExplainService::ask(std::optional<Channel> lane, const QString& title, Call call, Emit emitter) {
    if (!isAvailable()) return -1;
    const int id = nextId_++;
    submit(lane ? int(*lane) : kOwnLane + id, [this, id, title, call, emitter](std::function<void()> finished) {
        call(answer<T>(id, title, [id, emitter](const T& value) { emitter(id, value); }, finished));
    });
    return id;
}

int ExplainService::explain(const ExplainRequest& request, Channel channel) {
    return ask<Attribution>(
        channel, tr("Explain"), [this, request](auto done) { session_->engine().explain(request, done); },
        [this](int id, const Attribution& a) { emit explained(id, a); });
}

int ExplainService::predict(const PredictRequest& request, Channel channel) {
    return ask<Prediction>(
        channel, tr("Predict"), [this, request](auto done) { session_->engine().predict(request, done); },
        [this](int id, const Prediction& p) { emit predicted(id, p); });
}

int ExplainService::compare(const CompareRequest& request) {
    return ask<AttentionComparison>(
        Channel::Comparison, tr("Compare attention with %1").arg(qs(request.folder)),
        [this, request](auto done) { session_->engine().compareAttention(request, done); },
        [this](int id, const AttentionComparison& c) { emit compared(id, c); });
}

int ExplainService::measureImportance(const HeadImportanceRequest& request) {
    return ask<HeadImportance>(
        std::nullopt, tr("Head importance"),
        [this, request](auto done) { session_->engine().headImportance(request, done); },
        [this](int id, const HeadImportance& h) { emit importanceMeasured(id, h); });
}

int ExplainService::prune(const PruneRequest& request) {
    return ask<PruneResult>(
        std::nullopt, tr("Prune heads"), [this, request](auto done) { session_->engine().pruneHeads(request, done); },
        [this](int id, const PruneResult& r) {
            session_->refreshModel();  // fewer parameters, unsaved
            emit pruned(id, r);
        });
}

int ExplainService::loadProbes(const QString& runDir, const QString& file) {
    const int id = nextId_++;
    struct Loaded {
        std::vector<AttentionProbeSnapshot> snapshots;
        QString error;
    };
    // A long run holds one file per epoch (up to 1 MB each): read off the GUI
    // thread. The watcher is this object's child, so an answer never reaches a
    // service that is gone.
    auto* watcher = new QFutureWatcher<Loaded>(this);
    connect(watcher, &QFutureWatcher<Loaded>::finished, this, [this, watcher, id, runDir] {
        const Loaded loaded = watcher->result();
        watcher->deleteLater();
        if (!loaded.error.isEmpty())
            emit failed(id, tr("Attention across training"), EngineMessages::translate(loaded.error));
        else emit probesLoaded(id, runDir, loaded.snapshots);
    });
    watcher->setFuture(QtConcurrent::run([dir = ss(runDir), one = ss(file)] {
        Loaded loaded;
        try {
            if (one.empty()) loaded.snapshots = loadAttentionProbes(dir);
            else loaded.snapshots.push_back(readAttentionProbes(one));
        } catch (const std::exception& e) {
            loaded.error = qs(e.what());  // translated on the GUI thread
        }
        return loaded;
    }));
    return id;
}
