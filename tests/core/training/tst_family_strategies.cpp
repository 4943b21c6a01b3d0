// Every fine-tuning strategy on DistilBERT and RoBERTa, whose modules are named
// differently from BERT's: freezing the first layers, head only, LoRA on the
// family's own attention layers (merged and saved as a plain folder), a
// separate head learning rate, and masked-LM domain adaptation.
#include "checkpoint/encoder_transfer.h"
#include "checkpoint/model_folder.h"
#include "model/initialization.h"
#include "fixtures.h"
#include "temp_folder.h"
#include "training/fine_tuning_strategy.h"
#include "training/trainer.h"
#include "training_fixtures.h"

#include <QtTest>

#include <cmath>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

TrainingOptions quickOptions(int64_t maxSteps) { return fixtures::quickOptions(maxSteps, 5e-3); }

std::shared_ptr<ModelBundle> referenceModel(const QString& reference) {
    return std::make_shared<ModelBundle>(loadModelFolder(fixtures::path("reference/" + reference.toStdString())));
}

torch::Tensor parameter(ModelBundle& model, const std::string& name) {
    auto parameters = model.module().named_parameters();
    if (!parameters.contains(name)) throw std::runtime_error("no parameter " + name);
    return parameters[name].detach().clone();
}

// The first layer's query projection, in the family's own words.
std::string queryOf(const ModelBundle& model, int layer) {
    const std::string prefix = model.model->names().layer + std::to_string(layer) + ".";
    return prefix + (model.config.family == ModelFamily::DistilBert ? "attention.q_lin" : "attention.self.query");
}

}  // namespace

class TestFamilyStrategies : public QObject {
    Q_OBJECT

private:
    void addFamilies() {
        QTest::addColumn<QString>("reference");
        QTest::newRow("distilbert") << "tiny-distilbert-cola";
        QTest::newRow("roberta") << "tiny-roberta-cola";
    }

private Q_SLOTS:
    void freezingKeepsTheEmbeddingsAndFirstLayers_data() { addFamilies(); }
    void freezingKeepsTheEmbeddingsAndFirstLayers() {
        QFETCH(QString, reference);
        TempFolder folder("family_freeze");
        auto model = referenceModel(reference);
        const auto embeddings = model->model->names().embeddings + "word_embeddings.weight";
        const auto before = parameter(*model, embeddings);
        const auto layer0 = parameter(*model, queryOf(*model, 0) + ".weight");
        const auto layer1 = parameter(*model, queryOf(*model, 1) + ".weight");
        auto options = quickOptions(3);
        options.freezeLayers = 1;
        Trainer trainer(model, options, {fixtures::colaRows(48), {}, {}}, folder.file("run"));
        QVERIFY(trainer.run().completed);
        QVERIFY(torch::equal(parameter(*model, embeddings), before));
        QVERIFY(torch::equal(parameter(*model, queryOf(*model, 0) + ".weight"), layer0));
        QVERIFY(!torch::equal(parameter(*model, queryOf(*model, 1) + ".weight"), layer1));
    }

    void headOnlyTrainsOnlyTheHead_data() { addFamilies(); }
    void headOnlyTrainsOnlyTheHead() {
        QFETCH(QString, reference);
        TempFolder folder("family_head_only");
        auto model = referenceModel(reference);
        const auto head = model->model->names().outputLayer + ".weight";
        const auto headBefore = parameter(*model, head);
        const auto layerBefore = parameter(*model, queryOf(*model, 1) + ".weight");
        auto options = quickOptions(3);
        options.headOnly = true;
        Trainer trainer(model, options, {fixtures::colaRows(48), {}, {}}, folder.file("run"));
        QVERIFY(trainer.run().completed);
        QVERIFY(torch::equal(parameter(*model, queryOf(*model, 1) + ".weight"), layerBefore));
        QVERIFY(!torch::equal(parameter(*model, head), headBefore));
    }

    void loraAdaptsTheFamilysOwnLayers_data() { addFamilies(); }
    void loraAdaptsTheFamilysOwnLayers() {
        QFETCH(QString, reference);
        TempFolder folder("family_lora");
        auto model = referenceModel(reference);
        const auto query = queryOf(*model, 0);
        const auto base = parameter(*model, query + ".weight");
        auto options = quickOptions(4);
        options.lora.rank = 4;
        options.lora.targets = {"query", "value"};
        bool baseFrozen = true, adapted = false;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport&) {
            auto parameters = model->module().named_parameters();
            baseFrozen = baseFrozen && torch::equal(parameters[query + ".weight"], base);
            adapted = parameters.contains(query + ".lora_B") && parameters[query + ".lora_B"].abs().sum().item<double>() > 0;
        };
        Trainer trainer(model, options, {fixtures::colaRows(64), {}, {}}, folder.file("run"), callbacks);
        QVERIFY(trainer.trainableParameters() < trainer.totalParameters() / 10);
        QVERIFY(trainer.run().completed);
        QVERIFY(baseFrozen);
        QVERIFY(adapted);
        for (const auto& p : model->module().named_parameters()) QVERIFY2(p.key().find("lora") == std::string::npos, p.key().c_str());

        auto saved = loadModelFolder(folder.file("run/best"));
        QVERIFY(saved.report.warnings().empty());
        QCOMPARE(saved.architecture(), model->architecture());
        torch::NoGradGuard noGrad;
        const auto ids = model->tokenizer->encode("The boy ate the apple.").inputIds;
        ModelInputs inputs{torch::tensor(std::vector<int64_t>(ids.begin(), ids.end())).unsqueeze(0), {}, {}};
        model->module().eval();
        QVERIFY((model->model->forward(inputs).logits - saved.model->forward(inputs).logits).abs().max().item<double>() <
                1e-5);
    }

    void separateHeadRateGroupsTheFamilysHead_data() { addFamilies(); }
    void separateHeadRateGroupsTheFamilysHead() {
        QFETCH(QString, reference);
        auto model = referenceModel(reference);
        TrainingOptions options;
        options.headLearningRate = 1e-3;
        const auto groups = buildParameterGroups(*model, options);
        QCOMPARE(groups.groups.size(), size_t(4));
        QCOMPARE(groups.baseRates, (std::vector<double>{options.learningRate, options.learningRate, 1e-3, 1e-3}));
        const auto head = parameter(*model, model->model->names().outputLayer + ".weight");
        bool found = false;
        for (const auto& p : groups.groups[2].params()) found = found || torch::equal(p, head);
        QVERIFY(found);
        // Every LayerNorm weight (sa_layer_norm, output_layer_norm, LayerNorm) is undecayed.
        for (const auto& item : model->module().named_modules())
            if (item.value()->as<torch::nn::LayerNormImpl>()) {
                const auto weight = item.value()->named_parameters()["weight"];
                bool undecayed = false;
                for (size_t g : {size_t(1), size_t(3)})
                    for (const auto& p : groups.groups[g].params()) undecayed = undecayed || p.is_same(weight);
                QVERIFY2(undecayed, item.key().c_str());
            }
    }

    void sinusoidalPositionsAreFixedAndNeverTrained() {
        TempFolder folder("family_sinusoidal");
        auto model = std::make_shared<ModelBundle>(
            createPresetModel("tiny", loadModelFolder(fixtures::path("reference/tiny-distilbert-cola")).tokenizer,
                              {"a", "b"}, Task::SequenceClassification, 5, ModelFamily::DistilBert));
        model->config.sinusoidalPositions = true;
        model->model = makeTaskModel(model->config, Task::SequenceClassification);
        initializeWeights(model->module(), model->config);
        const auto name = model->model->names().embeddings + "position_embeddings.weight";
        const auto table = parameter(*model, name);
        // "Attention Is All You Need": PE(pos, 2i) = sin(pos / 10000^(2i/d)), PE(pos, 2i+1) = cos(...).
        const double d = double(table.size(1));
        QVERIFY(std::abs(table[3][0].item<double>() - std::sin(3.0)) < 1e-6);
        QVERIFY(std::abs(table[3][1].item<double>() - std::cos(3.0)) < 1e-6);
        QVERIFY(std::abs(table[5][4].item<double>() - std::sin(5.0 / std::pow(10000.0, 4.0 / d))) < 1e-6);
        Trainer trainer(model, quickOptions(2), {fixtures::colaRows(32), {}, {}}, folder.file("run"));
        QVERIFY(trainer.run().completed);
        QVERIFY(torch::equal(parameter(*model, name), table));
        const auto saved = loadModelFolder(folder.file("run/best"));
        QVERIFY(saved.config.sinusoidalPositions);
        QVERIFY(torch::equal(saved.module().named_parameters()[name], table));
    }

    void maskedLmAdaptationRunsOnEveryFamily_data() { addFamilies(); }
    void maskedLmAdaptationRunsOnEveryFamily() {
        QFETCH(QString, reference);
        TempFolder folder("family_mlm");
        auto classifier = referenceModel(reference);
        auto mlm = std::make_shared<ModelBundle>(maskedLMOnEncoderOf(*classifier, 3));
        QCOMPARE(mlm->task, Task::MaskedLM);
        QVERIFY(!mlm->report.newlyInitialised.empty());
        for (const auto& name : mlm->report.newlyInitialised) QVERIFY2(mlm->model->isHeadParameter(name), name.c_str());
        const auto layer = queryOf(*mlm, 1) + ".weight";
        QVERIFY(torch::equal(parameter(*mlm, layer), parameter(*classifier, layer)));

        std::vector<double> losses;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport& r) { losses.push_back(r.loss); };
        Trainer trainer(mlm, quickOptions(3), {fixtures::colaRows(48), {}, {}}, folder.file("run"), callbacks);
        QVERIFY(trainer.run().completed);
        QCOMPARE(losses.size(), size_t(3));
        for (double loss : losses) QVERIFY(std::isfinite(loss) && loss > 0);
        QVERIFY(!torch::equal(parameter(*mlm, layer), parameter(*classifier, layer)));
        copyEncoder(*mlm, *classifier);
        QVERIFY(torch::equal(parameter(*mlm, layer), parameter(*classifier, layer)));
    }
};

QTEST_APPLESS_MAIN(TestFamilyStrategies)
#include "tst_family_strategies.moc"
