// Gradual unfreezing on the tiny preset (2 layers): a group still frozen does
// not change at all, a newly unfrozen group moves by AdamW's first step from a
// fresh state (every element by about the learning rate: bias-corrected
// moments m = g, v = g^2), the stages follow steps or epochs, each stage is
// reported and recorded, and the combinations that make no sense are refused.
#include "common/errors.h"
#include "temp_folder.h"
#include "training/trainer.h"
#include "training/unfreeze_schedule.h"
#include "training_fixtures.h"

#include <QtTest>

#include <fstream>
#include <map>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

using Snapshot = std::map<std::string, torch::Tensor>;

Snapshot snapshot(ModelBundle& model) {
    Snapshot copy;
    torch::NoGradGuard noGrad;
    for (const auto& item : model.module().named_parameters()) copy[item.key()] = item.value().detach().clone();
    return copy;
}

// Whether every parameter whose name starts with `prefix` is bit-identical in both.
bool unchanged(const Snapshot& before, const Snapshot& after, const std::string& prefix) {
    for (const auto& [name, value] : before)
        if (name.rfind(prefix, 0) == 0 && !torch::equal(value, after.at(name))) return false;
    return true;
}

// The median of |change| / lr over a parameter's elements.
double medianStepOverRate(const torch::Tensor& before, const torch::Tensor& after, double rate) {
    auto ratios = ((after - before).abs() / rate).flatten();
    return ratios.median().item<double>();
}

// Trains `model` and keeps its parameters after every step, with the step's report.
struct Recorded {
    Snapshot start;
    std::vector<Snapshot> after;
    std::vector<StepReport> reports;
};
Recorded trainRecording(std::shared_ptr<ModelBundle> model, const TrainingOptions& options, Dataset data,
                        const std::string& runDir) {
    Recorded recorded;
    TrainingCallbacks callbacks;
    callbacks.onStep = [&](const StepReport& r) {
        recorded.reports.push_back(r);
        recorded.after.push_back(snapshot(*model));
    };
    recorded.start = snapshot(*model);
    Trainer trainer(model, options, {std::move(data), std::nullopt, std::nullopt}, runDir, callbacks);
    if (!trainer.run().completed) qFatal("the run did not complete");
    return recorded;
}

}  // namespace

class TestGradualUnfreezing : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void stagesCountStepsOrEpochs() {
        TrainingOptions o;
        QCOMPARE(unfreezeStage(o, 100, 10), int64_t(0));  // off: always stage 0
        o.gradualUnfreezing = GradualUnfreezing::Layers;
        o.unfreezeInterval = 2;
        o.unfreezeUnit = UnfreezeUnit::Epochs;
        QCOMPARE(unfreezeStage(o, 100, 0), int64_t(0));
        QCOMPARE(unfreezeStage(o, 100, 3), int64_t(1));
        o.unfreezeUnit = UnfreezeUnit::Steps;
        QCOMPARE(unfreezeStage(o, 5, 0), int64_t(2));
    }

    void layersUnfreezeFromTheTopWithFreshOptimizerState() {
        TempFolder folder("gradual_layers");
        auto model = fixtures::tinyPreset({"dog first", "cat first"});
        auto options = fixtures::quickOptions(8, 1e-3);
        options.weightDecay = 0;  // a frozen parameter must not move, and a fresh one by the rate alone
        options.gradualUnfreezing = GradualUnfreezing::Layers;
        options.unfreezeUnit = UnfreezeUnit::Steps;
        options.unfreezeInterval = 2;
        const auto& names = model->model->names();
        const auto [start, after, reports] = trainRecording(model, options, fixtures::wordOrderTask(256, 1), folder.file("run"));
        QCOMPARE(after.size(), size_t(8));
        const std::string layer0 = names.layer + "0.", layer1 = names.layer + "1.", embeddings = names.embeddings;

        // Steps 1-2: the head alone.
        QVERIFY(unchanged(start, after[1], layer0) && unchanged(start, after[1], layer1) &&
                unchanged(start, after[1], embeddings));
        QVERIFY(!unchanged(start, after[1], names.outputLayer));
        // Step 3: layer 1 (the top) joins, from a fresh AdamW state; layer 0 and the embeddings wait.
        QCOMPARE(QString::fromStdString(reports[2].unfrozen), QString("layer 1"));
        QVERIFY(reports[1].unfrozen.empty() && reports[3].unfrozen.empty());
        QVERIFY(!unchanged(after[1], after[2], layer1));
        QVERIFY(unchanged(start, after[3], layer0) && unchanged(start, after[3], embeddings));
        const std::string bias = layer1 + "output.dense.bias";
        const double first = medianStepOverRate(after[1].at(bias), after[2].at(bias), reports[2].learningRate);
        QVERIFY2(std::abs(first - 1.0) < 1e-2, qPrintable(QString::number(first)));  // a reused state gives ~0.64
        // Step 5: layer 0; step 7: the embeddings.
        QCOMPARE(QString::fromStdString(reports[4].unfrozen), QString("layer 0"));
        QVERIFY(!unchanged(after[3], after[4], layer0));
        QVERIFY(unchanged(start, after[5], embeddings));
        QCOMPARE(QString::fromStdString(reports[6].unfrozen), QString("embeddings"));
        QVERIFY(!unchanged(after[5], after[6], embeddings + "word_embeddings"));

        // Each stage is in metrics.jsonl, after the step before it.
        std::ifstream metrics(folder.file("run") + "/metrics.jsonl");
        std::vector<std::pair<int64_t, std::string>> stages;
        for (std::string line; std::getline(metrics, line);) {
            const auto row = nlohmann::json::parse(line);
            if (row.at("type") == "unfreeze") stages.emplace_back(row.at("step").get<int64_t>(), row.at("unfrozen"));
        }
        const std::vector<std::pair<int64_t, std::string>> expected{{2, "layer 1"}, {4, "layer 0"}, {6, "embeddings"}};
        QCOMPARE(stages, expected);
        // The run ends with a plain model: everything trainable again.
        for (const auto& p : model->module().parameters()) QVERIFY(p.requires_grad());
    }

    void headThenAllAndPermanentFreezes() {
        TempFolder folder("gradual_head_then_all");
        auto model = fixtures::tinyPreset({"dog first", "cat first"});
        auto options = fixtures::quickOptions(4, 1e-3);
        options.gradualUnfreezing = GradualUnfreezing::HeadThenAll;
        options.unfreezeUnit = UnfreezeUnit::Steps;
        options.unfreezeInterval = 2;
        options.freezeLayers = 1;  // layer 0 and the embeddings stay frozen throughout
        const auto [start, after, reports] = trainRecording(model, options, fixtures::wordOrderTask(128, 2), folder.file("run"));
        const auto& names = model->model->names();
        QVERIFY(unchanged(start, after[1], names.layer + "1."));
        QCOMPARE(QString::fromStdString(reports[2].unfrozen), QString("the encoder"));
        QVERIFY(!unchanged(after[1], after[3], names.layer + "1."));
        QVERIFY(unchanged(start, after[3], names.layer + "0."));
        QVERIFY(unchanged(start, after[3], names.embeddings));
    }

    void nonsensicalCombinationsAreRefused() {
        TrainingOptions o;
        o.gradualUnfreezing = GradualUnfreezing::Layers;
        o.lora.rank = 4;
        QVERIFY_THROWS_EXCEPTION(UsageError, o.validate());
        o.lora.rank = 0;
        o.headOnly = true;
        QVERIFY_THROWS_EXCEPTION(UsageError, o.validate());
        o.headOnly = false;
        o.validate();
    }
};

QTEST_GUILESS_MAIN(TestGradualUnfreezing)
#include "tst_gradual_unfreezing.moc"
