// Experiments from the command line, on the tiny preset with a few steps per
// run: a 2x2 sweep (four runs with distinct settings, one line each, ranked,
// and a second start that finds them done), the run history listing them with
// the commands that rerun them, and reproduce (the identical curve; a refusal
// once the data file changed).
#include "cli_runner.h"
#include "cola_rows_file.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QtTest>

#include <filesystem>
#include <fstream>
#include <set>

using fixtures::TempFolder;
using fixtures::colaRowsFile;
using fixtures::q;

namespace {


}  // namespace

class TestCliExperiments : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aGridSweepRunsRanksAndResumes() {
        TempFolder folder("cli_sweep");
        const auto data = colaRowsFile(folder, "train.tsv", 120);
        const auto out = folder.file("sweep");
        const QStringList arguments{"sweep", "--preset", "tiny", "--train", q(data), "--format", "cola",
                                    "--max-steps", "3", "--batch-size", "8", "--param", "lr=1e-4,1e-3",
                                    "--param", "seed=1,2", "--out", q(out)};
        const auto run = fixtures::cli(arguments);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err.right(2000)));
        const auto lines = run.lines();
        QCOMPARE(lines.size(), size_t(5));
        std::set<std::string> settings;
        for (size_t i = 0; i < 4; ++i) {
            QCOMPARE(lines[i].at("trial").get<int>(), int(i + 1));
            QVERIFY(lines[i].at("completed").get<bool>());
            QCOMPARE(lines[i].at("metric").get<std::string>(), std::string("mcc"));
            settings.insert(lines[i].at("params").dump());
            QVERIFY(std::filesystem::exists(lines[i].at("run").get<std::string>() + "/best/model.safetensors"));
        }
        QCOMPARE(settings.size(), size_t(4));
        const auto& summary = lines[4];
        QCOMPARE(summary.at("trials").get<int>(), 4);
        const auto ranking = summary.at("ranking");
        QCOMPARE(ranking.size(), size_t(4));
        for (size_t i = 1; i < ranking.size(); ++i)
            QVERIFY(ranking[i - 1].at("value").get<double>() >= ranking[i].at("value").get<double>());
        QVERIFY(std::filesystem::exists(out + "/sweep.json"));

        // Started again: every trial is found finished and read, none is trained again.
        const auto again = fixtures::cli(arguments);
        QVERIFY2(again.exitCode == 0, qPrintable(again.err.right(2000)));
        QCOMPARE(again.lines().size(), size_t(5));
        QVERIFY2(!again.err.contains("trial 1 of 4"), qPrintable(again.err.right(2000)));
        QCOMPARE(again.lines()[0].at("value"), lines[0].at("value"));

        // The history lists the four runs, each with the command that reruns it.
        const auto history = fixtures::cli({"runs", "--runs", q(out)});
        QVERIFY2(history.exitCode == 0, qPrintable(history.err));
        const auto runs = history.lines();
        QCOMPARE(runs.size(), size_t(4));
        for (const auto& r : runs) {
            QCOMPARE(r.at("status").get<std::string>(), std::string("finished"));
            const auto command = r.at("command").get<std::string>();
            QVERIFY2(command.rfind("bertbench-cli train --preset tiny", 0) == 0 && command.find(" --lr ") != std::string::npos,
                     command.c_str());
        }

        // Two of them compared: the options that differ, and the curves as CSV.
        const auto csv = folder.file("compare.csv");
        const auto compared = fixtures::cli({"runs", "--runs", q(out), "--compare", "trial-001", "trial-004", "--csv",
                                             q(csv)});
        QVERIFY2(compared.exitCode == 0, qPrintable(compared.err));
        const auto comparison = compared.lines().at(0);
        QCOMPARE(comparison.at("points").get<int>(), 3);
        QCOMPARE(comparison.at("differing_options").at("learning_rate"), nlohmann::json({1e-4, 1e-3}));
        QCOMPARE(comparison.at("differing_options").at("seed"), nlohmann::json({1, 2}));
        std::ifstream table(csv);
        std::string header;
        std::getline(table, header);
        QCOMPARE(QString::fromStdString(header), QString("step,trial-001,trial-004"));
    }

    void reproduceGivesTheSameCurveAndRefusesChangedData() {
        TempFolder folder("cli_reproduce");
        const auto data = colaRowsFile(folder, "train.tsv", 80);
        const auto original = folder.file("run");
        const auto trained = fixtures::cli({"train", "--preset", "tiny", "--train", q(data), "--format", "cola",
                                            "--max-steps", "4", "--batch-size", "8", "--out", q(original)});
        QVERIFY2(trained.exitCode == 0, qPrintable(trained.err));
        const auto again = fixtures::cli({"reproduce", q(original)});
        QVERIFY2(again.exitCode == 0, qPrintable(again.err.right(2000)));
        const auto result = again.lines().at(0);
        QVERIFY2(result.at("identical").get<bool>(), result.dump().c_str());
        QCOMPARE(result.at("steps").get<int>(), 4);
        QCOMPARE(result.at("reproduction").get<std::string>(), original + "-reproduced");

        std::ofstream(data, std::ios::app) << "gj04\t1\t\tA sentence added later.\n";
        const auto refused = fixtures::cli({"reproduce", q(original)});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("has changed since the run"), qPrintable(refused.err));
    }
};

QTEST_GUILESS_MAIN(TestCliExperiments)
#include "tst_cli_experiments.moc"
