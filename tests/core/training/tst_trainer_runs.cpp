// Whole training runs on the tiny preset: it learns a task that needs word
// order, is deterministic, resumes exactly, pauses and cancels, stops early,
// trains only what each strategy says, writes its run folder, and adapts an
// encoder with masked-LM training.
#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "temp_folder.h"
#include "training/trainer.h"
#include "training_fixtures.h"

#include <QtTest>

#include <thread>
#include <unistd.h>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

using fixtures::quickOptions;

const std::vector<std::string> kCola = {"unacceptable", "acceptable"};


std::vector<double> lossesOf(Trainer& trainer, std::vector<double>& losses, bool resume = false) {
    trainer.run(resume);
    return losses;
}

// Runs training and returns the loss of every step it ran.
std::vector<double> trainLosses(std::shared_ptr<ModelBundle> model, const TrainingOptions& options, TrainingData data,
                                const std::string& runDir, bool resume = false,
                                std::function<void(Trainer&, const StepReport&)> onStep = {}) {
    std::vector<double> losses;
    Trainer* self = nullptr;
    TrainingCallbacks callbacks;
    callbacks.onStep = [&](const StepReport& r) {
        losses.push_back(r.loss);
        if (onStep) onStep(*self, r);
    };
    Trainer trainer(std::move(model), options, std::move(data), runDir, callbacks);
    self = &trainer;
    return lossesOf(trainer, losses, resume);
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

}  // namespace

class TestTrainerRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void learnsATaskThatNeedsWordOrder() {
        TempFolder folder("word_order");
        auto train = fixtures::wordOrderTask(3000, 1);
        auto validation = fixtures::wordOrderTask(500, 2);
        auto model = fixtures::tinyPreset(train.labelNames);
        TrainingOptions o;
        o.epochs = 4;
        o.batchSize = 32;
        o.learningRate = 1e-3;
        o.maxLength = 32;
        o.metric = "accuracy";
        Trainer trainer(model, o, {train, validation, std::nullopt}, folder.file("run"));
        const auto result = trainer.run();
        QVERIFY(result.completed);
        QVERIFY(result.bestValidation.has_value());
        QVERIFY2(result.bestValidation->accuracy >= 0.95,
                 qPrintable(QString("validation accuracy %1").arg(result.bestValidation->accuracy)));
    }

    void sameSeedGivesTheSameLossCurve() {
        TempFolder folder("determinism");
        const auto data = fixtures::colaRows(160);
        const auto first = trainLosses(fixtures::tinyPreset(kCola), quickOptions(12), {data, {}, {}}, folder.file("a"));
        const auto second = trainLosses(fixtures::tinyPreset(kCola), quickOptions(12), {data, {}, {}}, folder.file("b"));
        QCOMPARE(first.size(), size_t(12));
        QVERIFY(first == second);  // bit for bit, dropout included
        auto otherSeed = quickOptions(12);
        otherSeed.seed = 7;
        QVERIFY(trainLosses(fixtures::tinyPreset(kCola), otherSeed, {data, {}, {}}, folder.file("c")) != first);
    }

    void resumedRunContinuesTheSameCurve() {
        TempFolder folder("resume");
        const auto data = fixtures::colaRows(100);  // 7 batches an epoch: the run crosses epochs
        const auto options = quickOptions(16);
        const auto whole = trainLosses(fixtures::tinyPreset(kCola), options, {data, {}, {}}, folder.file("whole"));

        const auto run = folder.file("interrupted");
        const auto before = trainLosses(fixtures::tinyPreset(kCola), options, {data, {}, {}}, run, false,
                                        [](Trainer& t, const StepReport& r) {
                                            if (r.step == 9) t.cancel();
                                        });
        QCOMPARE(before.size(), size_t(9));
        QCOMPARE(readJson(run + "/checkpoint/trainer_state.json").at("step").get<int>(), 9);
        // A fresh process would start from a new model; the checkpoint restores everything.
        const auto after = trainLosses(fixtures::tinyPreset(kCola, /*seed=*/99), options, {data, {}, {}}, run, true);
        QCOMPARE(after.size(), size_t(7));
        QVERIFY(std::equal(after.begin(), after.end(), whole.begin() + 9));
        // metrics.jsonl tells one continuous curve of 16 steps.
        std::ifstream metrics(run + "/metrics.jsonl");
        int steps = 0;
        for (std::string line; std::getline(metrics, line);) steps += nlohmann::json::parse(line).at("type") == "step";
        QCOMPARE(steps, 16);
    }

    void aPeriodicCheckpointResumesTheSameCurveBitForBit() {
        TempFolder folder("periodic");
        const auto data = fixtures::colaRows(100);  // 7 batches an epoch
        auto options = quickOptions(12);
        options.checkpointSteps = 3;
        options.checkpointMinutes = 0;
        const auto run = folder.file("run"), copy = folder.file("copy");
        // What a process killed at step 5 leaves: the checkpoint of step 3, mid-epoch.
        const auto whole = trainLosses(fixtures::tinyPreset(kCola), options, {data, {}, {}}, run, false,
                                       [&](Trainer&, const StepReport& r) {
                                           if (r.step != 5) return;
                                           std::filesystem::create_directories(copy);
                                           std::filesystem::copy(run + "/checkpoint", copy + "/checkpoint",
                                                                 std::filesystem::copy_options::recursive);
                                           std::filesystem::copy_file(run + "/settings.json", copy + "/settings.json");
                                           std::filesystem::copy_file(run + "/metrics.jsonl", copy + "/metrics.jsonl");
                                       });
        QCOMPARE(whole.size(), size_t(12));
        QCOMPARE(readJson(copy + "/checkpoint/trainer_state.json").at("step").get<int>(), 3);
        QCOMPARE(readJson(copy + "/checkpoint/trainer_state.json").at("batch_in_epoch").get<int>(), 3);
        const auto after = trainLosses(fixtures::tinyPreset(kCola, /*seed=*/99), options, {data, {}, {}}, copy, true);
        QCOMPARE(after.size(), size_t(9));
        QVERIFY(std::equal(after.begin(), after.end(), whole.begin() + 3));  // ==, not within a tolerance
    }

    void oneProcessAtATimeAndNoRunIsReplacedUnasked() {
        TempFolder folder("lock");
        const auto data = fixtures::colaRows(48);
        const auto run = folder.file("run");
        std::string refusal;
        trainLosses(fixtures::tinyPreset(kCola), quickOptions(3), {data, {}, {}}, run, false,
                    [&](Trainer&, const StepReport& r) {
                        if (r.step != 2) return;
                        try {  // a second trainer on the same folder while the first holds it
                            Trainer other(fixtures::tinyPreset(kCola), quickOptions(3), {data, {}, {}}, run);
                            other.run(/*resume=*/true);
                        } catch (const UsageError& e) {
                            refusal = e.what();
                        }
                    });
        QVERIFY2(refusal.find("in use by another training process (pid " + std::to_string(::getpid()) + ")") !=
                     std::string::npos,
                 refusal.c_str());
        // The folder now holds a finished run: a new one is refused unless it overwrites.
        bool refused = false;
        try {
            trainLosses(fixtures::tinyPreset(kCola), quickOptions(2), {data, {}, {}}, run);
        } catch (const UsageError& e) {
            refused = std::string(e.what()).find("already holds a run") != std::string::npos;
        }
        QVERIFY(refused);
        QCOMPARE(readJson(run + "/report.json").at("steps").get<int>(), 3);  // untouched
        Trainer replacing(fixtures::tinyPreset(kCola), quickOptions(2), {data, {}, {}}, run);
        QVERIFY(replacing.run(/*resume=*/false, /*overwrite=*/true).completed);
        QCOMPARE(readJson(run + "/report.json").at("steps").get<int>(), 2);
    }

    void aCheckpointInterruptedMidSwapIsStillFound() {
        TempFolder folder("swap");
        const auto data = fixtures::colaRows(48);
        const auto run = folder.file("run");
        trainLosses(fixtures::tinyPreset(kCola), quickOptions(6), {data, {}, {}}, run, false,
                    [](Trainer& t, const StepReport& r) {
                        if (r.step == 4) t.cancel();
                    });
        // As if killed between "checkpoint -> checkpoint.previous" and the new one's rename.
        std::filesystem::rename(run + "/checkpoint", run + "/checkpoint.previous");
        const auto after = trainLosses(fixtures::tinyPreset(kCola), quickOptions(6), {data, {}, {}}, run, true);
        QCOMPARE(after.size(), size_t(2));
    }

    void pauseHoldsTheRunUntilResumed() {
        TempFolder folder("pause");
        std::atomic<int64_t> lastStep{0}, stepWhilePaused{-1};
        std::atomic<bool> pausedThen{false};
        std::thread resumer;
        TrainingCallbacks callbacks;
        Trainer* self = nullptr;
        callbacks.onStep = [&](const StepReport& r) {
            lastStep = r.step;
            if (r.step == 3) {
                self->pause();
                resumer = std::thread([&] {
                    std::this_thread::sleep_for(std::chrono::milliseconds(400));
                    stepWhilePaused = lastStep.load();  // checked on the test thread below
                    pausedThen = self->isPaused();
                    self->resume();
                });
            }
        };
        Trainer trainer(fixtures::tinyPreset(kCola), quickOptions(6), {fixtures::colaRows(96), {}, {}},
                        folder.file("run"), callbacks);
        self = &trainer;
        const auto result = trainer.run();
        resumer.join();
        QCOMPARE(stepWhilePaused.load(), int64_t(3));  // nothing moved while paused
        QVERIFY(pausedThen.load());
        QVERIFY(result.completed);
        QCOMPARE(result.steps, 6);
        QVERIFY(!trainer.isPaused());
    }

    void cancelStopsWithinAStep() {
        TempFolder folder("cancel");
        auto options = quickOptions(50);
        options.gradientAccumulation = 4;
        const auto losses = trainLosses(fixtures::tinyPreset(kCola), options, {fixtures::colaRows(400), {}, {}},
                                        folder.file("run"), false, [](Trainer& t, const StepReport& r) {
                                            if (r.step == 2) t.cancel();
                                        });
        QCOMPARE(losses.size(), size_t(2));
        const auto report = readJson(folder.file("run/report.json"));
        QCOMPARE(report.at("completed").get<bool>(), false);
    }

    void earlyStoppingEndsARunThatStopsImproving() {
        TempFolder folder("early");
        auto options = quickOptions(0);
        options.epochs = 6;
        options.learningRate = 1e-12;  // nothing can improve after the first evaluation
        options.earlyStoppingPatience = 1;
        options.metric = "loss";
        Trainer trainer(fixtures::tinyPreset(kCola), options, {fixtures::colaRows(64), fixtures::colaRows(32), {}},
                        folder.file("run"));
        const auto result = trainer.run();
        QVERIFY(result.stoppedEarly);
        QVERIFY2(result.steps < trainer.totalSteps(), qPrintable(QString::number(result.steps)));
    }

    void runFolderRecordsTheRun() {
        TempFolder folder("records");
        auto options = quickOptions(0);
        options.epochs = 2;
        auto data = fixtures::colaRows(80);
        Trainer trainer(fixtures::tinyPreset(kCola), options, {data, fixtures::colaRows(40), fixtures::colaRows(24)},
                        folder.file("run"));
        const auto result = trainer.run();
        QVERIFY(result.test.has_value());
        int stepLines = 0, evalLines = 0;
        std::ifstream metrics(folder.file("run/metrics.jsonl"));
        for (std::string line; std::getline(metrics, line);) {
            const auto r = nlohmann::json::parse(line);
            if (r.at("type") == "step") {
                ++stepLines;
                for (const char* key : {"step", "epoch", "loss", "lr", "grad_norm", "samples_per_s"})
                    QVERIFY2(r.contains(key), key);
            } else {
                ++evalLines;
                for (const char* key : {"split", "epoch", "loss", "accuracy", "mcc", "f1_macro"}) QVERIFY2(r.contains(key), key);
                // 0-based like the validation records: the test belongs to the last epoch, 1, not 2.
                if (r.at("split") == "test") QCOMPARE(r.at("epoch").get<int>(), 1);
            }
        }
        QCOMPARE(stepLines, 10);     // 2 epochs of 5 batches
        QCOMPARE(evalLines, 2 + 1);  // validation per epoch, test at the end
        const auto report = readJson(folder.file("run/report.json"));
        QVERIFY(report.contains("validation") && report.contains("test"));
        QCOMPARE(readJson(folder.file("run/settings.json")).at("options").at("epochs").get<int>(), 2);
        const auto best = loadModelFolder(folder.file("run/best"));
        QCOMPARE(best.config.id2label, kCola);
    }

    void headOnlyAndFrozenLayersLeaveTheRestUntouched() {
        TempFolder folder("frozen");
        auto model = fixtures::tinyPreset(kCola);
        const auto embeddings = model->module().named_parameters()["bert.embeddings.word_embeddings.weight"].clone();
        const auto layer0 = model->module().named_parameters()["bert.encoder.layer.0.output.dense.weight"].clone();
        const auto layer1 = model->module().named_parameters()["bert.encoder.layer.1.output.dense.weight"].clone();
        auto options = quickOptions(4);
        options.freezeLayers = 1;
        Trainer trainer(model, options, {fixtures::colaRows(64), {}, {}}, folder.file("run"));
        trainer.run();
        auto now = model->module().named_parameters();
        QVERIFY(torch::equal(model->module().named_parameters()["bert.embeddings.word_embeddings.weight"], embeddings));
        QVERIFY(torch::equal(now["bert.encoder.layer.0.output.dense.weight"], layer0));
        QVERIFY(!torch::equal(now["bert.encoder.layer.1.output.dense.weight"], layer1));
    }

    void loraTrainsAdaptersAndSavesAPlainBert() {
        TempFolder folder("lora");
        auto model = fixtures::tinyPreset(kCola);
        const auto query = model->module().named_parameters()["bert.encoder.layer.0.attention.self.query.weight"].clone();
        auto options = quickOptions(6);
        options.lora.rank = 4;
        options.learningRate = 5e-3;
        // During the run the base weight never moves; the adapter does.
        bool baseFrozen = true;
        double adapterNorm = 0;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport&) {
            auto parameters = model->module().named_parameters();
            baseFrozen = baseFrozen && torch::equal(parameters["bert.encoder.layer.0.attention.self.query.weight"], query);
            adapterNorm = parameters["bert.encoder.layer.0.attention.self.query.lora_B"].abs().sum().item<double>();
        };
        Trainer trainer(model, options, {fixtures::colaRows(96), {}, {}}, folder.file("run"), callbacks);
        QVERIFY(trainer.trainableParameters() < trainer.totalParameters() / 50);
        trainer.run();
        QVERIFY(baseFrozen);
        QVERIFY(adapterNorm > 0);
        // When the run ends the adapters are merged: the model is a plain BERT
        // again, every parameter trainable, so a second run starts clean.
        for (const auto& p : model->module().named_parameters()) {
            QVERIFY2(p.key().find("lora") == std::string::npos, p.key().c_str());
            QVERIFY(p.value().requires_grad());
        }
        QVERIFY(!torch::equal(model->module().named_parameters()["bert.encoder.layer.0.attention.self.query.weight"],
                              query));
        // The saved folder is a plain BERT whose outputs equal the adapted model's.
        auto saved = loadModelFolder(folder.file("run/best"));
        QVERIFY(saved.report.warnings().empty());
        for (const auto& p : saved.module().named_parameters()) QVERIFY(p.key().find("lora") == std::string::npos);
        {
            torch::NoGradGuard noGrad;
            ModelInputs inputs{torch::tensor({101, 1996, 2879, 8823, 1012, 102}).unsqueeze(0), {}, {}};
            model->module().eval();
            const auto adapted = model->model->forward(inputs).logits;
            const auto plain = saved.model->forward(inputs).logits;
            QVERIFY((adapted - plain).abs().max().item<double>() < 1e-5);
        }
        Trainer second(model, options, {fixtures::colaRows(96), {}, {}}, folder.file("run2"));
        QVERIFY(second.run().completed);
    }

    void maskedLmAdaptationFeedsAClassifier() {
        TempFolder folder("mlm");
        const auto vocab = fixtures::path("reference/tiny-bert-cola/vocab.txt");
        auto mlm = ModelHandle::createMaskedLM("tiny", vocab);
        auto options = quickOptions(30);
        options.learningRate = 2e-3;
        std::vector<double> losses;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport& r) { losses.push_back(r.loss); };
        Trainer trainer(mlm.bundle(), options, {fixtures::colaRows(480), {}, {}}, folder.file("run"), callbacks);
        QVERIFY(trainer.run().completed);
        const double first = (losses[0] + losses[1] + losses[2] + losses[3]) / 4;
        const double last = (losses[26] + losses[27] + losses[28] + losses[29]) / 4;
        QVERIFY2(last < first - 1.0, qPrintable(QString("loss %1 -> %2").arg(first).arg(last)));
        QCOMPARE(readJson(folder.file("run/best/config.json")).at("architectures")[0].get<std::string>(),
                 std::string("BertForMaskedLM"));

        // The folder keeps its own (placeholder) labels; its head is untrained,
        // so it takes the data's labels when a classifier run starts.
        auto classifier = ModelHandle::openClassifier(folder.file("run/best"));
        QCOMPARE(classifier.summary().labels, defaultLabels(2));
        QVERIFY(!classifier.bundle()->classifierTrained);
        // Only the head is new; the adapted encoder came along.
        QCOMPARE(classifier.bundle()->report.newlyInitialised,
                 (std::vector<std::string>{"bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight",
                                           "classifier.bias"}));
        QVERIFY(torch::equal(classifier.bundle()->module().named_parameters()["bert.embeddings.word_embeddings.weight"],
                             mlm.bundle()->module().named_parameters()["bert.embeddings.word_embeddings.weight"].cpu()));
        Trainer fineTune(classifier.bundle(), quickOptions(2), {fixtures::colaRows(64), {}, {}}, folder.file("cls"));
        QVERIFY(fineTune.run().completed);
        QCOMPARE(classifier.summary().labels, kCola);
        QVERIFY(classifier.bundle()->classifierTrained);
    }
};

QTEST_APPLESS_MAIN(TestTrainerRuns)
#include "tst_trainer_runs.moc"
