// ModelConfig <-> config.json: every field, defaults, labels, unknown fields kept,
// and clear errors for bad files.
#include "common/errors.h"
#include "fixtures.h"
#include "model/model_config.h"
#include "model/presets.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace bertbench;

class TestModelConfig : public QObject {
    Q_OBJECT

private:
    std::string writeTemp(const std::string& name, const std::string& text) {
        const auto path = std::filesystem::temp_directory_path() / ("tst_model_config_" + name);
        std::ofstream(path) << text;
        return path.string();
    }

private Q_SLOTS:
    void readsTheReferenceClassifierConfig() {
        const auto c = ModelConfig::fromFile(fixtures::path("reference/tiny-bert-cola/config.json"));
        QCOMPARE(c.vocabSize, 30522);
        QCOMPARE(c.hiddenSize, 64);
        QCOMPARE(c.numHiddenLayers, 2);
        QCOMPARE(c.numAttentionHeads, 4);
        QCOMPARE(c.headDim(), 16);
        QCOMPARE(c.intermediateSize, 128);
        QCOMPARE(c.maxPositionEmbeddings, 128);
        QCOMPARE(c.initializerRange, 0.1);
        QCOMPARE(c.layerNormEps, 1e-12);
        QVERIFY(c.hiddenAct == Activation::Gelu);
        QCOMPARE(c.effectiveClassifierDropout(), 0.1);
        QCOMPARE(c.id2label, (std::vector<std::string>{"unacceptable", "acceptable"}));
        QCOMPARE(c.architectures, std::vector<std::string>{"BertForSequenceClassification"});
        QCOMPARE(c.extra.at("transformers_version").get<std::string>(), std::string("4.29.2"));
    }

    void labelsDefaultLikeTransformers() {
        const auto c = ModelConfig::fromFile(fixtures::path("reference/tiny-bert-mlm/config.json"));
        QCOMPARE(c.id2label, (std::vector<std::string>{"LABEL_0", "LABEL_1"}));
        const auto three = ModelConfig::fromJson({{"num_labels", 3}});
        QCOMPARE(three.numLabels(), 3);
    }

    void roundTripKeepsEveryFieldAndUnknownOnes() {
        auto json = fixtures::readJson("reference/tiny-bert-cola/config.json");
        json["my_custom_field"] = {{"nested", 1}};
        json["hidden_act"] = "gelu_new";
        json["classifier_dropout"] = 0.3;
        const auto c = ModelConfig::fromJson(json);
        QVERIFY(c.hiddenAct == Activation::GeluNew);
        const auto written = c.toJson();
        QCOMPARE(written.at("my_custom_field"), json.at("my_custom_field"));
        QCOMPARE(written.at("classifier_dropout").get<double>(), 0.3);
        QCOMPARE(written.at("num_labels").get<int>(), 2);
        QCOMPARE(written.at("label2id").at("acceptable").get<int>(), 1);
        QCOMPARE(written.at("id2label").at("0").get<std::string>(), std::string("unacceptable"));
        for (const auto& [key, value] : json.items())
            QVERIFY2(written.contains(key), key.c_str());
        const auto again = ModelConfig::fromJson(written);
        QCOMPARE(again.toJson(), written);
    }

    void nullClassifierDropoutFallsBackToHidden() {
        auto c = ModelConfig::fromJson({{"hidden_dropout_prob", 0.2}, {"classifier_dropout", nullptr}});
        QCOMPARE(c.effectiveClassifierDropout(), 0.2);
        QVERIFY(c.toJson().at("classifier_dropout").is_null());
    }

    void rejectsInconsistentArchitectures_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("expected");
        QTest::newRow("heads") << R"({"hidden_size": 100, "num_attention_heads": 3})" << "not a multiple";
        QTest::newRow("activation") << R"({"hidden_act": "swish"})" << "hidden_act";
        QTest::newRow("type") << R"({"hidden_size": "big"})" << "hidden_size";
        QTest::newRow("positions") << R"({"position_embedding_type": "relative_key"})" << "relative_key";
        QTest::newRow("label ids") << R"({"id2label": {"0": "a", "5": "b"}})" << "id2label";
        QTest::newRow("negative") << R"({"num_hidden_layers": -1})" << "num_hidden_layers";
        // Sizes no real model has are refused before anything is allocated for them.
        QTest::newRow("a billion labels") << R"({"num_labels": 1000000000})" << "num_labels\" is 1000000000";
        QTest::newRow("100000 layers") << R"({"num_hidden_layers": 100000})" << "num_hidden_layers\" is 100000";
        QTest::newRow("huge vocabulary") << R"({"vocab_size": 40000000})" << "vocab_size\" is 40000000";
        QTest::newRow("huge positions") << R"({"max_position_embeddings": 1000000000})" << "max_position_embeddings";
        QTest::newRow("dropout above 1") << R"({"hidden_dropout_prob": 1.5})" << "dropout probability";
        QTest::newRow("negative dropout") << R"({"attention_probs_dropout_prob": -0.1})" << "dropout probability";
        QTest::newRow("negative init range") << R"({"initializer_range": -0.02})" << "initializer_range";
        QTest::newRow("zero layer norm eps") << R"({"layer_norm_eps": 0})" << "layer_norm_eps";
        // Found by fuzz_model_config: a size beyond int64 was converted from a
        // double (undefined behaviour, and a garbage size after it).
        QTest::newRow("size beyond int64") << R"({"max_position_embeddings": 9223372036854775807128})"
                                           << "\"max_position_embeddings\" must be an integer, not 9.223372036854776e+21";
        QTest::newRow("unsigned beyond int64") << R"({"vocab_size": 18446744073709551615})" << "\"vocab_size\" must be an integer";
        QTest::newRow("fractional size") << R"({"hidden_size": 64.5})" << "\"hidden_size\" must be an integer";
        QTest::newRow("model type not a string") << R"({"model_type": 1018426744073709551608})"
                                                 << "\"model_type\" must be a string, not 1.0184267440737096e+21";
        QTest::newRow("integral float") << R"({"hidden_size": 64.0, "num_hidden_layers": 1e300})" << "\"num_hidden_layers\" must be an integer";
    }
    void rejectsInconsistentArchitectures() {
        QFETCH(QString, json);
        QFETCH(QString, expected);
        try {
            ModelConfig::fromJson(nlohmann::json::parse(json.toStdString()));
            QFAIL("no error");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains(expected), e.what());
        }
    }

    void badFilesNameThePath() {
        const auto path = writeTemp("broken.json", "{\"hidden_size\": 64,");
        try {
            ModelConfig::fromFile(path);
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(e.path(), path);
            QVERIFY2(QString(e.what()).contains("invalid JSON"), e.what());
        }
        const auto bad = writeTemp("bad.json", R"({"hidden_size": 65})");
        try {
            ModelConfig::fromFile(bad);
            QFAIL("no error");
        } catch (const FileError& e) {
            QVERIFY2(QString(e.what()).startsWith(QString::fromStdString(bad)), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(FileError, ModelConfig::fromFile("/nonexistent/config.json"));
    }

    void deepNestingIsRefusedNotACrash() {
        // 100,000 nested objects once overflowed the stack while the extra fields were copied.
        std::string nested = "{\"hidden_size\": 64, \"x\": ";
        for (int i = 0; i < 100000; ++i) nested += "{\"a\":";
        nested += "1" + std::string(100000, '}') + "}";
        const auto path = writeTemp("nested.json", nested.c_str());
        try {
            ModelConfig::fromFile(path);
            QFAIL("no error");
        } catch (const FileError& e) {
            QCOMPARE(e.path(), path);
            QVERIFY2(QString(e.what()).contains("nested more than 64 levels"), e.what());
        }
        const auto folder = QDir::tempPath() + "/bertbench_config_is_a_folder";
        QDir().mkpath(folder);
        QVERIFY_THROWS_EXCEPTION(FileError, ModelConfig::fromFile(folder.toStdString()));
    }

    void presetsHaveTheDocumentedSizes_data() {
        QTest::addColumn<QString>("name");
        QTest::addColumn<int>("layers");
        QTest::addColumn<int>("hidden");
        QTest::addColumn<int>("heads");
        QTest::newRow("tiny") << "tiny" << 2 << 128 << 2;
        QTest::newRow("mini") << "mini" << 4 << 256 << 4;
        QTest::newRow("small") << "small" << 4 << 512 << 8;
        QTest::newRow("medium") << "medium" << 8 << 512 << 8;
        QTest::newRow("base") << "base" << 12 << 768 << 12;
        QTest::newRow("large") << "large" << 24 << 1024 << 16;
    }
    void presetsHaveTheDocumentedSizes() {
        QFETCH(QString, name);
        QFETCH(int, layers);
        QFETCH(int, hidden);
        QFETCH(int, heads);
        const auto c = presetConfig(name.toStdString(), 30522);
        QCOMPARE(c.numHiddenLayers, layers);
        QCOMPARE(c.hiddenSize, hidden);
        QCOMPARE(c.numAttentionHeads, heads);
        QCOMPARE(c.intermediateSize, 4 * hidden);
        QCOMPARE(c.initializerRange, 0.02);
    }

    void unknownPresetListsTheChoices() {
        try {
            presetConfig("huge", 100);
            QFAIL("no error");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains("tiny, mini, small, medium, base, large"), e.what());
        }
    }
};

QTEST_APPLESS_MAIN(TestModelConfig)
#include "tst_model_config.moc"
