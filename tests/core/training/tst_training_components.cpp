// The parts a training run is made of: learning-rate schedules, the epoch batch
// plan, options as JSON, and which parameters each strategy trains.
#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "training/batch_plan.h"
#include "training/fine_tuning_strategy.h"
#include "training/lr_schedule.h"
#include "training/training_options.h"
#include "training_fixtures.h"

#include <QtTest>

#include <numeric>
#include <set>

using namespace bertbench;

class TestTrainingComponents : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void linearScheduleMatchesTransformers() {
        // get_linear_schedule_with_warmup(warmup=2, total=8), as the reference trace lists.
        const double expected[] = {0, 0.5, 1, 5.0 / 6, 4.0 / 6, 3.0 / 6, 2.0 / 6, 1.0 / 6};
        for (int step = 0; step < 8; ++step)
            QVERIFY(std::abs(learningRateFactor(LrSchedule::Linear, step, 2, 8) - expected[step]) < 1e-12);
        QCOMPARE(learningRateFactor(LrSchedule::Linear, 8, 2, 8), 0.0);
    }

    void cosineAndConstantSchedules() {
        QCOMPARE(learningRateFactor(LrSchedule::Cosine, 0, 0, 10), 1.0);
        QVERIFY(std::abs(learningRateFactor(LrSchedule::Cosine, 5, 0, 10) - 0.5) < 1e-12);
        QVERIFY(learningRateFactor(LrSchedule::Cosine, 10, 0, 10) < 1e-12);
        QCOMPARE(learningRateFactor(LrSchedule::Constant, 1, 4, 10), 0.25);  // still warms up
        QCOMPARE(learningRateFactor(LrSchedule::Constant, 9, 4, 10), 1.0);
    }

    void everyModeVisitsEveryExampleOnce_data() {
        QTest::addColumn<int>("mode");
        QTest::newRow("none") << int(ShuffleMode::None);
        QTest::newRow("random") << int(ShuffleMode::Random);
        QTest::newRow("bucketed") << int(ShuffleMode::Bucketed);
    }
    void everyModeVisitsEveryExampleOnce() {
        QFETCH(int, mode);
        std::vector<size_t> lengths;
        for (size_t i = 0; i < 1003; ++i) lengths.push_back(5 + (i * 7919) % 60);
        const auto plan = planEpoch(lengths, 32, ShuffleMode(mode), 7, 0);
        QCOMPARE(plan.size(), size_t(32));  // ceil(1003 / 32)
        std::vector<size_t> seen;
        for (const auto& batch : plan) {
            QVERIFY(batch.size() <= 32);
            seen.insert(seen.end(), batch.begin(), batch.end());
        }
        std::sort(seen.begin(), seen.end());
        std::vector<size_t> all(lengths.size());
        std::iota(all.begin(), all.end(), size_t(0));
        QCOMPARE(seen, all);
        // Deterministic per (seed, epoch); another epoch reorders.
        QVERIFY(planEpoch(lengths, 32, ShuffleMode(mode), 7, 0) == plan);
        if (ShuffleMode(mode) != ShuffleMode::None) QVERIFY(planEpoch(lengths, 32, ShuffleMode(mode), 7, 1) != plan);
    }

    void bucketingCutsPadding() {
        std::vector<size_t> lengths;
        for (size_t i = 0; i < 4000; ++i) lengths.push_back(3 + (i * 2654435761u) % 60);
        auto padded = [&](ShuffleMode mode) {
            size_t total = 0;
            for (const auto& batch : planEpoch(lengths, 32, mode, 1, 0)) {
                size_t longest = 0;
                for (size_t i : batch) longest = std::max(longest, lengths[i]);
                for (size_t i : batch) total += longest - lengths[i];
            }
            return total;
        };
        QVERIFY2(padded(ShuffleMode::Bucketed) * 5 < padded(ShuffleMode::Random),
                 qPrintable(QString("%1 vs %2").arg(padded(ShuffleMode::Bucketed)).arg(padded(ShuffleMode::Random))));
    }

    void optionsRoundTripAsJson() {
        TrainingOptions o;
        o.epochs = 7;
        o.schedule = LrSchedule::Cosine;
        o.padding = Padding::MaxLength;
        o.shuffle = ShuffleMode::None;
        o.lora.rank = 8;
        o.lora.targets = {"query", "key"};
        o.metric = "f1";
        const auto json = o.toJson();
        QCOMPARE(json.at("schedule").get<std::string>(), std::string("cosine"));
        QCOMPARE(json.at("padding").get<std::string>(), std::string("max_length"));
        QCOMPARE(TrainingOptions::fromJson(json).toJson(), json);
        QCOMPARE(TrainingOptions::fromJson(nlohmann::json::object()).toJson(), TrainingOptions().toJson());
    }

    void badOptionsAreNamed_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("enum") << R"({"schedule": "exponential"})" << "linear, constant, cosine";
        QTest::newRow("type") << R"({"epochs": "four"})" << "epochs";
        QTest::newRow("range") << R"({"learning_rate": 5})" << "learning rate";
        QTest::newRow("metric") << R"({"metric": "auc"})" << "auc";
        QTest::newRow("lora target") << R"({"lora": {"rank": 4, "targets": ["ffn"]}})" << "ffn";
    }
    void badOptionsAreNamed() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        try {
            TrainingOptions::fromJson(nlohmann::json::parse(json.toStdString())).validate();
            QFAIL("no error");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void strategiesChooseTheTrainedParameters() {
        auto trainable = [](const TrainingOptions& o) {
            auto model = fixtures::tinyPreset({"a", "b"});
            applyFineTuningStrategy(*model, o);
            std::set<std::string> names;
            for (const auto& p : model->module().named_parameters())
                if (p.value().requires_grad()) names.insert(p.key());
            return std::make_pair(names, countParameters(model->module()));
        };
        TrainingOptions full;
        const auto [all, allCount] = trainable(full);
        QCOMPARE(allCount.trainable, allCount.total);

        TrainingOptions head;
        head.headOnly = true;
        const auto [headNames, headCount] = trainable(head);
        QCOMPARE(headNames, (std::set<std::string>{"bert.pooler.dense.weight", "bert.pooler.dense.bias",
                                                   "classifier.weight", "classifier.bias"}));

        TrainingOptions frozen;
        frozen.freezeLayers = 1;
        const auto [frozenNames, frozenCount] = trainable(frozen);
        QVERIFY(!frozenNames.count("bert.embeddings.word_embeddings.weight"));
        QVERIFY(!frozenNames.count("bert.encoder.layer.0.attention.self.query.weight"));
        QVERIFY(frozenNames.count("bert.encoder.layer.1.attention.self.query.weight"));

        TrainingOptions lora;
        lora.lora.rank = 4;
        const auto [loraNames, loraCount] = trainable(lora);
        QVERIFY(loraNames.count("bert.encoder.layer.0.attention.self.query.lora_A"));
        QVERIFY(loraNames.count("bert.encoder.layer.1.attention.self.value.lora_B"));
        QVERIFY(!loraNames.count("bert.encoder.layer.0.attention.self.key.lora_A"));
        QVERIFY(!loraNames.count("bert.encoder.layer.0.attention.self.query.weight"));
        // 2 layers x 2 targets x (4x128 + 128x4) adapter weights + pooler + classifier.
        QCOMPARE(loraCount.trainable, 2 * 2 * (4 * 128 + 128 * 4) + (128 * 128 + 128) + (2 * 128 + 2));

        TrainingOptions tooDeep;
        tooDeep.freezeLayers = 3;
        QVERIFY_THROWS_EXCEPTION(UsageError, trainable(tooDeep));
    }

    void parameterGroupsExcludeBiasesAndLayerNormFromDecay() {
        auto model = fixtures::tinyPreset({"a", "b"});
        TrainingOptions o;
        o.headLearningRate = 1e-3;
        const auto groups = buildParameterGroups(*model, o);
        QCOMPARE(groups.groups.size(), size_t(4));
        QCOMPARE(groups.baseRates, (std::vector<double>{2e-5, 2e-5, 1e-3, 1e-3}));
        auto decay = [&](size_t i) {
            return static_cast<const torch::optim::AdamWOptions&>(groups.groups[i].options()).weight_decay();
        };
        QCOMPARE(decay(0), 0.01);
        QCOMPARE(decay(1), 0.0);
        size_t members = 0;
        for (const auto& g : groups.groups) members += g.params().size();
        QCOMPARE(members, model->module().parameters().size());
        QCOMPARE(groups.groups[3].params().size(), size_t(2));  // pooler and classifier biases
    }
};

QTEST_APPLESS_MAIN(TestTrainingComponents)
#include "tst_training_components.moc"
