// ExplainService: the Attention page's way to the session's explanations —
// token attributions, predictions under a head mask, attention compared with
// a second model, head importance and pruning — and to the attention probes
// a run stored. Requests are numbered, and each view asks on its own channel:
// while one request of a channel is computed only the newest waiting one is
// kept, so clicking heads or typing never builds a backlog. Attributions,
// masked predictions and comparisons are served during training too (between
// two optimizer steps); importance and pruning go over a whole split and are
// refused while a run trains, with the session's message.
#pragma once

#include "session/workbench_types.h"

#include "session/explain_types.h"
#include "training/attention_probes.h"

#include <QObject>
#include <functional>
#include <map>
#include <optional>
#include <vector>

class WorkbenchSession;

class ExplainService : public QObject {
    Q_OBJECT

public:
    // One per view that asks: requests of one channel replace each other while waiting.
    enum class Channel { Attributions, PairFirst, PairSecond, Ablation, AblationReference, Comparison };

    explicit ExplainService(WorkbenchSession* session, QObject* parent = nullptr);

    bool isAvailable() const;
    QStringList labels() const;  // the model's label names in id order
    int layers() const;
    int heads() const;

    int explain(const bertbench::ExplainRequest& request, Channel channel);
    int predict(const bertbench::PredictRequest& request, Channel channel);
    // The current model against the model in request.folder.
    int compare(const bertbench::CompareRequest& request);
    int measureImportance(const bertbench::HeadImportanceRequest& request);
    // Prunes the current model; the session's model then has unsaved changes.
    int prune(const bertbench::PruneRequest& request);
    // Reads every snapshot of a run folder off the GUI thread; with `file`,
    // just that one (a run's newest), which probesLoaded then lists alone.
    int loadProbes(const QString& runDir, const QString& file = {});

signals:
    void explained(int id, const bertbench::Attribution& attribution);
    void predicted(int id, const bertbench::Prediction& prediction);
    void compared(int id, const bertbench::AttentionComparison& comparison);
    void importanceMeasured(int id, const bertbench::HeadImportance& importance);
    void pruned(int id, const bertbench::PruneResult& result);
    void probesLoaded(int id, const QString& runDir, const std::vector<bertbench::AttentionProbeSnapshot>& snapshots);
    // Any request's failure, translated; `id` is the request's number.
    void failed(int id, const QString& title, const QString& message);
    void availabilityChanged(bool available);
    // Another model, or the same one after training or pruning: earlier answers are out of date.
    void modelReplaced();
    // The running training evaluated and stored its probes' attention in this file.
    void attentionSnapshotWritten(const QString& file);

private:
    // Starts a job; the job calls `finished` on the GUI thread when its answer is out.
    using Start = std::function<void(std::function<void()> finished)>;
    void submit(int channel, Start start);
    template <class T, class Emit>
    std::function<void(const bertbench::Outcome<T>&)> answer(int id, const QString& title, Emit emitter,
                                                              std::function<void()> finished);
    // Numbers a request and queues it on `lane` (none: a lane of its own);
    // call(done) starts the session's job, emitter(id, value) announces its answer.
    template <class T, class Call, class Emit>
    int ask(std::optional<Channel> lane, const QString& title, Call call, Emit emitter);

    WorkbenchSession* session_;
    int nextId_ = 1;
    struct Lane {
        bool inFlight = false;
        Start waiting;  // empty: none
    };
    std::map<int, Lane> lanes_;
    bool available_ = false;
};

Q_DECLARE_METATYPE(bertbench::Attribution)
Q_DECLARE_METATYPE(bertbench::AttentionComparison)
Q_DECLARE_METATYPE(bertbench::HeadImportance)
Q_DECLARE_METATYPE(bertbench::PruneResult)
