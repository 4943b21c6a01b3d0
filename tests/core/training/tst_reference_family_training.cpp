// The trainer on DistilBERT and RoBERTa against transformers + torch.optim.AdamW:
// the deterministic 8-step traces in reference/tiny-{distilbert,roberta}-cola/
// expected/train_steps.json (same padded batches, per-step loss, learning rate,
// gradient norm and parameter norm, every final weight) within 1e-4.
#include "checkpoint/model_folder.h"
#include "fixtures.h"
#include "model/input_batch.h"
#include "temp_folder.h"
#include "training_fixtures.h"
#include "tensor_compare.h"
#include "training/batch_plan.h"
#include "training/encoded_dataset.h"
#include "training/trainer.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace bertbench;
using fixtures::maxAbsDiff;
namespace fs = std::filesystem;

namespace {

// The reference folder with every dropout at 0, as the trace was computed.
std::string dropoutFreeCopy(const fixtures::TempFolder& folder, const std::string& reference) {
    const std::string dir = folder.file("model");
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(fixtures::path("reference/" + reference)))
        if (entry.is_regular_file() && entry.path().filename() != "pytorch_model.bin")
            fs::copy_file(entry.path(), dir + "/" + entry.path().filename().string());
    auto config = fixtures::readJson("reference/" + reference + "/config.json");
    for (const char* key : {"hidden_dropout_prob", "attention_probs_dropout_prob", "dropout", "attention_dropout",
                            "seq_classif_dropout", "classifier_dropout"})
        if (config.contains(key) && !config[key].is_null()) config[key] = 0.0;
    std::ofstream(dir + "/config.json") << config.dump(2);
    return dir;
}

Dataset traceData(const nlohmann::json& trace) {
    Dataset data;
    data.source = "train_steps.json";
    data.labelNames = {"unacceptable", "acceptable"};
    for (const auto& row : trace.at("data"))
        data.examples.push_back({row.at("sentence"), "", row.at("label").get<int32_t>(), row.at("row").get<long>() + 1});
    return data;
}

double parameterNorm(const torch::nn::Module& module) {
    double sum = 0;
    for (const auto& p : module.parameters()) sum += p.detach().to(torch::kFloat64).pow(2).sum().item<double>();
    return std::sqrt(sum);
}

}  // namespace

class TestReferenceFamilyTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void traceMatches_data() {
        QTest::addColumn<QString>("reference");
        QTest::newRow("distilbert") << "tiny-distilbert-cola";
        QTest::newRow("roberta") << "tiny-roberta-cola";
    }

    void traceMatches() {
        QFETCH(QString, reference);
        const auto name = reference.toStdString();
        const auto trace = fixtures::readJson("reference/" + name + "/expected/train_steps.json");
        const auto data = traceData(trace);
        QCOMPARE(data.examples.size(), size_t(64));
        fixtures::TempFolder folder("family_trace");
        auto model = std::make_shared<ModelBundle>(loadModelFolder(dropoutFreeCopy(folder, name)));

        // The same padded batches (RoBERTa pads with id 1).
        const auto batches = fixtures::traceBatches(*model, data);
        QCOMPARE(batches.size(), size_t(4));
        for (size_t b = 0; b < batches.size(); ++b) {
            const auto& inputs = batches[b].inputs;
            const auto& expected = trace.at("batches")[b];
            QVERIFY(maxAbsDiff(inputs.inputIds.to(torch::kFloat), expected.at("input_ids")) == 0);
            QVERIFY(maxAbsDiff(inputs.attentionMask.to(torch::kFloat), expected.at("attention_mask")) == 0);
        }

        std::vector<StepReport> steps;
        std::vector<double> norms;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport& r) {
            steps.push_back(r);
            norms.push_back(parameterNorm(model->module()));
        };
        Trainer trainer(model, fixtures::traceOptions(), {data, std::nullopt, std::nullopt}, folder.file("run"),
                        callbacks);
        QCOMPARE(trainer.totalSteps(), 8);
        QVERIFY(trainer.run().completed);
        QCOMPARE(steps.size(), size_t(8));
        for (size_t i = 0; i < steps.size(); ++i) {
            const auto& want = trace.at("steps")[i];
            const auto tag = QByteArray("step ") + QByteArray::number(int(i));
            QVERIFY2(std::abs(steps[i].loss - want.at("loss").get<double>()) < 1e-4, tag + " loss");
            QVERIFY2(std::abs(steps[i].learningRate - want.at("lr").get<double>()) < 1e-10, tag + " lr");
            QVERIFY2(std::abs(steps[i].gradNorm - want.at("grad_norm_before_clip").get<double>()) < 1e-4,
                     tag + " grad norm");
            QVERIFY2(std::abs(norms[i] - want.at("param_l2_norm_after_step").get<double>()) < 1e-3, tag + " norm");
        }

        auto expectedWeights =
            readStateDict(fixtures::path("reference/" + name + "/expected/after_training/model.safetensors"));
        auto parameters = model->module().named_parameters();
        size_t compared = 0;
        for (const auto& [key, tensor] : expectedWeights) {
            if (!parameters.contains(key)) continue;
            ++compared;
            const double diff = (parameters[key].detach() - tensor).abs().max().item<double>();
            QVERIFY2(diff < fixtures::referenceWeightTolerance(key, steps), (key + " differs by " + std::to_string(diff)).c_str());
        }
        QCOMPARE(compared, parameters.size());  // every parameter was checked
    }
};

QTEST_APPLESS_MAIN(TestReferenceFamilyTraining)
#include "tst_reference_family_training.moc"
