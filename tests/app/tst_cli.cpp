// bertbench-cli end to end: runs the real executable and checks its JSON lines,
// messages and exit codes (0 success, 2 usage, 3 bad input).
#include "cli_runner.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QFileInfo>
#include <QtTest>

#include <cmath>

namespace {

using fixtures::cli;

QString fixture(const std::string& relative) { return QString::fromStdString(fixtures::path(relative)); }

}  // namespace

class TestCli : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void predictPrintsTheReferenceProbabilities_data() {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("matmul");  // BERTBENCH_MATMUL: both backends reproduce transformers
        for (const char* model : {"tiny-bert-cola", "tiny-distilbert-cola", "tiny-roberta-cola"})
            for (const char* matmul : {"onednn", "blas"})
                QTest::newRow(qPrintable(QString("%1, %2").arg(model, matmul))) << QString(model) << QString(matmul);
    }
    void predictPrintsTheReferenceProbabilities() {
        QFETCH(QString, model);
        QFETCH(QString, matmul);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BERTBENCH_MATMUL", matmul);
        const std::string reference = "reference/" + model.toStdString();
        const auto rows = fixtures::readJsonLines(reference + "/expected/predict.jsonl");
        fixtures::TempFolder folder("cli_predict");
        std::string input;
        size_t used = 0;
        for (const auto& row : rows) {
            const auto text = row.at("text").get<std::string>();
            if (text.find_first_of("\n\r") != std::string::npos) continue;  // one text per line
            input += text + "\n";
            ++used;
        }
        folder.write("texts.txt", input);
        const auto run = cli({"predict", "--model", fixture(reference), "--input",
                              QString::fromStdString(folder.file("texts.txt"))},
                             environment);
        QCOMPARE(run.exitCode, 0);
        const auto lines = run.lines();
        QCOMPARE(lines.size(), used);
        size_t next = 0;
        for (const auto& row : rows) {
            if (row.at("text").get<std::string>().find_first_of("\n\r") != std::string::npos) continue;
            const auto& got = lines[next++];
            QCOMPARE(got.at("text"), row.at("text"));
            QCOMPARE(got.at("input_ids"), row.at("input_ids"));
            QCOMPARE(got.at("label"), row.at("predicted_label"));
            const auto probs = got.at("probabilities").get<std::vector<double>>();
            const auto want = row.at("probs").get<std::vector<double>>();
            QCOMPARE(probs.size(), size_t(2));
            for (size_t c = 0; c < 2; ++c) QVERIFY(std::abs(probs[c] - want[c]) < 1e-4);
            QVERIFY(std::abs(probs[0] + probs[1] - 1.0) < 1e-6);
            QVERIFY(got.contains("logits") && got.contains("label_id") && got.contains("tokens"));
            QVERIFY(!got.contains("attentions"));
        }
        QVERIFY2(run.err.contains("truncated"), qPrintable(run.err));  // the 301-token row
    }

    void predictCanIncludeAttentions() {
        const auto run = cli({"predict", "--model", fixture("reference/tiny-bert-cola"), "--text", "Him left.",
                              "--attentions"});
        QCOMPARE(run.exitCode, 0);
        const auto line = run.lines().at(0);
        const auto tokens = line.at("tokens").size();
        const auto& attentions = line.at("attentions");
        QCOMPARE(attentions.size(), size_t(2));
        QCOMPARE(attentions[0].size(), size_t(4));
        QCOMPARE(attentions[1][3].size(), tokens);
        QCOMPARE(attentions[1][3][0].size(), tokens);
        double rowSum = 0;
        for (const auto& v : attentions[0][0][0]) rowSum += v.get<double>();
        QVERIFY(std::abs(rowSum - 1.0) < 1e-5);
    }

    void tokenizeMatchesTransformers() {
        const auto rows = fixtures::readJsonLines("reference/tokenizer/cased.jsonl");
        const auto& row = rows.at(20);
        auto run = cli({"tokenize", "--vocab", fixture("reference/vocab/bert-base-cased-vocab.txt"), "--cased",
                        "--text", QString::fromStdString(row.at("text").get<std::string>())});
        QCOMPARE(run.exitCode, 0);
        QCOMPARE(run.lines().at(0).at("input_ids"), row.at("ids"));

        run = cli({"tokenize", "--model", fixture("reference/tiny-bert-cola"), "--max-length", "4", "--text",
                   "The sailors rode the breeze."});
        QCOMPARE(run.exitCode, 0);
        const auto line = run.lines().at(0);
        QCOMPARE(line.at("tokens"), nlohmann::json({"[CLS]", "the", "sailors", "[SEP]"}));
        QCOMPARE(line.at("token_type_ids"), nlohmann::json({0, 0, 0, 0}));
        QCOMPARE(line.at("attention_mask"), nlohmann::json({1, 1, 1, 1}));
    }

    void infoDescribesTheModel() {
        const auto run = cli({"info", "--model", fixture("reference/tiny-bert-cola")});
        QCOMPARE(run.exitCode, 0);
        const auto info = run.lines().at(0);
        QCOMPARE(info.at("architecture").get<std::string>(), std::string("BertForSequenceClassification"));
        QCOMPARE(info.at("layers").get<int>(), 2);
        QCOMPARE(info.at("attention_heads").get<int>(), 4);
        QCOMPARE(info.at("labels"), nlohmann::json({"unacceptable", "acceptable"}));
        const int64_t embeddings = 30522 * 64 + 128 * 64 + 2 * 64 + 2 * 64;
        const int64_t layer = 4 * (64 * 64 + 64) + 2 * 2 * 64 + (64 * 128 + 128) + (128 * 64 + 64);
        const int64_t poolerAndClassifier = (64 * 64 + 64) + (2 * 64 + 2);
        QCOMPARE(info.at("parameters").get<int64_t>(), embeddings + 2 * layer + poolerAndClassifier);
    }

    void infoAndTokenizeNameTheFamily() {
        auto run = cli({"info", "--model", fixture("reference/tiny-roberta-mlm")});
        QCOMPARE(run.exitCode, 0);
        auto info = run.lines().at(0);
        QCOMPARE(info.at("architecture").get<std::string>(), std::string("RobertaForMaskedLM"));
        QCOMPARE(info.at("model_type").get<std::string>(), std::string("roberta"));
        QCOMPARE(info.at("tokenizer").get<std::string>(), std::string("byte-level BPE"));
        QCOMPARE(info.at("max_length").get<int>(), 128);  // 130 positions, numbered from pad_token_id + 1

        run = cli({"tokenize", "--model", fixture("reference/tiny-roberta-cola"), "--text", "Hello<mask> world."});
        QCOMPARE(run.exitCode, 0);
        const auto line = run.lines().at(0);
        QCOMPARE(line.at("tokens").front().get<std::string>(), std::string("<s>"));
        QCOMPARE(line.at("tokens").back().get<std::string>(), std::string("</s>"));
        QVERIFY(line.at("tokens").dump().find("<mask>") != std::string::npos);
    }

    void presetOfAnotherFamilyTrainsAndSaves() {
        fixtures::TempFolder folder("cli_family_preset");
        folder.write("train.tsv", "gj04\t1\t\tThe boy ate the apple.\ngj04\t0\t*\tApple the boy ate the.\n");
        const auto run = cli({"train", "--preset", "tiny", "--family", "distilbert", "--train",
                              QString::fromStdString(folder.file("train.tsv")), "--max-steps", "1", "--out",
                              QString::fromStdString(folder.file("run"))});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto info = cli({"info", "--model", QString::fromStdString(folder.file("run/best"))}).lines().at(0);
        QCOMPARE(info.at("architecture").get<std::string>(), std::string("DistilBertForSequenceClassification"));
        QCOMPARE(info.at("layers").get<int>(), 1);
        QCOMPARE(cli({"train", "--preset", "tiny", "--family", "gpt2", "--train",
                      QString::fromStdString(folder.file("train.tsv"))})
                     .exitCode,
                 2);
    }

    // A dataset flag that every command reading a dataset takes, shown with eval.
    void skipBadRowsTurnsAFailureIntoACount() {
        fixtures::TempFolder folder("cli_skip_bad_rows");
        folder.write("data.csv",
                     "text,label\nThe boy ate the apple.,acceptable\nshort\nApple the ate boy.,unacceptable\n");
        const QStringList eval{"eval", "--model", fixture("reference/tiny-bert-cola"), "--data",
                               QString::fromStdString(folder.file("data.csv")), "--format", "csv"};
        const auto failed = cli(eval);
        QCOMPARE(failed.exitCode, 3);
        QVERIFY2(failed.err.contains("data.csv:3: only 1 column; missing the label column \"label\"") &&
                     failed.err.contains("--skip-bad-rows"),
                 qPrintable(failed.err));

        const auto skipped = cli(eval + QStringList{"--skip-bad-rows"});
        QVERIFY2(skipped.exitCode == 0, qPrintable(skipped.err));
        QVERIFY2(skipped.err.contains("2 examples, 1 rows skipped (first at line 3: only 1 column"),
                 qPrintable(skipped.err));
        QCOMPARE(nlohmann::json::parse(skipped.out.toStdString()).at("count").get<int>(), 2);
        for (const char* command : {"train", "eval", "mlm"})
            QVERIFY2(cli({command, "--help"}).out.contains("--skip-bad-rows"), command);
    }

    void exitCodesSayWhatWentWrong_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto cola = fixture("reference/tiny-bert-cola");
        QTest::newRow("no subcommand") << QStringList{} << 2 << "subcommand";
        QTest::newRow("unknown option") << QStringList{"predict", "--model", cola, "--text", "x", "--bogus"} << 2
                                        << "bogus";
        QTest::newRow("missing model") << QStringList{"predict", "--text", "x"} << 2 << "--model";
        QTest::newRow("no text") << QStringList{"predict", "--model", cola} << 2 << "--text";
        QTest::newRow("text and input") << QStringList{"predict", "--model", cola, "--text", "x", "--input", "f"} << 2
                                        << "excludes";
        QTest::newRow("no vocabulary") << QStringList{"tokenize", "--text", "x"} << 2 << "--vocab";
        QTest::newRow("model not a folder") << QStringList{"predict", "--model", "/nonexistent/m", "--text", "x"} << 3
                                            << "/nonexistent/m: not a folder";
        QTest::newRow("missing input") << QStringList{"predict", "--model", cola, "--input", "/nonexistent/in.txt"} << 3
                                       << "/nonexistent/in.txt: cannot open";
        QTest::newRow("missing vocab") << QStringList{"tokenize", "--vocab", "/nonexistent/vocab.txt", "--text", "x"}
                                       << 3 << "/nonexistent/vocab.txt";
    }
    void exitCodesSayWhatWentWrong() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        fixtures::expectRefusal(arguments, exitCode, message);
    }

    void misspeltMatmulBackendIsAUsageError() {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert("BERTBENCH_MATMUL", "mkl");
        const auto run = cli({"info", "--model", fixture("reference/tiny-bert-cola")}, environment);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains("BERTBENCH_MATMUL is \"mkl\"; use blas, onednn or auto"), qPrintable(run.err));
        QVERIFY(run.out.isEmpty());
    }

    // On the reference BLAS (libblas3's, first on the library path) the program
    // says once that it is slow, and still works; on OpenBLAS it says nothing.
    void theReferenceBlasIsNamedOnce() {
        const QString reference = "/usr/lib/x86_64-linux-gnu/blas";
        QVERIFY2(QFileInfo::exists(reference + "/libblas.so.3"), "libblas3 is not installed (quickstart.sh installs it)");
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert("LD_LIBRARY_PATH", reference);
        const auto slow = cli({"predict", "--model", fixture("reference/tiny-bert-cola"), "--text", "It works."},
                              environment);
        QCOMPARE(slow.exitCode, 0);
        QCOMPARE(slow.err.count("warning: matrix products run on the reference BLAS (" + reference + "/libblas.so.3"), 1);
        QVERIFY2(slow.err.contains("install libopenblas0-openmp"), qPrintable(slow.err));
        QCOMPARE(slow.lines().size(), size_t(1));
        const auto fast = cli({"predict", "--model", fixture("reference/tiny-bert-cola"), "--text", "It works."});
        QCOMPARE(fast.exitCode, 0);
        QVERIFY2(!fast.err.contains("reference BLAS"), qPrintable(fast.err));
    }

    void corruptWeightsAreBadInput() {
        fixtures::TempFolder folder("cli_corrupt");
        folder.copyFrom("reference/tiny-bert-cola", {"config.json", "vocab.txt", "tokenizer_config.json"});
        std::ifstream in(fixtures::path("reference/tiny-bert-cola/model.safetensors"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        folder.write("model.safetensors", bytes.substr(0, bytes.size() - 1000));
        const auto run = cli({"predict", "--model", QString::fromStdString(folder.path()), "--text", "x"});
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("model.safetensors") && run.err.contains("outside the data section"),
                 qPrintable(run.err));
    }
};

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"
