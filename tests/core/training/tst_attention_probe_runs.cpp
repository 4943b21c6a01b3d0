// Attention across training on the tiny preset: every epoch end leaves one
// snapshot, whose maps are the Predictor's on the weights of that moment within
// the quantisation step; the probes are the validation texts or the user's,
// cut to 64 tokens; a masked LM is probed too; a resumed run keeps the earlier
// snapshots; and probing leaves the training bit for bit as it was without.
#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "inference/predictor.h"
#include "model/initialization.h"
#include "training/attention_probe_recorder.h"
#include "temp_folder.h"
#include "training/attention_probes.h"
#include "training/trainer.h"
#include "training_fixtures.h"

#include <QtTest>

#include <filesystem>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

const std::vector<std::string> kCola = {"unacceptable", "acceptable"};

// Two epochs of 5 steps (80 examples, batch 16); evaluations after steps 5 and 10.
TrainingOptions twoEpochs() {
    auto o = fixtures::quickOptions(0);
    o.epochs = 2;
    return o;
}

struct Run {
    std::vector<double> losses, gradNorms;
    std::vector<EvaluationReport> evaluations;
    std::vector<torch::Tensor> weights;  // at the end
};

Run train(std::shared_ptr<ModelBundle> model, const TrainingOptions& options, TrainingData data,
          const std::string& runDir, std::function<void(const EvaluationReport&)> onEvaluation = {}) {
    Run run;
    TrainingCallbacks callbacks;
    callbacks.onStep = [&](const StepReport& r) {
        run.losses.push_back(r.loss);
        run.gradNorms.push_back(r.gradNorm);
    };
    callbacks.onEvaluation = [&](const EvaluationReport& r) {
        run.evaluations.push_back(r);
        if (onEvaluation) onEvaluation(r);
    };
    Trainer trainer(model, options, std::move(data), runDir, callbacks);
    trainer.run();
    for (const auto& p : model->module().parameters()) run.weights.push_back(p.detach().clone());
    return run;
}

std::string longSentence(int words) {
    std::string text = "The";
    for (int i = 0; i < words; ++i) text += " old sailor";
    return text + ".";
}

}  // namespace

class TestAttentionProbeRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEvaluationLeavesTheMapsThePredictorSees() {
        TempFolder folder("probe_runs_predictor");
        const auto validation = fixtures::colaRows(40);
        auto model = fixtures::tinyPreset(kCola);
        // What the Predictor says on the weights of each evaluation, asked from its callback.
        std::vector<std::vector<Prediction>> expected;
        const auto run = train(model, twoEpochs(), {fixtures::colaRows(80), validation, std::nullopt},
                               folder.file("run"), [&](const EvaluationReport& r) {
                                   if (r.split != "validation") return;
                                   Predictor predictor(model, TrainingOptions::kAttentionProbeTokens);
                                   expected.emplace_back();
                                   for (size_t i = 0; i < 3; ++i)
                                       expected.back().push_back(predictor.predict(validation.examples[i].text, true));
                               });
        const auto snapshots = loadAttentionProbes(folder.file("run"));
        QCOMPARE(snapshots.size(), size_t(2));
        QCOMPARE(expected.size(), size_t(2));
        for (size_t e = 0; e < 2; ++e) {
            const auto& s = snapshots[e];
            QCOMPARE(s.step, int64_t(5 * (e + 1)));
            QCOMPARE(s.epoch, int64_t(e));
            QCOMPARE(run.evaluations[e].attentionProbesFile, attentionProbeFile(folder.file("run"), s.step));
            QCOMPARE(s.texts, (std::vector<std::string>{validation.examples[0].text, validation.examples[1].text,
                                                        validation.examples[2].text}));
            QCOMPARE(s.attentions.size(), size_t(3));
            for (size_t i = 0; i < 3; ++i) {
                const auto& maps = s.attentions[i];
                const auto& want = *expected[e][i].attentions;
                QCOMPARE(s.tokens[i], expected[e][i].tokens);
                QCOMPARE(s.readableTokens[i], expected[e][i].readableTokens);
                QCOMPARE(maps.layers, 2);
                QCOMPARE(maps.heads, 2);
                QCOMPARE(maps.tokens, int(s.tokens[i].size()));
                QCOMPARE(maps.values.size(), want.values.size());
                for (size_t v = 0; v < maps.values.size(); ++v)
                    QVERIFY2(std::abs(maps.values[v] - want.values[v]) <= kAttentionProbeStep / 2 + 1e-6f,
                             qPrintable(QString("evaluation %1 probe %2 value %3").arg(e).arg(i).arg(v)));
                // Each row is a distribution: rounding moves each value by at most half a step.
                for (int l = 0; l < maps.layers; ++l)
                    for (int h = 0; h < maps.heads; ++h)
                        for (int from = 0; from < maps.tokens; ++from) {
                            double sum = 0;
                            for (int to = 0; to < maps.tokens; ++to) sum += maps.at(l, h, from, to);
                            QVERIFY(std::abs(sum - 1) <= maps.tokens * kAttentionProbeStep / 2 + 1e-5);
                        }
            }
            // The file holds the values as bytes and a small header, nothing more.
            size_t values = 0;
            for (const auto& maps : s.attentions) values += maps.values.size();
            const auto size = std::filesystem::file_size(run.evaluations[e].attentionProbesFile);
            QVERIFY2(size >= values && size <= values + 4096, qPrintable(QString::number(size)));
        }
        QVERIFY(snapshots[0].attentions[0].values != snapshots[1].attentions[0].values);  // training moved them
        // The test split's evaluation, with the best model, takes none.
        const auto withTest = train(fixtures::tinyPreset(kCola), twoEpochs(),
                                    {fixtures::colaRows(80), validation, fixtures::colaRows(24)}, folder.file("test"));
        QCOMPARE(withTest.evaluations.size(), size_t(3));
        QCOMPARE(withTest.evaluations.back().split, std::string("test"));
        QVERIFY(withTest.evaluations.back().attentionProbesFile.empty());
        QCOMPARE(loadAttentionProbes(folder.file("test")).size(), size_t(2));
    }

    void userProbesAreUsedAndCutTo64Tokens() {
        TempFolder folder("probe_runs_user");
        auto options = twoEpochs();
        options.attentionProbes = " The cat sat, quietly. | " + longSentence(80) + " |  | A pair is not needed.";
        // Without validation data the probes are still taken at every epoch end.
        train(fixtures::tinyPreset(kCola), options, {fixtures::colaRows(80), std::nullopt, std::nullopt},
              folder.file("run"));
        const auto snapshots = loadAttentionProbes(folder.file("run"));
        QCOMPARE(snapshots.size(), size_t(2));
        const auto& s = snapshots.back();
        QCOMPARE(s.step, int64_t(10));
        QCOMPARE(s.texts, (std::vector<std::string>{"The cat sat, quietly.", longSentence(80), "A pair is not needed."}));
        QCOMPARE(s.pairs, (std::vector<std::string>{"", "", ""}));
        QCOMPARE(s.tokens[0].front(), std::string("[CLS]"));
        QCOMPARE(s.tokens[0].back(), std::string("[SEP]"));
        QVERIFY(s.tokens[0].size() < 16);
        QCOMPARE(s.tokens[1].size(), size_t(64));
        QCOMPARE(s.tokens[1].back(), std::string("[SEP]"));
        QCOMPARE(s.attentions[1].tokens, 64);
    }

    void tooManyProbesAreRefused() {
        TempFolder folder("probe_runs_many");
        auto options = twoEpochs();
        options.attentionProbes = "a|b|c|d|e";
        QVERIFY_THROWS_EXCEPTION(UsageError, Trainer(fixtures::tinyPreset(kCola), options,
                                                     {fixtures::colaRows(80), {}, {}}, folder.file("run")));
    }

    void probingLeavesTheTrainingBitForBitAsItWas() {
        TempFolder folder("probe_runs_identical");
        const auto data = fixtures::colaRows(80);
        auto options = twoEpochs();  // the tiny preset's dropout is on: the random state matters
        // Off: no probes given and no validation texts to take them from.
        const auto off = train(fixtures::tinyPreset(kCola), options, {data, {}, {}}, folder.file("off"));
        QVERIFY(loadAttentionProbes(folder.file("off")).empty());
        QVERIFY(!std::filesystem::exists(attentionProbesDir(folder.file("off"))));
        options.attentionProbes = "The cat sat. | " + longSentence(40) + " | Who left? | Birds fly.";
        const auto on = train(fixtures::tinyPreset(kCola), options, {data, {}, {}}, folder.file("on"));
        QCOMPARE(loadAttentionProbes(folder.file("on")).size(), size_t(2));
        QCOMPARE(on.losses.size(), size_t(10));
        QVERIFY(on.losses == off.losses);  // ==, not within a tolerance
        QVERIFY(on.gradNorms == off.gradNorms);
        QCOMPARE(on.weights.size(), off.weights.size());
        for (size_t i = 0; i < on.weights.size(); ++i) QVERIFY(torch::equal(on.weights[i], off.weights[i]));

        // With validation: other probes (the default ones against the user's) change nothing either.
        const auto validation = fixtures::colaRows(40);
        auto defaults = twoEpochs();
        const auto first = train(fixtures::tinyPreset(kCola), defaults, {data, validation, {}}, folder.file("v1"));
        const auto second = train(fixtures::tinyPreset(kCola), options, {data, validation, {}}, folder.file("v2"));
        QVERIFY(first.losses == off.losses);
        QVERIFY(second.losses == first.losses);
        QCOMPARE(second.evaluations.size(), size_t(2));
        for (size_t e = 0; e < 2; ++e) {
            QCOMPARE(second.evaluations[e].metrics.loss, first.evaluations[e].metrics.loss);
            QCOMPARE(second.evaluations[e].metrics.mcc, first.evaluations[e].metrics.mcc);
        }
    }

    void aResumedRunKeepsTheEarlierSnapshots() {
        TempFolder folder("probe_runs_resume");
        const auto run = folder.file("run");
        const auto data = fixtures::colaRows(80);
        const auto validation = fixtures::colaRows(40);
        {
            TrainingCallbacks callbacks;
            Trainer* self = nullptr;
            callbacks.onStep = [&](const StepReport& r) {
                if (r.step == 7) self->cancel();
            };
            Trainer first(fixtures::tinyPreset(kCola), twoEpochs(), {data, validation, {}}, run, callbacks);
            self = &first;
            QVERIFY(!first.run().completed);
        }
        QCOMPARE(loadAttentionProbes(run).size(), size_t(1));
        const auto firstBytes = std::filesystem::file_size(attentionProbeFile(run, 5));
        // As if a killed run had written a snapshot after its checkpoint (step 7).
        std::filesystem::copy_file(attentionProbeFile(run, 5), attentionProbeFile(run, 8));
        Trainer resumed(fixtures::tinyPreset(kCola), twoEpochs(), {data, validation, {}}, run);
        QVERIFY(resumed.run(/*resume=*/true).completed);
        const auto snapshots = loadAttentionProbes(run);
        QCOMPARE(snapshots.size(), size_t(2));
        QCOMPARE(snapshots[0].step, int64_t(5));
        QCOMPARE(snapshots[1].step, int64_t(10));
        QCOMPARE(std::filesystem::file_size(attentionProbeFile(run, 5)), firstBytes);
        QVERIFY(!std::filesystem::exists(attentionProbeFile(run, 8)));
        // Overwriting the run removes them with the rest.
        Trainer replacing(fixtures::tinyPreset(kCola), fixtures::quickOptions(2), {data, {}, {}}, run);
        replacing.run(/*resume=*/false, /*overwrite=*/true);
        QVERIFY(loadAttentionProbes(run).empty());
    }

    void aBertBaseShapedModelKeepsEachSnapshotUnderOneMegabyte() {
        TempFolder folder("probe_runs_base");
        // 12 layers of 12 heads, as BERT-base, but narrow, so that the test is quick.
        auto model = fixtures::tinyPreset(kCola);
        model->config.numHiddenLayers = 12;
        model->config.numAttentionHeads = 12;
        model->config.hiddenSize = 48;
        model->config.intermediateSize = 96;
        model->model = makeTaskModel(model->config, Task::SequenceClassification);
        initializeWeights(*model->model, model->config);
        TrainingOptions options;
        options.attentionProbes = longSentence(50) + " | " + longSentence(60) + " | " + longSentence(70) + " | " +
                                  longSentence(80);
        const AttentionProbeRecorder recorder(*model, options, nullptr);
        const auto file = recorder.record(*model, folder.path(), 3, 0);
        QVERIFY2(std::filesystem::file_size(file) <= 1000000u + 16384,
                 qPrintable(QString::number(std::filesystem::file_size(file))));
        const auto s = readAttentionProbes(file);
        QCOMPARE(s.attentions.size(), size_t(4));
        for (size_t i = 0; i < 4; ++i) {
            QCOMPARE(s.attentions[i].layers, 12);
            QCOMPARE(s.attentions[i].heads, 12);
            QCOMPARE(s.tokens[i].size(), size_t(41));
            QCOMPARE(s.tokens[i].back(), std::string("[SEP]"));
        }
        // One short probe leaves room for the others.
        options.attentionProbes = "Birds fly. | " + longSentence(80);
        const auto two = AttentionProbeRecorder(*model, options, nullptr).snapshot(*model, 3, 0);
        QCOMPARE(two.tokens[1].size(), size_t(attentionProbeTokenCap({two.tokens[0].size(), 64}, 12, 12)));
    }

    void aMaskedLmRunIsProbedToo() {
        TempFolder folder("probe_runs_mlm");
        auto mlm = ModelHandle::createMaskedLM("tiny", fixtures::path("reference/tiny-bert-cola/vocab.txt"));
        auto options = twoEpochs();
        options.attentionProbes = "The cat sat.";
        Trainer trainer(mlm.bundle(), options, {fixtures::colaRows(80), {}, {}}, folder.file("run"));
        QVERIFY(trainer.run().completed);
        const auto snapshots = loadAttentionProbes(folder.file("run"));
        QCOMPARE(snapshots.size(), size_t(2));
        QCOMPARE(snapshots[0].attentions[0].layers, 2);
        QCOMPARE(snapshots[0].tokens[0].size(), size_t(snapshots[0].attentions[0].tokens));
    }
};

QTEST_APPLESS_MAIN(TestAttentionProbeRuns)
#include "tst_attention_probe_runs.moc"
