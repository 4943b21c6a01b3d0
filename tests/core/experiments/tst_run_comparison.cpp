// Runs side by side: curves aligned by step and by epoch (gaps where a run has
// no point), TensorBoard's debiased smoothing, CSV, and the options that differ.
#include "experiments/run_comparison.h"
#include "temp_folder.h"

#include <QtTest>

#include <cmath>
#include <filesystem>
#include <fstream>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

std::string run(const TempFolder& root, const std::string& name, int steps, double epochPerStep) {
    const auto dir = root.file(name);
    std::filesystem::create_directories(dir);
    std::ofstream out(dir + "/metrics.jsonl");
    for (int s = 1; s <= steps; ++s)
        out << nlohmann::json{{"type", "step"}, {"step", s}, {"epoch", s * epochPerStep}, {"loss", 1.0 / s},
                              {"lr", 0.1 * s}, {"seconds", 0.5 * s}}
                   .dump()
            << "\n";
    out << nlohmann::json{{"type", "eval"}, {"split", "validation"}, {"step", steps}, {"mcc", 0.4}, {"f1_macro", 0.6}}
               .dump()
        << "\n";
    return dir;
}

}  // namespace

class TestRunComparison : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void curvesAlignByStepAndEpoch() {
        TempFolder root("run_comparison");
        const std::vector<RunCurves> runs{readRunCurves(run(root, "a", 4, 0.25), "a"),
                                          readRunCurves(run(root, "b", 2, 0.5), "b")};
        QCOMPARE(runs[0].validation.size(), size_t(1));
        QCOMPARE(runs[0].validation[0].epoch, 1.0);  // at the last step before it

        const auto bySteps = alignCurves(runs, CurveKind::Loss, CurveAxis::Step);
        QCOMPARE(bySteps.x, std::vector<double>({1, 2, 3, 4}));
        QCOMPARE(bySteps.values[0][3], 0.25);
        QCOMPARE(bySteps.values[1][1], 0.5);
        QVERIFY(std::isnan(bySteps.values[1][2]));  // b has no step 3

        const auto byEpochs = alignCurves(runs, CurveKind::Loss, CurveAxis::Epoch);
        QCOMPARE(byEpochs.x, std::vector<double>({0.25, 0.5, 0.75, 1.0}));
        QCOMPARE(byEpochs.values[1][1], 1.0);   // b's step 1 is epoch 0.5
        QCOMPARE(byEpochs.values[1][3], 0.5);   // b's step 2 is epoch 1
        QVERIFY(std::isnan(byEpochs.values[1][0]));

        const auto byTime = alignCurves(runs, CurveKind::LearningRate, CurveAxis::Seconds);
        QCOMPARE(byTime.x.back(), 2.0);
        QCOMPARE(curvesCsv(bySteps, {"a", "b, again"}, CurveAxis::Step),
                 std::string("step,a,\"b, again\"\n1,1,1\n2,0.5,0.5\n3,0.3333333333,\n4,0.25,\n"));
    }

    void theF1OptionReadsTheRecordedMacroF1() {
        TempFolder root("run_comparison_f1");
        const auto curves = readRunCurves(run(root, "a", 2, 0.5), "a", "f1");
        QCOMPARE(curves.validation.size(), size_t(1));
        QCOMPARE(curves.validation[0].value, 0.6);
        QVERIFY(readRunCurves(root.file("a"), "a", "no such metric").validation.empty());
    }

    void smoothingIsTensorBoards() {
        const auto s = smoothed({1, 0, 0}, 0.5);
        QCOMPARE(s[0], 1.0);  // debiased: the first point is itself
        QVERIFY(std::abs(s[1] - 1.0 / 3) < 1e-12);
        QVERIFY(std::abs(s[2] - 1.0 / 7) < 1e-12);
        QCOMPARE(smoothed({3, 5}, 0), std::vector<double>({3, 5}));
    }

    void differingOptionsAreNamed() {
        RunRecord a, b;
        a.options = {{"learning_rate", 3e-5}, {"batch_size", 16}, {"lora", {{"rank", 0}}}};
        b.options = {{"learning_rate", 5e-5}, {"batch_size", 16}, {"lora", {{"rank", 8}}}};
        QCOMPARE(differingOptions({a, b}), std::vector<std::string>({"learning_rate", "lora.rank"}));
        QVERIFY(differingOptions({a, a}).empty());
    }

    void theOptionTableHasEveryKeyWithEachRunsValue() {
        RunRecord a, b;
        a.options = {{"scheduler", "linear"}, {"batch_size", 16}, {"lora", {{"rank", 0}}}};
        b.options = {{"scheduler", "cosine"}, {"batch_size", 16}};
        const auto table = optionTable({a, b});
        QCOMPARE(table.size(), size_t(3));
        QCOMPARE(table[0].key, std::string("batch_size"));
        QCOMPARE(table[0].values, std::vector<std::string>({"16", "16"}));
        QVERIFY(!table[0].differs);
        QCOMPARE(table[1].key, std::string("lora.rank"));
        QCOMPARE(table[1].values, std::vector<std::string>({"0", "(absent)"}));
        QVERIFY(table[1].differs);
        QCOMPARE(table[2].values, std::vector<std::string>({"linear", "cosine"}));  // text without JSON quotes
        QVERIFY(table[2].differs);
    }
};

QTEST_GUILESS_MAIN(TestRunComparison)
#include "tst_run_comparison.moc"
