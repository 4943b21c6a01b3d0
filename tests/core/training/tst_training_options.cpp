// TrainingOptions through its schema: every field round-trips through JSON at
// its settings.json key, out-of-range values, unknown keys and wrong types are
// refused by name, differences are listed, and presets are recognised.
#include "common/errors.h"
#include "training/option_schema.h"
#include "training/training_options.h"
#include "training/training_presets.h"

#include <QtTest>

#include "option_values.h"

#include <set>

using namespace bertbench;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The JSON value at a schema key ("lora.rank" is json["lora"]["rank"]).
const nlohmann::json& at(const nlohmann::json& json, const std::string& key) {
    const auto dot = key.find('.');
    return dot == std::string::npos ? json.at(key) : json.at(key.substr(0, dot)).at(key.substr(dot + 1));
}
nlohmann::json& at(nlohmann::json& json, const std::string& key) {
    const auto dot = key.find('.');
    return dot == std::string::npos ? json[key] : json[key.substr(0, dot)][key.substr(dot + 1)];
}

QString refusal(const nlohmann::json& json) {
    try {
        TrainingOptions::fromJson(json).validate();
    } catch (const UsageError& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

}  // namespace

class TestTrainingOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void schemaIsComplete() {
        std::set<std::string> keys, flags;
        for (const auto& field : trainingOptionFields()) {
            QVERIFY2(keys.insert(field.key).second, field.key.c_str());
            QVERIFY2(flags.insert(field.flag).second, field.flag.c_str());
            QVERIFY2(field.flag.rfind("--", 0) == 0, field.flag.c_str());
            QVERIFY(!field.group.empty() && !field.label.empty() && !field.help.empty());
            QVERIFY2(field.problem(field.defaultValue()).empty(), field.key.c_str());
            QVERIFY(field.type != OptionType::Choice || !field.choices.empty());
        }
        // Every field of today's settings.json, nested "lora" included, has a row.
        const auto json = TrainingOptions{}.toJson();
        size_t leaves = 0;
        for (const auto& [key, value] : json.items()) leaves += value.is_object() ? value.size() : 1;
        QCOMPARE(keys.size(), leaves);
        QCOMPARE(keys.size(), size_t(37));
        TrainingOptions{}.validate();
    }

    void todaysSettingsStillLoad() {
        // The "options" object of a settings.json written before the schema existed.
        const auto json = nlohmann::json::parse(R"({"adam_beta1":0.9,"adam_beta2":0.999,"adam_epsilon":1e-08,
            "batch_size":16,"device":"cpu","early_stopping_patience":2,"epochs":3,"eval_batch_size":64,
            "freeze_layers":0,"gradient_accumulation":2,"head_learning_rate":0.0,"head_only":false,
            "learning_rate":3e-05,"lora":{"alpha":16.0,"dropout":0.1,"rank":4,"targets":["query","key"]},
            "max_grad_norm":1.0,"max_length":64,"max_steps":0,"metric":"f1","padding":"max_length",
            "schedule":"cosine","seed":2018,"shuffle":"none","warmup_ratio":0.1,"warmup_steps":-1,
            "weight_decay":0.01})");
        const auto o = TrainingOptions::fromJson(json);
        QCOMPARE(o.batchSize, int64_t(16));
        QCOMPARE(o.gradientAccumulation, int64_t(2));
        QCOMPARE(o.learningRate, 3e-5);
        QCOMPARE(o.lora.rank, int64_t(4));
        QCOMPARE(o.lora.targets, std::vector<std::string>({"query", "key"}));
        QCOMPARE(o.metric, std::string("f1"));
        QVERIFY(o.padding == Padding::MaxLength);
        QVERIFY(o.schedule == LrSchedule::Cosine);
        QVERIFY(o.shuffle == ShuffleMode::None);
        QCOMPARE(o.seed, uint64_t(2018));
        // Written back unchanged, plus the fields added since, at their defaults.
        auto written = o.toJson();
        QCOMPARE(written.at("checkpoint_steps").get<int64_t>(), TrainingOptions{}.checkpointSteps);
        QCOMPARE(written.at("checkpoint_minutes").get<double>(), TrainingOptions{}.checkpointMinutes);
        QCOMPARE(written.at("attention_probes").get<std::string>(), std::string());
        QCOMPARE(written.at("precision").get<std::string>(), std::string("fp32"));
        QCOMPARE(written.at("activation_checkpointing").get<bool>(), false);
        QCOMPARE(written.at("processes").get<int64_t>(), int64_t(1));
        QCOMPARE(written.at("gradual_unfreezing").get<std::string>(), std::string("off"));
        for (const char* added : {"checkpoint_steps", "checkpoint_minutes", "attention_probes", "precision",
                                  "activation_checkpointing", "processes", "gradual_unfreezing", "unfreeze_interval",
                                  "unfreeze_unit"})
            written.erase(added);
        QCOMPARE(written, json);
    }

    void attentionProbesAreSentencesBetweenBars() {
        TrainingOptions o;
        QVERIFY(o.attentionProbeTexts().empty());
        o.attentionProbes = "  The cat sat, quietly. |Who left?||  |\tBirds fly.\n";
        QCOMPARE(o.attentionProbeTexts(), (std::vector<std::string>{"The cat sat, quietly.", "Who left?", "Birds fly."}));
        o.attentionProbes = "one";
        QCOMPARE(o.attentionProbeTexts(), std::vector<std::string>{"one"});
        o.attentionProbes = "a | b | c | d";
        o.validate();
        o.attentionProbes += " | e";
        try {
            o.validate();
            QFAIL("five probes were accepted");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains("\"attention_probes\"") && QString(e.what()).contains("at most 4"), e.what());
        }
    }

    void everyFieldRoundTrips_data() {
        QTest::addColumn<QString>("key");
        for (const auto& field : trainingOptionFields()) QTest::newRow(field.key.c_str()) << q(field.key);
    }
    void everyFieldRoundTrips() {
        QFETCH(QString, key);
        const OptionField* field = findOptionField(key.toStdString());
        QVERIFY(field);
        const OptionValue changed = fixtures::otherValue(*field);
        QVERIFY(changed != field->defaultValue());
        TrainingOptions o;
        field->set(o, changed);
        QVERIFY(field->get(o) == changed);
        o.validate();
        const auto json = o.toJson();
        QCOMPARE(at(json, field->key), field->toJson(changed));
        const auto back = TrainingOptions::fromJson(json);
        QVERIFY2(field->get(back) == changed, optionValueText(field->get(back)).c_str());
        QVERIFY(optionDifferences(o, back).empty());
        const auto differences = optionDifferences(TrainingOptions{}, back);
        QCOMPARE(differences.size(), size_t(1));
        QCOMPARE(q(differences[0].key), key);
    }

    void outOfRangeIsRefusedByName_data() {
        QTest::addColumn<QString>("key");
        QTest::addColumn<double>("value");
        for (const auto& field : trainingOptionFields()) {
            const auto& r = field.range;
            if (r.min) QTest::addRow("%s below", field.key.c_str()) << q(field.key) << (r.minExclusive ? *r.min : *r.min - 1);
            if (r.max) QTest::addRow("%s above", field.key.c_str()) << q(field.key) << (r.maxExclusive ? *r.max : *r.max + 1);
        }
    }
    void outOfRangeIsRefusedByName() {
        QFETCH(QString, key);
        QFETCH(double, value);
        const OptionField* field = findOptionField(key.toStdString());
        auto json = TrainingOptions{}.toJson();
        if (field->type == OptionType::Int)
            at(json, field->key) = int64_t(value);
        else
            at(json, field->key) = value;
        const QString message = refusal(json);
        QVERIFY2(message.contains(QLatin1Char('"') + key + QLatin1Char('"')), qPrintable(message));
        QVERIFY2(message.contains(q(field->range.words())), qPrintable(message));
        QVERIFY(!field->range.contains(value));
    }

    void badValuesAreNamed_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QStringList>("expected");
        QTest::newRow("unknown key") << R"({"epoch": 3})" << QStringList{"unknown", "\"epoch\""};
        QTest::newRow("unknown nested key") << R"({"lora": {"rnk": 4}})" << QStringList{"unknown", "\"lora.rnk\""};
        QTest::newRow("int as text") << R"({"epochs": "four"})" << QStringList{"\"epochs\"", "wrong type"};
        QTest::newRow("fractional int") << R"({"batch_size": 3.5})" << QStringList{"\"batch_size\"", "wrong type"};
        QTest::newRow("real as text") << R"({"learning_rate": "fast"})" << QStringList{"\"learning_rate\"", "wrong type"};
        QTest::newRow("bool as number") << R"({"head_only": 1})" << QStringList{"\"head_only\"", "wrong type"};
        QTest::newRow("choice as number") << R"({"schedule": 2})" << QStringList{"\"schedule\"", "linear, constant, cosine"};
        QTest::newRow("unknown choice") << R"({"padding": "longest"})" << QStringList{"\"padding\"", "longest", "dynamic, max_length"};
        QTest::newRow("unknown metric") << R"({"metric": "auc"})" << QStringList{"\"metric\"", "auc"};
        QTest::newRow("list as text") << R"({"lora": {"targets": "query"}})" << QStringList{"\"lora.targets\"", "wrong type"};
        QTest::newRow("unknown list item") << R"({"lora": {"rank": 4, "targets": ["ffn"]}})" << QStringList{"\"lora.targets\"", "ffn"};
        QTest::newRow("string as number") << R"({"device": 0})" << QStringList{"\"device\"", "wrong type"};
        QTest::newRow("group not an object") << R"({"lora": 8})" << QStringList{"\"lora\"", "object"};
        QTest::newRow("not an object") << R"([1, 2])" << QStringList{"JSON object"};
        QTest::newRow("seed too large") << R"({"seed": 18446744073709551615})" << QStringList{"\"seed\"", "too large"};
    }
    void badValuesAreNamed() {
        QFETCH(QString, json);
        QFETCH(QStringList, expected);
        const QString message = refusal(nlohmann::json::parse(json.toStdString()));
        QVERIFY2(!message.isEmpty(), "no error");
        for (const auto& part : expected) QVERIFY2(message.contains(part), qPrintable(message));
    }

    void crossFieldChecksRemain() {
        TrainingOptions o;
        o.epochs = 0;
        QVERIFY(refusal(o.toJson()).contains("max steps"));
        o.maxSteps = 10;
        QVERIFY(refusal(o.toJson()).isEmpty());
        o.lora.rank = 4;
        o.headOnly = true;
        QVERIFY(refusal(o.toJson()).contains("exclude each other"));
    }

    void differencesAreListed() {
        TrainingOptions before, after;
        QVERIFY(optionDifferences(before, after).empty());
        after.learningRate = 3e-5;
        after.padding = Padding::MaxLength;
        after.lora.targets = {"query"};
        after.headOnly = true;
        const auto d = optionDifferences(before, after);
        QCOMPARE(d.size(), size_t(4));
        // In schema order, values as a person reads them.
        QCOMPARE(q(d[0].key), QString("learning_rate"));
        QCOMPARE(q(d[0].before), QString("2e-05"));
        QCOMPARE(q(d[0].after), QString("3e-05"));
        QCOMPARE(q(d[1].key), QString("padding"));
        QCOMPARE(q(d[1].before), QString("dynamic"));
        QCOMPARE(q(d[1].after), QString("max_length"));
        QCOMPARE(q(d[2].key), QString("head_only"));
        QCOMPARE(q(d[2].after), QString("true"));
        QCOMPARE(q(d[3].key), QString("lora.targets"));
        QCOMPARE(q(d[3].before), QString("query,value"));
        QCOMPARE(q(d[3].after), QString("query"));
    }

    void presetsAreRecognised_data() {
        QTest::addColumn<QString>("id");
        for (const auto& preset : trainingPresets()) QTest::newRow(preset.id.c_str()) << q(preset.id);
    }
    void presetsAreRecognised() {
        QFETCH(QString, id);
        const TrainingPreset* preset = findTrainingPreset(id.toStdString());
        QVERIFY(preset);
        QVERIFY(!preset->name.empty() && !preset->description.empty());
        auto options = presetOptions(id.toStdString());
        options.validate();
        QCOMPARE(q(matchingPreset(options)), id);
        // Its changes are exactly the fields that differ from the defaults.
        size_t changes = 0;
        for (const auto& [key, value] : preset->changes.items()) changes += value.is_object() ? value.size() : 1;
        QCOMPARE(optionDifferences(TrainingOptions{}, options).size(), changes);

        options.epochs += 1;
        QCOMPARE(q(matchingPreset(options)), QString());
        options.epochs -= 1;
        QCOMPARE(q(matchingPreset(options)), id);
        options.lora.targets = {"value", "query"};  // the same set in another order is another setting
        QCOMPARE(q(matchingPreset(options)), QString());
    }

    void defaultsAndUnknownPresets() {
        QCOMPARE(q(matchingPreset(TrainingOptions{})), QString());
        QVERIFY(findTrainingPreset("turbo") == nullptr);
        try {
            presetOptions("turbo");
            QFAIL("no error");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains("classic, fast-cpu, new-model, lora"), e.what());
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainingOptions)
#include "tst_training_options.moc"
