// Classification metrics against numbers derived by hand (or taken from
// scikit-learn's documentation): binary and multi-class MCC, per-class and
// macro precision/recall/F1, degenerate predictions that must not yield NaN,
// batch accumulation, loss averaging, rejected inputs, JSON and metric names.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>

#include "common/errors.h"
#include "evaluation/metrics.h"

using namespace bertbench;
using Labels = std::vector<int>;

namespace {

// Appends `count` examples of (trueLabel, predicted) so a test can be written
// as the confusion matrix it was derived from.
void addCell(Labels& truth, Labels& predicted, int trueLabel, int predictedLabel, int count) {
    truth.insert(truth.end(), static_cast<size_t>(count), trueLabel);
    predicted.insert(predicted.end(), static_cast<size_t>(count), predictedLabel);
}

ClassificationMetrics fromConfusion(const std::vector<std::vector<int>>& confusion) {
    Labels truth, predicted;
    for (size_t t = 0; t < confusion.size(); ++t)
        for (size_t p = 0; p < confusion.size(); ++p)
            addCell(truth, predicted, int(t), int(p), confusion[t][p]);
    return computeMetrics(truth, predicted, int(confusion.size()));
}

bool isFinite(const ClassificationMetrics& m) {
    bool finite = std::isfinite(m.accuracy) && std::isfinite(m.mcc) && std::isfinite(m.f1Macro) &&
                  std::isfinite(m.precisionMacro) && std::isfinite(m.recallMacro);
    for (const ClassMetrics& c : m.perClass)
        finite = finite && std::isfinite(c.precision) && std::isfinite(c.recall) && std::isfinite(c.f1);
    return finite;
}

}  // namespace

class TestMetrics : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void binaryKnownMatrix() {
        // Rows = true, columns = predicted; class 1 positive: tn 3, fp 2, fn 1, tp 5.
        const ClassificationMetrics m = fromConfusion({{3, 2}, {1, 5}});
        QCOMPARE(m.count, int64_t(11));
        QCOMPARE(m.accuracy, 8.0 / 11);
        // (tp*tn - fp*fn) / sqrt((tp+fp)(tp+fn)(tn+fp)(tn+fn)) = (15 - 2) / sqrt(7*6*5*4).
        // R_K agrees: t = (5, 6), p = (4, 7), c = 8, s = 11:
        // (88 - 62) / sqrt((121 - 65)(121 - 61)) = 26 / sqrt(3360) = 13 / sqrt(840).
        QCOMPARE(m.mcc, 13.0 / std::sqrt(840.0));
        // Class 0: precision tn/(tn+fn) = 3/4, recall tn/(tn+fp) = 3/5, F1 = 2*3/(2*3+2+1).
        QCOMPARE(m.perClass[0].precision, 3.0 / 4);
        QCOMPARE(m.perClass[0].recall, 3.0 / 5);
        QCOMPARE(m.perClass[0].f1, 6.0 / 9);
        QCOMPARE(m.perClass[0].support, int64_t(5));
        // Class 1: precision 5/7, recall 5/6, F1 = 2*5/(2*5+2+1).
        QCOMPARE(m.perClass[1].precision, 5.0 / 7);
        QCOMPARE(m.perClass[1].recall, 5.0 / 6);
        QCOMPARE(m.perClass[1].f1, 10.0 / 13);
        QCOMPARE(m.perClass[1].support, int64_t(6));
        QCOMPARE(m.f1Macro, (6.0 / 9 + 10.0 / 13) / 2);
        QCOMPARE(m.precisionMacro, (3.0 / 4 + 5.0 / 7) / 2);
        QCOMPARE(m.recallMacro, (3.0 / 5 + 5.0 / 6) / 2);
        QCOMPARE(m.confusion, (std::vector<std::vector<int64_t>>{{3, 2}, {1, 5}}));
    }

    void sklearnDocumentedMcc() {
        // matthews_corrcoef docs: y_true [+1,+1,+1,-1], y_pred [+1,-1,+1,+1] -> -0.33...
        // With -1 -> 0, +1 -> 1: tp 2, tn 0, fp 1, fn 1: (0 - 1) / sqrt(3*3*1*1) = -1/3.
        const ClassificationMetrics m = computeMetrics({1, 1, 1, 0}, {1, 0, 1, 1}, 2);
        QCOMPARE(m.mcc, -1.0 / 3);
    }

    void multiClassKnownMatrix() {
        const ClassificationMetrics m = fromConfusion({{3, 1, 0}, {1, 2, 1}, {0, 2, 4}});
        // t = (4, 4, 6), p = (4, 5, 5), c = 9, s = 14.
        // (c*s - Σ p_k t_k) / sqrt((s² - Σ p_k²)(s² - Σ t_k²))
        //   = (126 - 66) / sqrt((196 - 66)(196 - 68)) = 60 / sqrt(130 * 128).
        QCOMPARE(m.mcc, 60.0 / std::sqrt(130.0 * 128.0));
        QCOMPARE(m.accuracy, 9.0 / 14);
        // F1 = 2*tp / (predicted + support): 6/8, 4/9, 8/11.
        QCOMPARE(m.perClass[0].f1, 3.0 / 4);
        QCOMPARE(m.perClass[1].precision, 2.0 / 5);
        QCOMPARE(m.perClass[1].recall, 2.0 / 4);
        QCOMPARE(m.perClass[1].f1, 4.0 / 9);
        QCOMPARE(m.perClass[2].precision, 4.0 / 5);
        QCOMPARE(m.perClass[2].recall, 4.0 / 6);
        QCOMPARE(m.perClass[2].f1, 8.0 / 11);
        QCOMPARE(m.f1Macro, (3.0 / 4 + 4.0 / 9 + 8.0 / 11) / 3);
        QCOMPARE(m.precisionMacro, (3.0 / 4 + 2.0 / 5 + 4.0 / 5) / 3);
        QCOMPARE(m.recallMacro, (3.0 / 4 + 2.0 / 4 + 4.0 / 6) / 3);
    }

    void sklearnDocumentedF1() {
        // f1_score docs: y_true [0,1,2,0,1,2], y_pred [0,2,1,0,0,1]: per class
        // [0.8, 0, 0], macro 0.26..; precision_score macro 0.22.. (2/3 / 3);
        // recall_score macro 0.33.. (1 / 3).
        const ClassificationMetrics m = computeMetrics({0, 1, 2, 0, 1, 2}, {0, 2, 1, 0, 0, 1}, 3);
        QCOMPARE(m.perClass[0].f1, 0.8);
        QCOMPARE(m.perClass[1].f1, 0.0);
        QCOMPARE(m.perClass[2].f1, 0.0);
        QCOMPARE(m.f1Macro, 0.8 / 3);
        QCOMPARE(m.precisionMacro, (2.0 / 3) / 3);
        QCOMPARE(m.recallMacro, 1.0 / 3);
    }

    void perfectPredictions_data() {
        QTest::addColumn<Labels>("labels");
        QTest::addColumn<int>("numClasses");
        QTest::newRow("binary") << Labels{0, 1, 1, 0, 1} << 2;
        QTest::newRow("three classes") << Labels{2, 0, 1, 1, 2, 0} << 3;
        QTest::newRow("five classes") << Labels{4, 3, 2, 1, 0, 0} << 5;
    }
    void perfectPredictions() {
        QFETCH(Labels, labels);
        QFETCH(int, numClasses);
        const ClassificationMetrics m = computeMetrics(labels, labels, numClasses);
        QCOMPARE(m.accuracy, 1.0);
        QCOMPARE(m.mcc, 1.0);
        QCOMPARE(m.f1Macro, 1.0);
        QCOMPARE(m.precisionMacro, 1.0);
        QCOMPARE(m.recallMacro, 1.0);
    }

    void allOneClassPredictions_data() {
        QTest::addColumn<Labels>("truth");
        QTest::addColumn<int>("numClasses");
        QTest::newRow("binary") << Labels{0, 1, 1, 0, 1} << 2;
        QTest::newRow("three classes") << Labels{2, 0, 1, 1, 2, 0} << 3;
    }
    void allOneClassPredictions() {
        // A model that collapsed onto class 0: MCC's denominator is 0, so 0, not NaN.
        QFETCH(Labels, truth);
        QFETCH(int, numClasses);
        const ClassificationMetrics m = computeMetrics(truth, Labels(truth.size(), 0), numClasses);
        QVERIFY(isFinite(m));
        QCOMPARE(m.mcc, 0.0);
        QCOMPARE(m.accuracy, 2.0 / double(truth.size()));  // each row has two class-0 examples
        QCOMPARE(m.perClass[0].recall, 1.0);
        QCOMPARE(m.perClass[0].precision, m.accuracy);
        for (int k = 1; k < numClasses; ++k) {  // never predicted: zero_division = 0
            QCOMPARE(m.perClass[size_t(k)].precision, 0.0);
            QCOMPARE(m.perClass[size_t(k)].f1, 0.0);
        }
    }

    void inversePredictionsGiveMinusOne() {
        const ClassificationMetrics m = computeMetrics({0, 1, 1, 0, 1}, {1, 0, 0, 1, 0}, 2);
        QCOMPARE(m.mcc, -1.0);
        QCOMPARE(m.accuracy, 0.0);
        QCOMPARE(m.f1Macro, 0.0);
    }

    void classAbsentFromDataCountsInMacro() {
        // Class 2 is neither true nor predicted: it scores 0 and still counts.
        const ClassificationMetrics m = computeMetrics({0, 1, 0, 1}, {0, 1, 0, 1}, 3);
        QVERIFY(isFinite(m));
        QCOMPARE(m.perClass[2].support, int64_t(0));
        QCOMPARE(m.perClass[2].f1, 0.0);
        QCOMPARE(m.f1Macro, 2.0 / 3);
        QCOMPARE(m.mcc, 1.0);  // R_K: (4*4 - 8) / sqrt((16 - 8)(16 - 8)) = 1
    }

    void emptyAndSingleClassAreFinite() {
        const ClassificationMetrics empty = computeMetrics({}, {}, 2);
        QVERIFY(isFinite(empty));
        QCOMPARE(empty.count, int64_t(0));
        QCOMPARE(empty.accuracy, 0.0);
        QCOMPARE(empty.mcc, 0.0);

        const ClassificationMetrics single = computeMetrics({0, 0, 0}, {0, 0, 0}, 1);
        QVERIFY(isFinite(single));
        QCOMPARE(single.accuracy, 1.0);
        QCOMPARE(single.mcc, 0.0);  // s² - Σ p_k² = 9 - 9 = 0: undefined, as sklearn
    }

    void accumulatorAgreesWithComputeMetrics() {
        // A fixed linear congruential sequence: reproducible without <random>'s
        // implementation-defined distributions.
        uint32_t state = 12345;
        auto next = [&state](int bound) {
            state = state * 1664525u + 1013904223u;
            return int((state >> 16) % uint32_t(bound));
        };
        Labels truth, predicted;
        for (int i = 0; i < 1000; ++i) {
            truth.push_back(next(4));
            predicted.push_back(next(3) == 0 ? next(4) : truth.back());  // mostly right
        }
        MetricsAccumulator accumulator(4);
        for (size_t start = 0; start < truth.size(); start += 32)  // batches of 32, last short
            for (size_t i = start; i < std::min(truth.size(), start + 32); ++i)
                accumulator.add(truth[i], predicted[i]);
        const ClassificationMetrics batched = accumulator.result();
        const ClassificationMetrics whole = computeMetrics(truth, predicted, 4);
        QCOMPARE(batched.confusion, whole.confusion);
        QCOMPARE(batched.mcc, whole.mcc);
        QCOMPARE(batched.f1Macro, whole.f1Macro);
        QCOMPARE(batched.accuracy, whole.accuracy);
        QCOMPARE(batched.count, int64_t(1000));
        QVERIFY(batched.mcc > 0.5 && batched.mcc < 1.0);
    }

    void lossIsMeanOverExamples() {
        MetricsAccumulator accumulator(2);
        QCOMPARE(accumulator.result().loss, 0.0);  // none provided
        accumulator.addLoss(3.0, 2);  // batch mean 1.5
        accumulator.addLoss(1.0, 4);  // batch mean 0.25: the mean is per example, not per batch
        QCOMPARE(accumulator.result().loss, 4.0 / 6);
        QCOMPARE(computeMetrics({0}, {0}, 2).loss, 0.0);
    }

    void invalidInputsAreRejected_data() {
        QTest::addColumn<int>("trueLabel");
        QTest::addColumn<int>("predicted");
        QTest::newRow("negative true") << -1 << 0;
        QTest::newRow("negative predicted") << 0 << -1;
        QTest::newRow("true too large") << 3 << 0;
        QTest::newRow("predicted too large") << 0 << 3;
    }
    void invalidInputsAreRejected() {
        QFETCH(int, trueLabel);
        QFETCH(int, predicted);
        MetricsAccumulator accumulator(3);
        QVERIFY_THROWS_EXCEPTION(UsageError, accumulator.add(trueLabel, predicted));
        QCOMPARE(accumulator.result().count, int64_t(0));  // nothing half-recorded
        QVERIFY_THROWS_EXCEPTION(UsageError, computeMetrics({trueLabel}, {predicted}, 3));
    }

    void badArgumentsAreRejected() {
        QVERIFY_THROWS_EXCEPTION(UsageError, MetricsAccumulator(0));
        QVERIFY_THROWS_EXCEPTION(UsageError, computeMetrics({0, 1}, {0}, 2));
        MetricsAccumulator accumulator(2);
        QVERIFY_THROWS_EXCEPTION(UsageError, accumulator.addLoss(1.0, -1));
    }

    void jsonHasTheDocumentedShape() {
        ClassificationMetrics m = fromConfusion({{3, 2}, {1, 5}});
        m.loss = 0.5;
        const nlohmann::json json = metricsToJson(m, {"negative", "positive"});
        for (const char* key : {"accuracy", "mcc", "f1_macro", "precision_macro", "recall_macro",
                                "loss", "count", "labels", "per_class", "confusion_matrix"})
            QVERIFY2(json.contains(key), key);
        QCOMPARE(json["mcc"].get<double>(), m.mcc);
        QCOMPARE(json["loss"].get<double>(), 0.5);
        QCOMPARE(json["count"].get<int64_t>(), int64_t(11));
        QCOMPARE(json["labels"], (nlohmann::json{"negative", "positive"}));
        const nlohmann::json& positive = json["per_class"]["positive"];
        QCOMPARE(positive["precision"].get<double>(), 5.0 / 7);
        QCOMPARE(positive["recall"].get<double>(), 5.0 / 6);
        QCOMPARE(positive["f1"].get<double>(), 10.0 / 13);
        QCOMPARE(positive["support"].get<int64_t>(), int64_t(6));
        QCOMPARE(json["confusion_matrix"], (nlohmann::json{{3, 2}, {1, 5}}));
    }

    void jsonLabelNames() {
        const ClassificationMetrics m = fromConfusion({{1, 0}, {0, 1}});
        QVERIFY(metricsToJson(m, {})["per_class"].contains("1"));  // no names: ids
        QVERIFY_THROWS_EXCEPTION(UsageError, metricsToJson(m, {"only one"}));
        QVERIFY_THROWS_EXCEPTION(UsageError, metricsToJson(m, {"same", "same"}));
    }

    void metricsByName() {
        ClassificationMetrics m = fromConfusion({{3, 1, 0}, {1, 2, 1}, {0, 2, 4}});
        m.loss = 0.75;
        QCOMPARE(metricValue(m, "accuracy"), m.accuracy);
        QCOMPARE(metricValue(m, "mcc"), m.mcc);
        QCOMPARE(metricValue(m, "f1"), m.f1Macro);
        QCOMPARE(metricValue(m, "loss"), 0.75);
        QVERIFY(higherIsBetter("accuracy"));
        QVERIFY(higherIsBetter("mcc"));
        QVERIFY(higherIsBetter("f1"));
        QVERIFY(!higherIsBetter("loss"));
        QCOMPARE(metricNames().size(), size_t(4));
    }

    void unknownMetricListsValidNames() {
        try {
            metricValue(ClassificationMetrics{}, "auc");
            QFAIL("expected UsageError");
        } catch (const UsageError& e) {
            const QString message = QString::fromStdString(e.what());
            QVERIFY2(message.contains("auc"), e.what());
            for (const char* name : {"accuracy", "mcc", "f1", "loss"})
                QVERIFY2(message.contains(name), e.what());
        }
        QVERIFY_THROWS_EXCEPTION(UsageError, higherIsBetter("auc"));
    }
};

QTEST_APPLESS_MAIN(TestMetrics)
#include "tst_metrics.moc"
