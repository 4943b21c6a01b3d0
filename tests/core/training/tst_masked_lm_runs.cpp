// Masked-LM runs with validation: one evaluation per epoch with loss and
// perplexity, the lowest loss chooses the best model (a resumed run too), the
// evaluation masks the same positions every time and leaves the trainer's
// random state alone.
#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "temp_folder.h"
#include "training/masked_lm_evaluator.h"
#include "training/trainer.h"
#include "training_fixtures.h"

#include <QtTest>

#include <cmath>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

// CoLA sentences as an unlabelled import gives them: label 0, no label names.
Dataset sentences(size_t count, size_t skip = 0) {
    Dataset data = fixtures::colaRows(skip + count);
    data.examples.erase(data.examples.begin(), data.examples.begin() + long(skip));
    data.labelNames.clear();
    for (auto& example : data.examples) example.label = 0;
    return data;
}

std::shared_ptr<ModelBundle> tinyMaskedLM() {
    return ModelHandle::createMaskedLM("tiny", fixtures::path("reference/tiny-bert-cola/vocab.txt")).bundle();
}

TrainingOptions mlmOptions(int64_t epochs) {
    TrainingOptions o;
    o.epochs = epochs;
    o.batchSize = 16;
    o.learningRate = 2e-3;
    o.maxLength = 64;
    o.metric = "mcc";  // a classification metric: a masked-LM run must choose by loss anyway
    return o;
}

std::vector<nlohmann::json> evalRecords(const std::string& runDir) {
    std::vector<nlohmann::json> records;
    std::ifstream in(runDir + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        auto record = nlohmann::json::parse(line);
        if (record.at("type") == "eval") records.push_back(std::move(record));
    }
    return records;
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

MaskedLMEvaluation evaluate(ModelBundle& model, const Dataset& data, int64_t batchSize = 64) {
    const auto encoded = encodeDataset(data, *model.tokenizer, 64);
    return evaluateMaskedLM(*model.model, encoded, *model.tokenizer, model.config.vocabSize, batchSize, torch::kCPU);
}

void verifyPerplexity(double loss, double perplexity) {
    QVERIFY2(loss > 0 && std::abs(perplexity - std::exp(loss)) <= 1e-6 * std::exp(loss),
             qPrintable(QString("loss %1 perplexity %2").arg(loss).arg(perplexity)));
}

std::vector<double> trainLosses(const TrainingData& data, const std::string& runDir, const TrainingOptions& options) {
    std::vector<double> losses;
    TrainingCallbacks callbacks;
    callbacks.onStep = [&](const StepReport& r) { losses.push_back(r.loss); };
    Trainer trainer(tinyMaskedLM(), options, data, runDir, callbacks);
    trainer.run();
    return losses;
}

}  // namespace

class TestMaskedLmRuns : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyEpochIsEvaluatedAndTheLowestLossIsKept() {
        TempFolder folder("mlm_validation");
        const auto run = folder.file("run");
        auto model = tinyMaskedLM();
        auto options = mlmOptions(4);
        options.learningRate = 1.5e-2;  // high enough that the loss climbs again in later epochs (9.03, 8.44, 8.85, 8.54)
        std::vector<EvaluationReport> reports;
        TrainingCallbacks callbacks;
        callbacks.onEvaluation = [&](const EvaluationReport& r) { reports.push_back(r); };
        Trainer trainer(model, options, {sentences(96), sentences(48, 400), std::nullopt}, run, callbacks);
        const auto result = trainer.run();
        QVERIFY(result.completed);

        const auto records = evalRecords(run);
        QCOMPARE(records.size(), size_t(4));
        QCOMPARE(reports.size(), size_t(4));
        size_t lowest = 0;
        for (size_t i = 0; i < records.size(); ++i) {
            const auto& r = records[i];
            QCOMPARE(r.at("split").get<std::string>(), std::string("validation"));
            QCOMPARE(r.at("epoch").get<int>(), int(i));
            QCOMPARE(r.at("count").get<int>(), 48);
            QVERIFY(!r.contains("accuracy"));
            verifyPerplexity(r.at("loss").get<double>(), r.at("perplexity").get<double>());
            QCOMPARE(reports[i].metrics.loss, r.at("loss").get<double>());
            if (r.at("loss").get<double>() < records[lowest].at("loss").get<double>()) lowest = i;
        }
        QVERIFY2(lowest != records.size() - 1, "the loss did not climb again; the choice would be the last epoch");
        const double best = records[lowest].at("loss").get<double>();
        QCOMPARE(result.bestStep, records[lowest].at("step").get<int64_t>());
        QVERIFY(result.bestValidation.has_value());
        QCOMPARE(result.bestValidation->loss, best);
        QVERIFY(reports[lowest].improved && !reports.back().improved);

        const auto report = readJson(run + "/report.json");
        QCOMPARE(report.at("best_step").get<int64_t>(), result.bestStep);
        QCOMPARE(report.at("validation").at("loss").get<double>(), best);
        verifyPerplexity(report.at("validation").at("loss").get<double>(),
                         report.at("validation").at("perplexity").get<double>());

        // The model, and the folder best/, hold the lowest-loss weights.
        QVERIFY(std::abs(evaluate(*model, sentences(48, 400)).loss - best) < 1e-6);
        auto saved = loadModelFolder(run + "/best");
        QCOMPARE(saved.task, Task::MaskedLM);
        QVERIFY(std::abs(evaluate(saved, sentences(48, 400)).loss - best) < 1e-6);
    }

    void aResumedRunStillEndsWithTheLowestLoss() {
        TempFolder folder("mlm_resume");
        const auto run = folder.file("run");
        auto options = mlmOptions(4);
        options.learningRate = 1.5e-2;  // as above: the best epoch is the second, before the interruption
        const TrainingData data{sentences(96), sentences(48, 400), std::nullopt};
        {
            Trainer* self = nullptr;
            TrainingCallbacks callbacks;
            callbacks.onStep = [&](const StepReport& r) {
                if (r.step == 19) self->cancel();
            };
            Trainer first(tinyMaskedLM(), options, data, run, callbacks);
            self = &first;
            QVERIFY(!first.run().completed);
        }
        auto model = tinyMaskedLM();
        Trainer resumed(model, options, data, run);
        const auto result = resumed.run(/*resume=*/true);
        QVERIFY(result.completed);
        const auto records = evalRecords(run);
        QCOMPARE(records.size(), size_t(4));
        double lowest = records[0].at("loss").get<double>();
        for (const auto& r : records) lowest = std::min(lowest, r.at("loss").get<double>());
        QVERIFY(result.bestStep < 19);
        // The best weights came back from best/, written before the interruption.
        QVERIFY(std::abs(evaluate(*model, sentences(48, 400)).loss - lowest) < 1e-6);
    }

    void anEvaluationMasksTheSamePositionsEveryTime() {
        auto model = tinyMaskedLM();
        const auto data = sentences(40);
        model->module().train();
        torch::manual_seed(5);
        const auto expected = torch::rand({8});
        torch::manual_seed(5);
        const auto first = evaluate(*model, data);
        const auto afterwards = torch::rand({8});
        const auto second = evaluate(*model, data, /*batchSize=*/7);

        QVERIFY(torch::equal(afterwards, expected));  // the global generator was not drawn from
        QVERIFY(model->module().is_training());      // the mode came back
        QCOMPARE(first.examples, int64_t(40));
        QCOMPARE(second.maskedTokens, first.maskedTokens);
        QVERIFY2(std::abs(second.loss - first.loss) < 1e-5 * first.loss,
                 qPrintable(QString("%1 vs %2").arg(first.loss, 0, 'g', 17).arg(second.loss, 0, 'g', 17)));
        QCOMPARE(evaluate(*model, data).loss, first.loss);  // bit for bit at the same batch size
        verifyPerplexity(first.loss, first.perplexity);
        // About 15 % of the real tokens, [CLS] and [SEP] excluded.
        int64_t real = 0;
        for (const auto& e : data.examples) real += int64_t(model->tokenizer->encode(e.text, 64).inputIds.size()) - 2;
        QVERIFY2(first.maskedTokens > real * 8 / 100 && first.maskedTokens < real * 22 / 100,
                 qPrintable(QString("%1 of %2").arg(first.maskedTokens).arg(real)));
    }

    void validationLeavesTheTrainingCurveAlone() {
        TempFolder folder("mlm_curve");
        const auto options = mlmOptions(3);
        const auto without = trainLosses({sentences(64), std::nullopt, std::nullopt}, folder.file("a"), options);
        const auto with = trainLosses({sentences(64), sentences(32, 300), std::nullopt}, folder.file("b"), options);
        QCOMPARE(without.size(), size_t(12));
        QVERIFY(with == without);  // bit for bit
        QCOMPARE(evalRecords(folder.file("b")).size(), size_t(3));
        QVERIFY(evalRecords(folder.file("a")).empty());
    }
};

QTEST_APPLESS_MAIN(TestMaskedLmRuns)
#include "tst_masked_lm_runs.moc"
