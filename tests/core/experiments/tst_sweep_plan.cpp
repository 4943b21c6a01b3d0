// Sweep plans: parameters named by flag or key and checked against the
// option's type and range; the grid in order; a seeded random draw of
// distinct combinations.
#include "common/errors.h"
#include "experiments/sweep_plan.h"

#include <QtTest>

#include <set>

using namespace bertbench;

class TestSweepPlan : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parametersAreReadAsTheirOptions() {
        const auto lr = parseSweepParameter("lr=1e-5,3e-5");
        QCOMPARE(lr.key, std::string("learning_rate"));
        QCOMPARE(lr.values, std::vector<std::string>({"1e-5", "3e-5"}));
        QCOMPARE(parseSweepParameter("batch_size=8").key, std::string("batch_size"));  // the key works too
        QCOMPARE(parseSweepParameter("lora-targets=query+value,dense").values.size(), size_t(2));
    }

    void badParametersAreNamed_data() {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("message");
        QTest::newRow("unknown") << "speed=1" << "no option is named \"speed\"";
        QTest::newRow("no values") << "lr=" << "write NAME=VALUE,VALUE";
        QTest::newRow("not a number") << "batch-size=8,many" << "\"many\" is not a whole number";
        QTest::newRow("out of range") << "lr=2" << "must be greater than 0 and below 1, not 2";
        QTest::newRow("unknown choice") << "schedule=linear,wavy" << "wavy";
    }
    void badParametersAreNamed() {
        QFETCH(QString, text);
        QFETCH(QString, message);
        try {
            parseSweepParameter(text.toStdString());
            QFAIL("accepted");
        } catch (const UsageError& e) {
            QVERIFY2(QString(e.what()).contains(message), e.what());
        }
    }

    void theGridIsEveryCombination() {
        const auto plan = planSweep(TrainingOptions{}, {parseSweepParameter("lr=1e-5,3e-5"),
                                                        parseSweepParameter("batch-size=16,32")});
        QCOMPARE(plan.size(), size_t(4));
        QCOMPARE(plan[0].options.learningRate, 1e-5);
        QCOMPARE(plan[0].options.batchSize, int64_t(16));
        QCOMPARE(plan[1].options.batchSize, int64_t(32));  // the last parameter varies fastest
        QCOMPARE(plan[3].options.learningRate, 3e-5);
        QCOMPARE(plan[3].assignments, nlohmann::json({{"learning_rate", 3e-5}, {"batch_size", 32}}));
        QCOMPARE(plan[2].index, 2);
    }

    void aRandomSearchDrawsDistinctCombinations() {
        const std::vector<SweepParameter> parameters{parseSweepParameter("lr=1e-5,2e-5,3e-5,4e-5"),
                                                     parseSweepParameter("seed=1,2,3")};
        const auto a = planSweep(TrainingOptions{}, parameters, 5, 7), b = planSweep(TrainingOptions{}, parameters, 5, 7);
        QCOMPARE(a.size(), size_t(5));
        std::set<std::string> seen;
        for (size_t i = 0; i < a.size(); ++i) {
            QVERIFY(seen.insert(a[i].assignments.dump()).second);
            QCOMPARE(a[i].assignments, b[i].assignments);  // the same seed, the same draw
        }
        QCOMPARE(planSweep(TrainingOptions{}, parameters, 50, 7).size(), size_t(12));  // never more than the grid
    }
};

QTEST_GUILESS_MAIN(TestSweepPlan)
#include "tst_sweep_plan.moc"
