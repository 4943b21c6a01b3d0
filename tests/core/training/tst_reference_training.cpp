// The trainer against transformers + torch.optim.AdamW: the deterministic
// 8-step trace in reference/tiny-bert-cola/expected/train_steps.json (same
// batches, per-step loss, gradient norm and learning rate, final weights and
// logits) must agree within 1e-4.
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

using namespace bertbench;
using fixtures::maxAbsDiff;

class TestReferenceTraining : public QObject {
    Q_OBJECT

private:
    nlohmann::json trace_;
    Dataset data_;

    // tiny-bert-cola with dropout 0, as the trace was computed.
    std::shared_ptr<ModelBundle> referenceModel(const fixtures::TempFolder& folder) {
        return std::make_shared<ModelBundle>(
            loadModelFolder(fixtures::referenceModelFolder(folder, "model"), Task::SequenceClassification));
    }

private Q_SLOTS:
    void initTestCase() {
        trace_ = fixtures::readJson("reference/tiny-bert-cola/expected/train_steps.json");
        data_.source = "train_steps.json";
        data_.labelNames = {"unacceptable", "acceptable"};
        for (const auto& row : trace_.at("data"))
            data_.examples.push_back({row.at("sentence"), "", row.at("label").get<int32_t>(), row.at("row").get<long>() + 1});
        QCOMPARE(data_.examples.size(), size_t(64));
    }

    void batchesAreTheReferenceBatches() {
        fixtures::TempFolder folder("trace_batches");
        auto model = referenceModel(folder);
        const auto batches = fixtures::traceBatches(*model, data_);
        QCOMPARE(batches.size(), size_t(4));
        for (size_t b = 0; b < batches.size(); ++b) {
            const auto& inputs = batches[b].inputs;
            const auto& expected = trace_.at("batches")[b];
            QCOMPARE(batches[b].rows, expected.at("rows").get<std::vector<size_t>>());
            QVERIFY(maxAbsDiff(inputs.inputIds.to(torch::kFloat), expected.at("input_ids")) == 0);
            QVERIFY(maxAbsDiff(inputs.attentionMask.to(torch::kFloat), expected.at("attention_mask")) == 0);
            QVERIFY(maxAbsDiff(inputs.tokenTypeIds.to(torch::kFloat), expected.at("token_type_ids")) == 0);
        }
    }

    void stepsMatchTheTrace() {
        fixtures::TempFolder folder("trace_run");
        auto model = referenceModel(folder);
        std::vector<StepReport> steps;
        TrainingCallbacks callbacks;
        callbacks.onStep = [&](const StepReport& r) { steps.push_back(r); };
        Trainer trainer(model, fixtures::traceOptions(), {data_, std::nullopt, std::nullopt}, folder.file("run"), callbacks);
        QCOMPARE(trainer.totalSteps(), 8);
        const auto result = trainer.run();
        QVERIFY(result.completed);
        QCOMPARE(steps.size(), size_t(8));
        for (size_t i = 0; i < steps.size(); ++i) {
            const auto& want = trace_.at("steps")[i];
            const auto tag = QByteArray("step ") + QByteArray::number(int(i));
            QVERIFY2(std::abs(steps[i].loss - want.at("loss").get<double>()) < 1e-4, tag + " loss");
            QVERIFY2(std::abs(steps[i].learningRate - want.at("lr").get<double>()) < 1e-10, tag + " lr");
            QVERIFY2(std::abs(steps[i].gradNorm - want.at("grad_norm_before_clip").get<double>()) < 1e-4, tag + " grad norm");
        }

        // Final weights: every tensor of the after-training checkpoint.
        auto expectedWeights = readStateDict(fixtures::path("reference/tiny-bert-cola/expected/after_training/model.safetensors"));
        auto parameters = model->module().named_parameters();
        size_t compared = 0;
        for (const auto& [name, tensor] : expectedWeights) {
            if (!parameters.contains(name)) continue;
            ++compared;
            const double diff = (parameters[name].detach() - tensor).abs().max().item<double>();
            QVERIFY2(diff < fixtures::referenceWeightTolerance(name, steps), (name + " differs by " + std::to_string(diff)).c_str());
        }
        // Every parameter of the model was checked (the file has no others).
        QCOMPARE(compared, parameters.size());
        QCOMPARE(compared, expectedWeights.size());
        const auto& last = trace_.at("steps")[7];
        QVERIFY(maxAbsDiff(model->module().named_parameters()["classifier.bias"], last.at("classifier_bias_after_step")) < 1e-4);

        // Logits of the first four sentences after training, in eval mode.
        const auto& first4 = trace_.at("first4");
        std::vector<torch::Tensor> ids, mask;
        for (const auto& r : first4.at("input_ids")) ids.push_back(torch::tensor(r.get<std::vector<int64_t>>()));
        for (const auto& r : first4.at("attention_mask")) mask.push_back(torch::tensor(r.get<std::vector<int64_t>>()));
        torch::NoGradGuard noGrad;
        model->module().eval();
        auto logits = model->model->forward({torch::stack(ids), torch::Tensor(), torch::stack(mask)}).logits;
        QVERIFY(maxAbsDiff(logits, first4.at("logits_after_training")) < 1e-4);
    }
};

QTEST_APPLESS_MAIN(TestReferenceTraining)
#include "tst_reference_training.moc"
