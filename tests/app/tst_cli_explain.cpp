// bertbench-cli explain and heads end to end: the JSON they print, the pruned
// model heads --prune saves (and that it loads again), and the messages and
// exit codes of bad requests.
#include "cli_runner.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QtTest>

#include <cmath>

namespace {

using fixtures::cli;

QString fixture(const std::string& relative) { return QString::fromStdString(fixtures::path(relative)); }

double sum(const nlohmann::json& values) {
    double s = 0;
    for (const auto& v : values) s += v.get<double>();
    return s;
}

}  // namespace

class TestCliExplain : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void explainPrintsScoresPerToken() {
        const auto run = cli({"explain", "--model", fixture("reference/tiny-bert-cola"), "--text", "Him left.",
                              "--steps", "300", "--class", "acceptable"});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto out = run.lines().at(0);
        QCOMPARE(out.at("tokens"), nlohmann::json::parse(R"(["[CLS]", "him", "left", ".", "[SEP]"])"));
        QCOMPARE(out.at("scores").size(), size_t(5));
        QCOMPARE(out.at("method"), "ig");
        QCOMPARE(out.at("class"), "acceptable");
        QCOMPARE(out.at("steps"), 300);
        const double moved = out.at("output").get<double>() - out.at("baseline_output").get<double>();
        QVERIFY(std::abs(sum(out.at("scores")) - moved) < 0.01 * std::abs(moved) + 1e-6);
        QVERIFY(out.at("relative_gap").get<double>() < 0.01);
        QVERIFY(out.at("probabilities").contains("acceptable"));
    }

    void explainOffersTheFastMethodsAndPairs() {
        const auto model = fixture("reference/tiny-bert-cola");
        const auto rollout = cli({"explain", "--model", model, "--text", "The boy ate the apple.", "--method",
                                  "rollout"});
        QVERIFY2(rollout.exitCode == 0, qPrintable(rollout.err));
        const auto r = rollout.lines().at(0);
        QVERIFY(std::abs(sum(r.at("scores")) - 1.0) < 1e-5);
        QVERIFY(!r.contains("completeness_gap"));
        const auto pair = cli({"explain", "--model", model, "--text", "The boy ate the apple.", "--pair",
                               "Apple the boy ate the.", "--method", "grad-input", "--head-mask", "0:1,1:3"});
        QVERIFY2(pair.exitCode == 0, qPrintable(pair.err));
        const auto p = pair.lines().at(0);
        QCOMPARE(p.at("pair"), "Apple the boy ate the.");
        QCOMPARE(p.at("scores").size(), p.at("tokens").size());
        const auto unmasked = cli({"explain", "--model", model, "--text", "The boy ate the apple.", "--pair",
                                   "Apple the boy ate the.", "--method", "grad-input"});
        QVERIFY(unmasked.lines().at(0).at("probabilities") != p.at("probabilities"));
    }

    void badExplanationsSayWhy_data() {
        QTest::addColumn<QStringList>("arguments");
        QTest::addColumn<int>("exitCode");
        QTest::addColumn<QString>("message");
        const auto cola = fixture("reference/tiny-bert-cola");
        QTest::newRow("unknown method") << QStringList{"explain", "--model", cola, "--text", "x", "--method", "shap"}
                                        << 2 << "shap";
        QTest::newRow("unknown class") << QStringList{"explain", "--model", cola, "--text", "x", "--class", "good"}
                                       << 2 << "no class 'good'";
        QTest::newRow("head outside") << QStringList{"explain", "--model", cola, "--text", "x", "--head-mask", "2:0"}
                                      << 2 << "head 2:0 does not exist";
        QTest::newRow("bad head") << QStringList{"explain", "--model", cola, "--text", "x", "--head-mask", "one"} << 2
                                  << "layer:head";
        QTest::newRow("prune without out") << QStringList{"heads", "--model", cola, "--data", "x.csv", "--prune", "2"}
                                           << 2 << "--out";
    }
    void badExplanationsSayWhy() {
        QFETCH(QStringList, arguments);
        QFETCH(int, exitCode);
        QFETCH(QString, message);
        fixtures::expectRefusal(arguments, exitCode, message);
    }

    void headsMeasuresAndPrunes() {
        fixtures::TempFolder folder("cli_heads");
        const auto model = fixture("reference/tiny-bert-cola");
        const auto data = fixture("data/cola/in_domain_dev.tsv");
        const auto measured = cli({"heads", "--model", model, "--data", data});
        QVERIFY2(measured.exitCode == 0, qPrintable(measured.err));
        const auto importance = measured.lines().at(0).at("importance");
        QCOMPARE(importance.size(), size_t(2));
        QCOMPARE(importance.at(0).size(), size_t(4));

        const auto out = QString::fromStdString(folder.file("pruned"));
        const auto pruned = cli({"heads", "--model", model, "--data", data, "--prune", "2", "--out", out});
        QVERIFY2(pruned.exitCode == 0, qPrintable(pruned.err));
        const auto result = pruned.lines().at(0);
        size_t count = 0;
        for (const auto& [layer, heads] : result.at("pruned").items()) count += heads.size();
        QCOMPARE(count, size_t(2));
        QVERIFY(result.at("parameters_after").get<int64_t>() < result.at("parameters_before").get<int64_t>());
        QVERIFY(result.at("after").contains("mcc"));
        const auto config = fixtures::readJsonFile(folder.file("pruned/config.json"));
        QCOMPARE(config.at("pruned_heads"), result.at("pruned_heads"));

        // The saved folder loads and predicts; saving over it again needs --replace.
        const auto predicted = cli({"predict", "--model", out, "--text", "Him left."});
        QVERIFY2(predicted.exitCode == 0, qPrintable(predicted.err));
        const auto again = cli({"heads", "--model", model, "--data", data, "--prune", "2", "--out", out});
        QCOMPARE(again.exitCode, 2);
        QVERIFY2(again.err.contains("already holds a model"), qPrintable(again.err));
        QVERIFY(cli({"heads", "--model", model, "--data", data, "--prune", "2", "--out", out, "--replace"}).exitCode == 0);
    }
};

QTEST_GUILESS_MAIN(TestCliExplain)
#include "tst_cli_explain.moc"
