// The StepRunner's speed and memory options. bfloat16 autocast training
// (option "precision": "bf16"): the scope turns autocast on for the forward
// pass only, and a training step keeps weights and AdamW's state in float32
// while its losses follow the float32 run closely. Activation checkpointing
// (option "activation_checkpointing"): the same losses and weights as without,
// dropout included, frozen embeddings included.
#include "checkpoint/model_folder.h"
#include "training/autocast_scope.h"
#include "training/fine_tuning_strategy.h"
#include "training/step_runner.h"
#include "training_fixtures.h"

#include <ATen/autocast_mode.h>
#include <QtTest>

using namespace bertbench;

namespace {

// Loss of each of `steps` optimizer steps over the first CoLA rows, in file order.
std::vector<double> trainSteps(ModelBundle& model, TrainingOptions options, int steps,
                               std::vector<torch::Tensor>* optimizerState = nullptr) {
    const auto data = fixtures::colaRows(size_t(16 * steps));
    const auto encoded = encodeDataset(data, *model.tokenizer, size_t(options.maxLength));
    std::vector<size_t> lengths;
    for (const auto& e : encoded.examples) lengths.push_back(e.ids.size());
    const auto plan = planEpoch(lengths, options.batchSize, options.shuffle, options.seed, 0);
    model.module().train();
    StepRunner runner(model, options, encoded, torch::kCPU, steps);
    std::vector<double> losses;
    for (int i = 0; i < steps; ++i) losses.push_back(runner.step(plan, size_t(i), size_t(i) + 1, i)->loss);
    if (optimizerState)
        for (const auto& item : runner.optimizer().state()) {
            auto& adam = static_cast<torch::optim::AdamWParamState&>(*item.second);
            optimizerState->push_back(adam.exp_avg());
            optimizerState->push_back(adam.exp_avg_sq());
        }
    return losses;
}

}  // namespace

class TestStepRunnerOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void scopeCoversItsLifetimeOnly() {
        const auto a = torch::randn({4, 8}), b = torch::randn({8, 3});
        {
            AutocastScope outer(TrainingPrecision::BFloat16, torch::kCPU);
            QCOMPARE(torch::matmul(a, b).scalar_type(), torch::kBFloat16);
            {
                AutocastScope inner(TrainingPrecision::BFloat16, torch::kCPU);
                QVERIFY(at::autocast::is_cpu_enabled());
            }
            QVERIFY(at::autocast::is_cpu_enabled());  // the outer scope still holds
            AutocastScope float32(TrainingPrecision::Float32, torch::kCPU);
            QVERIFY(at::autocast::is_cpu_enabled());  // float32 leaves autocast alone
        }
        QVERIFY(!at::autocast::is_cpu_enabled());
        QCOMPARE(torch::matmul(a, b).scalar_type(), torch::kFloat32);
    }

    void bf16StepsFollowFloat32WithFloat32State() {
        fixtures::TempFolder folder("bertbench_mixed_precision");
        const auto dir = fixtures::referenceModelFolder(folder, "model");
        auto exact = loadModelFolder(dir, Task::SequenceClassification);
        auto mixed = loadModelFolder(dir, Task::SequenceClassification);
        const int steps = 4;
        const auto exactLosses = trainSteps(exact, fixtures::traceOptions(), steps);
        std::vector<torch::Tensor> state;
        auto bf16 = fixtures::traceOptions();
        bf16.precision = TrainingPrecision::BFloat16;
        const auto mixedLosses = trainSteps(mixed, bf16, steps, &state);
        QVERIFY(!at::autocast::is_cpu_enabled());

        double largestGap = 0;
        bool anyDifferent = false;
        for (int i = 0; i < steps; ++i) {
            QVERIFY(std::isfinite(mixedLosses[size_t(i)]));
            largestGap = std::max(largestGap, std::abs(mixedLosses[size_t(i)] - exactLosses[size_t(i)]));
            anyDifferent = anyDifferent || mixedLosses[size_t(i)] != exactLosses[size_t(i)];
        }
        // bfloat16 keeps 8 bits of mantissa: losses near 0.7 agree to ~1e-2,
        // and they must differ somewhere, or autocast never ran.
        QVERIFY2(largestGap < 3e-2, qPrintable(QString::number(largestGap)));
        QVERIFY(anyDifferent);

        // Master weights and AdamW's moments stay float32, and the weights moved.
        QVERIFY(!state.empty());
        for (const auto& tensor : state) QCOMPARE(tensor.scalar_type(), torch::kFloat32);
        const auto initial = loadModelFolder(dir, Task::SequenceClassification);
        const auto initialParameters = initial.module().named_parameters();
        double largestStep = 0;
        for (const auto& item : mixed.module().named_parameters()) {
            QCOMPARE(item.value().scalar_type(), torch::kFloat32);
            largestStep = std::max(largestStep,
                                   (item.value() - initialParameters[item.key()]).abs().max().item<double>());
        }
        QVERIFY2(largestStep > 1e-4, qPrintable(QString::number(largestStep)));
    }

    void checkpointingChangesNoResult_data() {
        QTest::addColumn<int>("frozenLayers");
        QTest::newRow("everything trains") << 0;
        QTest::newRow("frozen embeddings and first layer") << 1;  // the layers' inputs need no gradient
    }
    void checkpointingChangesNoResult() {
        QFETCH(int, frozenLayers);
        fixtures::TempFolder folder("bertbench_checkpointing");
        // With dropout, so that the recomputation must draw the same masks.
        const auto dir = fixtures::referenceModelFolder(folder, "model", [](nlohmann::json& config) {
            config["hidden_dropout_prob"] = 0.1;
            config["attention_probs_dropout_prob"] = 0.1;
        });
        auto options = fixtures::traceOptions();
        options.freezeLayers = frozenLayers;
        std::vector<std::vector<double>> losses;
        std::vector<ModelBundle> models;
        for (bool checkpointing : {false, true}) {
            options.activationCheckpointing = checkpointing;
            models.push_back(loadModelFolder(dir, Task::SequenceClassification));
            applyFineTuningStrategy(models.back(), options);
            torch::manual_seed(11);
            losses.push_back(trainSteps(models.back(), options, 3));
            // The draws after the step are where they would be without recomputation.
            losses.back().push_back(torch::rand({1}).item<double>());
        }
        QCOMPARE(losses[1], losses[0]);
        const auto plain = models[0].module().named_parameters();
        const auto initial = loadModelFolder(dir, Task::SequenceClassification).module().named_parameters();
        for (const auto& item : models[1].module().named_parameters()) {
            QVERIFY2(torch::equal(item.value(), plain[item.key()]), item.key().c_str());
            // The last layer always trains: its gradients came through the recomputation.
            if (item.key().find("encoder.layer.1.output.dense.weight") != std::string::npos)
                QVERIFY(!torch::equal(item.value(), initial[item.key()]));
        }
    }
};

QTEST_GUILESS_MAIN(TestStepRunnerOptions)
#include "tst_step_runner_options.moc"
