// bertbench-cli's hyperparameter flags, generated from the option schema:
// every field has a flag with its default in --help, out-of-range and unknown
// values are parse errors naming the flag (exit code 2), and a preset or an
// --options file is the base that explicit flags override.
#include "cli_runner.h"
#include "fixtures.h"
#include "temp_folder.h"

#include "training/option_schema.h"
#include "training/training_presets.h"

#include <QRegularExpression>
#include <QtTest>

#include <filesystem>

using fixtures::TempFolder;
using namespace bertbench;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

// The start of a train command that fails only after parsing, were parsing to succeed.
QStringList trainArguments(const QStringList& more) {
    return QStringList{"train", "--preset", "tiny", "--train", "/nonexistent/train.tsv", "--out", "/nonexistent/run"} + more;
}

// The options a short run on 40 CoLA sentences wrote into its settings.json.
nlohmann::json trainedOptions(const TempFolder& folder, const QStringList& flags) {
    std::ifstream in(fixtures::path("data/cola/in_domain_train.tsv"));
    std::string text, line;
    for (int i = 0; i < 40 && std::getline(in, line); ++i) text += line + "\n";
    folder.write("train.tsv", text);
    const auto run = fixtures::cli(QStringList{"train", "--preset", "tiny", "--train", q(folder.file("train.tsv")),
                                               "--validation-split", "0", "--max-steps", "1", "--out",
                                               q(folder.file("run"))} +
                                   flags);
    if (run.exitCode != 0) throw std::runtime_error(run.err.toStdString());
    std::ifstream settings(folder.file("run/settings.json"));
    return nlohmann::json::parse(settings).at("options");
}

}  // namespace

class TestCliOptions : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void everyFieldHasAFlagWithItsDefault_data() {
        QTest::addColumn<QString>("command");
        QTest::newRow("train") << "train";
        QTest::newRow("mlm") << "mlm";
    }
    void everyFieldHasAFlagWithItsDefault() {
        QFETCH(QString, command);
        const auto run = fixtures::cli({command, "--help"});
        QCOMPARE(run.exitCode, 0);
        for (const auto& field : trainingOptionFields()) {
            // "  --lr FLOAT=2e-05   Peak AdamW ...": the flag, its type and default, then the help text.
            QString pattern = QStringLiteral("\\n  ") + QRegularExpression::escape(q(field.flag));
            // An empty default (attention probes) shows no "=".
            const QString defaultText = q(optionValueText(field.defaultValue()));
            if (field.type != OptionType::Bool)
                pattern += QStringLiteral(" [A-Z]+(:\\{[^}]*\\})?") +
                           (defaultText.isEmpty() ? QString() : QStringLiteral("=") + QRegularExpression::escape(defaultText));
            pattern += QStringLiteral("[ \\n]");
            QVERIFY2(run.out.contains(QRegularExpression(pattern)), qPrintable(q(field.flag) + " missing in\n" + run.out));
            QVERIFY2(run.out.contains(q(field.help)), field.flag.c_str());
            if (field.range.min || field.range.max) QVERIFY2(run.out.contains(q(field.range.words())), field.flag.c_str());
        }
        for (const auto& preset : trainingPresets()) QVERIFY(run.out.contains(q(preset.id + ": " + preset.description)));
        QVERIFY(run.out.contains("--hyperparameters-preset TEXT:{classic,fast-cpu,new-model,lora}"));
        QVERIFY(run.out.contains("--options FILE"));
    }

    void outOfRangeFlagsAreRefused_data() {
        QTest::addColumn<QString>("flag");
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("message");
        for (const auto& field : trainingOptionFields()) {
            const auto& r = field.range;
            auto text = [&field](double v) {
                return field.type == OptionType::Int ? QString::number(qint64(v)) : QString::number(v, 'g', 17);
            };
            const QString expected = q(field.label + " must be " + r.words());
            if (r.min)
                QTest::addRow("%s below", field.flag.c_str()) << q(field.flag) << text(r.minExclusive ? *r.min : *r.min - 1) << expected;
            if (r.max)
                QTest::addRow("%s above", field.flag.c_str()) << q(field.flag) << text(r.maxExclusive ? *r.max : *r.max + 1) << expected;
        }
        QTest::newRow("unknown choice") << "--shuffle" << "sorted" << "sorted not in {bucketed,random,none}";
        QTest::newRow("unknown list item") << "--lora-targets" << "query,ffn" << "ffn not in {query,key,value,dense}";
        QTest::newRow("unknown preset") << "--hyperparameters-preset" << "turbo" << "turbo not in {classic,fast-cpu,new-model,lora}";
        QTest::newRow("not a number") << "--epochs" << "four" << "--epochs = four";
    }
    void outOfRangeFlagsAreRefused() {
        QFETCH(QString, flag);
        QFETCH(QString, value);
        QFETCH(QString, message);
        // --flag=value, so that a negative number is not read as another flag.
        const auto run = fixtures::cli(trainArguments({flag + "=" + value}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(flag), qPrintable(run.err));
        QVERIFY2(run.err.contains(message), qPrintable(run.err));
    }

    void badOptionsFilesAreRefused_data() {
        QTest::addColumn<QString>("json");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown key") << R"({"epoch": 3})" << "unknown training setting \"epoch\"";
        QTest::newRow("wrong type") << R"({"lora": {"rank": "eight"}})" << "\"lora.rank\"";
        QTest::newRow("not json") << "{epochs: 3" << "invalid JSON";
    }
    void badOptionsFilesAreRefused() {
        QFETCH(QString, json);
        QFETCH(QString, message);
        TempFolder folder("cli_options_bad");
        folder.write("options.json", json.toStdString());
        const auto run = fixtures::cli(trainArguments({"--options", q(folder.file("options.json"))}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("--options: ") && run.err.contains(message), qPrintable(run.err));
    }

    void presetAndFileExcludeEachOther() {
        TempFolder folder("cli_options_exclusive");
        folder.write("options.json", "{}");
        const auto run = fixtures::cli(trainArguments({"--options", q(folder.file("options.json")),
                                                       "--hyperparameters-preset", "lora"}));
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("excludes"), qPrintable(run.err));
    }

    void flagsOverrideAnOptionsFile() {
        TempFolder folder("cli_options_file");
        auto saved = presetOptions("classic");
        saved.epochs = 2;
        saved.learningRate = 3e-5;
        saved.warmupSteps = 5;
        saved.seed = 7;
        saved.lora.rank = 4;
        folder.write("options.json", saved.toJson().dump(2));
        const auto options = trainedOptions(folder, {"--options", q(folder.file("options.json")), "--batch-size", "8",
                                                     "--warmup-ratio", "0.2", "--adam-beta2", "0.98"});
        QCOMPARE(options.at("epochs").get<int>(), 2);               // from the file
        QCOMPARE(options.at("learning_rate").get<double>(), 3e-5);
        QCOMPARE(options.at("padding").get<std::string>(), std::string("max_length"));
        QCOMPARE(options.at("seed").get<int>(), 7);
        QCOMPARE(options.at("lora").at("rank").get<int>(), 4);
        QCOMPARE(options.at("batch_size").get<int>(), 8);           // from the flags
        QCOMPARE(options.at("adam_beta2").get<double>(), 0.98);
        QCOMPARE(options.at("warmup_ratio").get<double>(), 0.2);
        QCOMPARE(options.at("warmup_steps").get<int>(), -1);        // an explicit ratio means the ratio
        QCOMPARE(options.at("max_steps").get<int>(), 1);

        // A run folder's settings.json is an options file too.
        TempFolder again("cli_options_settings");
        const auto repeated = trainedOptions(again, {"--options", q(folder.file("run/settings.json"))});
        QCOMPARE(repeated, options);
    }

    void attentionProbesKeepTheirCommas() {
        TempFolder folder("cli_options_probes");
        const std::string probes = "The cat sat, quietly. | Who left?";
        const auto options = trainedOptions(folder, {"--attention-probes", q(probes)});
        QCOMPARE(options.at("attention_probes").get<std::string>(), probes);
        QVERIFY(std::filesystem::exists(folder.file("run/attention_probes/step-00000001.safetensors")));
        const auto five = fixtures::cli(trainArguments({"--attention-probes", "a | b | c | d | e"}));
        QCOMPARE(five.exitCode, 2);
        QVERIFY2(five.err.contains("at most 4"), qPrintable(five.err));
    }

    void aPresetIsTheBase() {
        TempFolder folder("cli_options_preset");
        const auto options = trainedOptions(folder, {"--hyperparameters-preset", "lora", "--lora-dropout", "0.2"});
        auto expected = presetOptions("lora");
        expected.maxSteps = 1;
        expected.lora.dropout = 0.2;
        QCOMPARE(options, expected.toJson());
    }
};

QTEST_GUILESS_MAIN(TestCliOptions)
#include "tst_cli_options.moc"
