// bertbench-cli train, eval and mlm end to end on small CoLA files: run folders,
// reports, the trained model loading back in predict, and exit codes.
#include "cli_runner.h"
#include "cola_rows_file.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QRegularExpression>
#include <QtTest>

#include <cmath>

using fixtures::TempFolder;
using fixtures::colaRowsFile;
using fixtures::q;

namespace {


// The first `rows` CoLA sentences as a CSV file with a "text" column and no other.
std::string textOnlyCsv(const TempFolder& folder, const std::string& name, size_t rows) {
    std::ifstream in(fixtures::path("data/cola/in_domain_train.tsv"));
    std::string text = "text\n", line;
    for (size_t i = 0; i < rows && std::getline(in, line); ++i) {
        std::string sentence = line.substr(line.rfind('\t') + 1), quoted;
        for (char c : sentence) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
        text += "\"" + quoted + "\"\n";
    }
    folder.write(name, text);
    return folder.file(name);
}

}  // namespace

class TestCliTraining : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void resumeKeepsTheRunsSettingsAndRefusesOthers() {
        TempFolder folder("cli_resume");
        const auto train = colaRowsFile(folder, "train.tsv", 64);
        const auto out = folder.file("run");
        const QStringList common{"train", "--preset", "tiny", "--train", q(train), "--format", "cola",
                                 "--validation-split", "0", "--out", q(out)};
        const auto first = fixtures::cli(common + QStringList{"--max-steps", "2", "--lr", "1e-3", "--batch-size", "16"});
        QVERIFY2(first.exitCode == 0, qPrintable(first.err));
        // Other settings than the run's are refused, each named.
        const auto changed = fixtures::cli(common + QStringList{"--resume", "--lr", "5e-5", "--batch-size", "8"});
        QCOMPARE(changed.exitCode, 2);
        QVERIFY2(changed.err.contains("learning_rate: 0.001 -> 5e-05") && changed.err.contains("batch_size: 16 -> 8"),
                 qPrintable(changed.err));
        // Omitted flags are the run's own (lr 1e-3, batch 16), not the defaults.
        const auto resumed = fixtures::cli(common + QStringList{"--resume", "--max-steps", "4"});
        QCOMPARE(resumed.exitCode, 2);  // a longer run changes the schedule: refused too
        QVERIFY2(resumed.err.contains("max_steps: 2 -> 4"), qPrintable(resumed.err));
        QVERIFY(!resumed.err.contains("learning_rate"));
        const auto same = fixtures::cli(common + QStringList{"--resume"});
        QVERIFY2(same.exitCode == 0, qPrintable(same.err));
        QVERIFY2(same.err.contains("Resuming at step 2 of 2"), qPrintable(same.err));
    }

    void aNewHeadIsAnExplicitChoice() {
        TempFolder folder("cli_new_head");
        folder.write("topics.csv", "text,label\nstocks fell sharply,Business\nthe team won the cup,Sports\n"
                                   "new phone released today,Sci/Tech\nmarkets rallied again,Business\n");
        const QStringList common{"train", "--model", q(fixtures::path("reference/tiny-bert-cola")), "--train",
                                 q(folder.file("topics.csv")), "--format", "csv", "--validation-split", "0",
                                 "--max-steps", "1", "--out", q(folder.file("run"))};
        const auto refused = fixtures::cli(common);
        QCOMPARE(refused.exitCode, 3);
        QVERIFY2(refused.err.contains("topics.csv:2:") && refused.err.contains("This model predicts 2 classes") &&
                     refused.err.contains("--new-head"),
                 qPrintable(refused.err));
        const auto replaced = fixtures::cli(common + QStringList{"--new-head"});
        QVERIFY2(replaced.exitCode == 0, qPrintable(replaced.err));
        QVERIFY(replaced.err.contains("newly initialized because the shapes did not match"));
        const auto config = nlohmann::json::parse(std::ifstream(folder.file("run/best/config.json")));
        QCOMPARE(config.at("id2label").size(), size_t(3));
    }

    void adaptFirstIsOneRun() {
        TempFolder folder("cli_adapt_first");
        const auto train = colaRowsFile(folder, "train.tsv", 48);
        const auto out = folder.file("run");
        const auto run = fixtures::cli({"train", "--preset", "tiny", "--train", q(train), "--format", "cola",
                                        "--validation-split", "0.25", "--max-steps", "2", "--batch-size", "16",
                                        "--adapt-first", "--out", q(out)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("perplexity"), qPrintable(run.err));  // the adaptation validated by masked-LM loss
        const auto adapted = nlohmann::json::parse(std::ifstream(out + "/adaptation/best/config.json"));
        QCOMPARE(adapted.at("architectures")[0].get<std::string>(), std::string("BertForMaskedLM"));
        const auto tuned = nlohmann::json::parse(std::ifstream(out + "/best/config.json"));
        QCOMPARE(tuned.at("architectures")[0].get<std::string>(), std::string("BertForSequenceClassification"));
        QCOMPARE(tuned.at("id2label").size(), size_t(2));
        QCOMPARE(nlohmann::json::parse(run.out.toStdString()).at("steps").get<int>(), 2);
    }

    void trainWritesARunFolderThatPredictLoads() {
        TempFolder folder("cli_train");
        const auto train = colaRowsFile(folder, "train.tsv", 120);
        const auto test = colaRowsFile(folder, "test.tsv", 40, 200);
        const auto out = folder.file("run");
        const auto run = fixtures::cli({"train", "--preset", "tiny", "--train", q(train), "--format", "cola", "--test",
                                        q(test), "--max-steps", "6", "--batch-size", "16", "--validation-split", "0.2",
                                        "--out", q(out)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("step 6/6"), qPrintable(run.err));
        QVERIFY(run.err.contains("validation: 24 examples"));
        const auto report = nlohmann::json::parse(run.out.toStdString());
        QCOMPARE(report.at("steps").get<int>(), 6);
        QCOMPARE(report.at("test").at("count").get<int>(), 40);
        for (const char* name : {"settings.json", "metrics.jsonl", "report.json", "best/config.json",
                                 "best/model.safetensors", "checkpoint/trainer_state.json"})
            QVERIFY2(std::filesystem::exists(out + "/" + name), name);

        const auto predict = fixtures::cli({"predict", "--model", q(out + "/best"), "--text", "The boy ate the apple."});
        QCOMPARE(predict.exitCode, 0);
        const auto label = predict.lines().at(0).at("label").get<std::string>();
        QVERIFY2(label == "acceptable" || label == "unacceptable", label.c_str());

        const auto eval = fixtures::cli({"eval", "--model", q(out + "/best"), "--data", q(test), "--format", "cola"});
        QCOMPARE(eval.exitCode, 0);
        const auto metrics = nlohmann::json::parse(eval.out.toStdString());
        QCOMPARE(metrics.at("count").get<int>(), 40);
        QVERIFY(metrics.contains("mcc") && metrics.contains("confusion_matrix") && metrics.contains("f1_macro"));
        QVERIFY(std::abs(metrics.at("accuracy").get<double>() - report.at("test").at("accuracy").get<double>()) < 1e-9);
    }

    void evalRejectsLabelsTheModelDoesNotKnow() {
        TempFolder folder("cli_eval_labels");
        folder.write("data.csv", "text,label\nfine sentence,acceptable\nodd one,maybe\n");
        const auto run = fixtures::cli({"eval", "--model", q(fixtures::path("reference/tiny-bert-cola")), "--data",
                                        q(folder.file("data.csv")), "--format", "csv"});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("data.csv:3") && run.err.contains("maybe"), qPrintable(run.err));
    }

    void maskedLmWritesAMaskedLmFolder() {
        TempFolder folder("cli_mlm");
        const auto train = colaRowsFile(folder, "train.tsv", 64);
        const auto run = fixtures::cli({"mlm", "--preset", "tiny", "--train", q(train), "--max-steps", "3",
                                        "--batch-size", "16", "--validation-split", "0", "--out", q(folder.file("mlm"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto info = fixtures::cli({"info", "--model", q(folder.file("mlm/best"))});
        QCOMPARE(info.lines().at(0).at("architecture").get<std::string>(), std::string("BertForMaskedLM"));
    }

    void maskedLmNeedsNoLabelsAndValidatesByPerplexity() {
        TempFolder folder("cli_mlm_unlabelled");
        const auto train = textOnlyCsv(folder, "text.csv", 40);
        const auto out = folder.file("run");
        const auto run = fixtures::cli({"mlm", "--preset", "tiny", "--train", q(train), "--format", "csv",
                                        "--text-column", "text", "--max-steps", "4", "--validation-split", "0.2",
                                        "--out", q(out)});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY2(run.err.contains("validation: 8 examples"), qPrintable(run.err));
        QVERIFY2(!run.err.contains("classes:"), qPrintable(run.err));
        const QRegularExpression line("validation after epoch 1: loss (\\d+\\.\\d+)  perplexity (\\d+\\.\\d+)");
        const auto match = line.match(run.err);
        QVERIFY2(match.hasMatch(), qPrintable(run.err));
        QVERIFY(std::abs(std::exp(match.captured(1).toDouble()) / match.captured(2).toDouble() - 1) < 1e-3);
        QVERIFY(run.err.contains("validation after epoch 4: loss"));
        QVERIFY(!run.err.contains("accuracy"));
        const auto report = nlohmann::json::parse(run.out.toStdString());
        QVERIFY2(report.at("validation").contains("perplexity"), qPrintable(run.out));
        const auto config = nlohmann::json::parse(std::ifstream(out + "/best/config.json"));
        QCOMPARE(config.at("architectures")[0].get<std::string>(), std::string("BertForMaskedLM"));

        // A label column named anyway plays no part; train still needs one.
        const auto named = fixtures::cli({"mlm", "--preset", "tiny", "--train", q(train), "--format", "csv",
                                          "--label-column", "label", "--max-steps", "1", "--validation-split", "0",
                                          "--out", q(folder.file("named"))});
        QVERIFY2(named.exitCode == 0, qPrintable(named.err));
        const auto classifier = fixtures::cli({"train", "--preset", "tiny", "--train", q(train), "--format", "csv",
                                               "--max-steps", "1", "--out", q(folder.file("cls"))});
        QCOMPARE(classifier.exitCode, 3);
        QVERIFY2(classifier.err.contains("no label column \"label\""), qPrintable(classifier.err));
        const auto help = fixtures::cli({"mlm", "--help"});
        QVERIFY2(help.out.contains("labels play no part") && !help.out.contains("--stratify"), qPrintable(help.out));
    }

    void badRequestsExplainThemselves_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto cola = q(fixtures::path("reference/tiny-bert-cola"));
        const auto train = q(fixtures::path("data/cola/in_domain_dev.tsv"));
        QTest::newRow("model and preset") << QStringList{"train", "--model", cola, "--preset", "tiny", "--train", train,
                                                         "--out", "/tmp/x"}
                                          << 2 << "excludes";
        QTest::newRow("neither") << QStringList{"train", "--train", train, "--out", "/tmp/x"} << 2 << "--preset";
        QTest::newRow("column index overflow")
            << QStringList{"train", "--preset", "tiny", "--train", train, "--format", "tsv", "--text-column",
                           "99999999999", "--out", "/tmp/x"}
            << 2 << "--text-column: column index 99999999999 is out of range";
        QTest::newRow("bad padding") << QStringList{"train", "--preset", "tiny", "--train", train, "--padding", "left",
                                                    "--out", "/tmp/x"}
                                     << 2 << "padding";
        QTest::newRow("unknown preset") << QStringList{"train", "--preset", "huge", "--train", train, "--out", "/tmp/x"}
                                        << 2 << "tiny, mini";
        QTest::newRow("missing data") << QStringList{"train", "--preset", "tiny", "--train", "/nonexistent/t.tsv",
                                                     "--out", "/tmp/x"}
                                      << 3 << "/nonexistent/t.tsv";
        QTest::newRow("resume without checkpoint")
            << QStringList{"train", "--preset", "tiny", "--train", train, "--max-steps", "1", "--resume", "--out",
                           QDir::tempPath() + "/bertbench_no_checkpoint_here"}
            << 3 << "no checkpoint";
    }
    void badRequestsExplainThemselves() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        fixtures::expectRefusal(arguments, exitCode, message);
    }
};

QTEST_GUILESS_MAIN(TestCliTraining)
#include "tst_cli_training.moc"
