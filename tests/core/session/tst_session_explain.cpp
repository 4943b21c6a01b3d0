// The session's explanation requests: attributions and attention comparisons
// served during training leave the run bit-identical; head importance and
// pruning are refused during training, and a pruned model saved by the
// session reloads with the masked model's predictions.
#include "session_fixtures.h"

#include <QtTest>

#include <cmath>

using namespace bertbench;
using fixtures::shortRun;
using fixtures::tinyModel;

namespace {

std::string labelText(int id) { return id == 0 ? "unacceptable" : "acceptable"; }

bool mentions(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

class TestSessionExplain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explanationsDuringTrainingLeaveTheRunBitIdentical() {
        fixtures::TempFolder folder("session_explain_training");
        folder.write("data.csv", fixtures::traceCsv(labelText));
        struct Run {
            std::vector<double> losses;
            std::map<std::string, torch::Tensor> weights;
            size_t served = 0;
            std::vector<std::string> failures;
        };
        auto runOnce = [&](const std::string& name, bool explain) -> Run {
            Run run;
            std::vector<std::future<Outcome<Attribution>>> attributions;
            std::vector<std::future<Outcome<AttentionComparison>>> comparisons;
            std::vector<std::future<Outcome<HeadImportance>>> importances;
            Session* self = nullptr;
            Session::Callbacks callbacks;
            callbacks.onStep = [&](const StepReport& r) {
                run.losses.push_back(r.loss);
                if (!explain) return;
                ExplainRequest ig;
                ig.text = "The sailors rode the breeze clear of the rocks.";
                ig.steps = 8;
                attributions.push_back(self->explain(ig));
                ExplainRequest gradient = ig;
                gradient.method = AttributionMethod::GradientTimesInput;
                attributions.push_back(self->explain(gradient));
                comparisons.push_back(self->compareAttention({folder.file("initial"), ig.text}));
                importances.push_back(self->headImportance({}));
            };
            Session session(callbacks);
            self = &session;
            session.importData(fixtures::csvData(folder.file("data.csv"), 0.25)).get().take();
            session.createModel(tinyModel()).get().take();
            if (!explain) session.saveModel({folder.file("initial")}).get().take();
            session.train(shortRun(folder, name, 6)).get().take();
            for (auto& a : attributions) {
                const auto outcome = a.get();
                if (!outcome.ok()) run.failures.push_back(outcome.message());
                run.served += outcome.ok();
            }
            for (auto& c : comparisons) {
                const auto outcome = c.get();
                if (!outcome.ok()) run.failures.push_back(outcome.message());
                // the ranking averages over the validation split's 16 rows
                run.served += outcome.ok() && outcome.value->sampleSize == 16;
            }
            for (auto& i : importances) {
                const auto outcome = i.get();
                if (!outcome.ok()) run.failures.push_back(outcome.message());
                run.served += outcome.ok() && outcome.value->examples == 16;
            }
            session.saveModel({folder.file(name + "-model")}, {}).get().take();
            run.weights = fixtures::weightsIn(folder.file(name + "-model"));
            return run;
        };
        const auto quiet = runOnce("quiet", false);
        const auto busy = runOnce("busy", true);
        QVERIFY2(busy.failures.empty(), busy.failures.empty() ? "" : busy.failures.front().c_str());
        QCOMPARE(busy.served, size_t(24));  // 6 steps × (2 attributions, a comparison, importance)
        QCOMPARE(busy.losses, quiet.losses);
        for (const auto& [key, tensor] : quiet.weights) QVERIFY2(torch::equal(busy.weights.at(key), tensor), key.c_str());
    }

    void pruningWaitsForTraining() {
        fixtures::TempFolder folder("session_explain_refused");
        folder.write("data.csv", fixtures::traceCsv(labelText));
        Session session;
        session.importData(fixtures::csvData(folder.file("data.csv"), 0.25)).get().take();
        session.createModel(tinyModel()).get().take();
        auto training = session.train(shortRun(folder, "run", 1000));
        const std::string busy = "while a training run is active";
        QVERIFY(mentions(session.pruneHeads({}).get().message(), busy));
        session.cancel();
        training.get();
        QVERIFY(session.pruneHeads({}).get().ok());
    }

    void prunedModelsSaveAndReloadAsMasked() {
        fixtures::TempFolder folder("session_explain_prune");
        folder.write("data.csv", fixtures::traceCsv(labelText));
        Session session;
        session.importData(fixtures::csvData(folder.file("data.csv"), 0.25)).get().take();
        const auto opened = session.openModel({fixtures::path("reference/tiny-bert-cola")}).get().take();

        const auto importance = session.headImportance({}).get().take();
        QCOMPARE(importance.layers, int64_t(2));
        QCOMPARE(importance.heads, int64_t(4));
        QCOMPARE(importance.examples, size_t(16));
        for (int64_t l = 0; l < 2; ++l) {
            double norm = 0;
            for (int64_t h = 0; h < 4; ++h) norm += double(importance.at(l, h)) * importance.at(l, h);
            QVERIFY(std::abs(std::sqrt(norm) - 1.0) < 1e-5);
        }

        PruneRequest prune;
        prune.count = 3;
        prune.importance = importance;
        const auto result = session.pruneHeads(prune).get().take();
        size_t pruned = 0;
        for (const auto& [layer, heads] : result.pruned) {
            pruned += heads.size();
            QVERIFY(heads.size() < 4);
        }
        QCOMPARE(pruned, size_t(3));
        QCOMPARE(result.prunedInAll, result.pruned);
        QVERIFY(result.model.parameters < opened.parameters);
        QVERIFY(session.state().modelDirty);
        QCOMPARE(result.after.predicted.size(), size_t(16));

        // The masked original predicts what the pruned model predicts.
        HeadMask mask = HeadMask::allOn(2, 4);
        for (const auto& [layer, heads] : result.pruned)
            for (const auto head : heads) mask.set(layer, head, false);
        const std::string text = "The sailors rode the breeze clear of the rocks.";
        const auto prunedPrediction = session.predict(PredictRequest{text, "", true, {}}).get().take();
        session.saveModel({folder.file("pruned")}).get().take();
        const auto config = fixtures::readJsonFile(folder.file("pruned/config.json"));
        QVERIFY(config.contains("pruned_heads"));
        session.openModel({fixtures::path("reference/tiny-bert-cola")}).get().take();
        const auto masked = session.predict(PredictRequest{text, "", true, mask}).get().take();
        session.openModel({folder.file("pruned")}).get().take();
        const auto reloaded = session.predict(PredictRequest{text, "", true, {}}).get().take();
        for (size_t c = 0; c < 2; ++c) {
            QVERIFY(std::abs(masked.logits[c] - prunedPrediction.logits[c]) < 1e-5);
            QVERIFY(std::abs(reloaded.logits[c] - prunedPrediction.logits[c]) < 1e-5);
        }
        // The pruned heads' maps are zero, the others are the masked model's.
        const auto& a = *reloaded.attentions;
        const auto& b = *masked.attentions;
        for (size_t i = 0; i < a.values.size(); ++i) QVERIFY(std::abs(a.values[i] - b.values[i]) < 1e-5);
    }
};

QTEST_GUILESS_MAIN(TestSessionExplain)
#include "tst_session_explain.moc"
