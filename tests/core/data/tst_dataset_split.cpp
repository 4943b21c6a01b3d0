// splitTrainValidation() and its parts: validation sizes and their rounding,
// pinned seeded draws (the same on every platform), determinism, parts that
// partition the data, and class shares kept by stratification.
#include <QtTest>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

#include "common/errors.h"
#include "data/dataset_import.h"
#include "data/dataset_split.h"
#include "data/seeded_shuffle.h"
#include "fixtures.h"

using namespace bertbench;

namespace {

Dataset cola() {
    ImportOptions options;
    options.format = DatasetFormat::Cola;
    return importDataset(fixtures::path("data/cola/in_domain_train.tsv"), options);
}

// Classes of the given sizes, interleaved through the file.
Dataset withClassSizes(const QList<int>& sizes) {
    Dataset data;
    QList<int> left = sizes;
    for (int label = 0; label < sizes.size(); ++label) data.labelNames.push_back(std::string(1, char('a' + label)));
    for (bool added = true; added;) {
        added = false;
        for (int label = 0; label < sizes.size(); ++label)
            if (left[label]-- > 0) {
                data.examples.push_back({"text " + std::to_string(data.examples.size()), {}, label,
                                         static_cast<long>(data.examples.size() + 1)});
                added = true;
            }
    }
    return data;
}

const QList<int> kUnbalanced{500, 300, 150, 49};

}  // namespace

class TestDatasetSplit : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { cola_ = cola(); }
    void validationSizes_data();
    void validationSizes();
    void invalidRatios_data();
    void invalidRatios();
    void colaTenPercent();
    void ratioZeroTrainsOnEverything();
    void pinnedDraws();
    void uniformDrawsAreUnbiased();
    void sameSeedSameSplit();
    void otherSeedOtherSplit();
    void partsPartitionTheData_data();
    void partsPartitionTheData();
    void stratifiedKeepsClassShares_data();
    void stratifiedKeepsClassShares();
    void partsKeepMetadataAndFileOrder();

private:
    Dataset cola_;
};

void TestDatasetSplit::validationSizes_data() {
    QTest::addColumn<qulonglong>("count");
    QTest::addColumn<double>("ratio");
    QTest::addColumn<qulonglong>("expected");
    QTest::newRow("CoLA 10 %, rounds up") << 8551ull << 0.1 << 856ull;
    QTest::newRow("exact, no float creep") << 8550ull << 0.1 << 855ull;
    QTest::newRow("exact quarter") << 100ull << 0.25 << 25ull;
    QTest::newRow("tiny ratio takes one") << 100ull << 0.001 << 1ull;
    QTest::newRow("zero") << 100ull << 0.0 << 0ull;
    QTest::newRow("empty dataset") << 0ull << 0.5 << 0ull;
}

void TestDatasetSplit::validationSizes() {
    QFETCH(qulonglong, count);
    QFETCH(double, ratio);
    QFETCH(qulonglong, expected);
    QCOMPARE(validationSize(count, ratio), static_cast<size_t>(expected));
}

void TestDatasetSplit::invalidRatios_data() {
    QTest::addColumn<double>("ratio");
    QTest::addColumn<qulonglong>("count");
    QTest::newRow("negative") << -0.1 << 100ull;
    QTest::newRow("one") << 1.0 << 100ull;
    QTest::newRow("above one") << 1.5 << 100ull;
    QTest::newRow("NaN") << std::numeric_limits<double>::quiet_NaN() << 100ull;
    QTest::newRow("leaves no training example") << 0.5 << 1ull;
    QTest::newRow("rounds up to everything") << 0.99 << 50ull;
}

void TestDatasetSplit::invalidRatios() {
    QFETCH(double, ratio);
    QFETCH(qulonglong, count);
    QVERIFY_THROWS_EXCEPTION(UsageError, validationSize(count, ratio));
    Dataset data;
    data.examples.resize(count);
    QVERIFY_THROWS_EXCEPTION(UsageError, splitTrainValidation(data, ratio));
}

void TestDatasetSplit::colaTenPercent() {
    const DatasetSplit split = splitTrainValidation(cola_, 0.1);
    QCOMPARE(split.validation.examples.size(), size_t{856});
    QCOMPARE(split.train.examples.size(), size_t{8551 - 856});
}

void TestDatasetSplit::ratioZeroTrainsOnEverything() {
    const SplitIndices split = splitIndices(cola_, 0.0);
    QVERIFY(split.validation.empty());
    QCOMPARE(split.train.size(), size_t{8551});
    QVERIFY(std::is_sorted(split.train.begin(), split.train.end()));
}

// mt19937_64's output is fixed by the C++ standard and the draws are ours, so
// these values must come out on every compiler and platform.
void TestDatasetSplit::pinnedDraws() {
    std::mt19937_64 rng(2018);
    std::vector<uint64_t> draws;
    for (int i = 0; i < 6; ++i) draws.push_back(uniformBelow(rng, 10));
    QCOMPARE(draws, (std::vector<uint64_t>{4, 1, 7, 5, 7, 9}));

    Dataset twenty;
    for (int i = 0; i < 20; ++i) twenty.examples.push_back({"t", {}, i % 2, i + 1});
    QCOMPARE(splitIndices(twenty, 0.25).validation, (std::vector<size_t>{10, 12, 13, 17, 18}));
}

void TestDatasetSplit::uniformDrawsAreUnbiased() {
    std::mt19937_64 rng(1);
    std::vector<int> counts(6, 0);
    for (int i = 0; i < 60000; ++i) ++counts[uniformBelow(rng, 6)];
    for (int count : counts) QVERIFY2(std::abs(count - 10000) < 400, qPrintable(QString::number(count)));
    QCOMPARE(uniformBelow(rng, 1), uint64_t{0});
    // A bound just above 2^63 rejects nearly half the raw draws; results stay in range.
    const uint64_t huge = (uint64_t{1} << 63) + 12345;
    for (int i = 0; i < 100; ++i) QVERIFY(uniformBelow(rng, huge) < huge);
}

void TestDatasetSplit::sameSeedSameSplit() {
    QCOMPARE(splitIndices(cola_, 0.1, 7).validation, splitIndices(cola_, 0.1, 7).validation);
    QCOMPARE(splitIndices(cola_, 0.1).validation, splitIndices(cola_, 0.1, 2018).validation);
    QCOMPARE(splitIndices(cola_, 0.1, 7, true).validation, splitIndices(cola_, 0.1, 7, true).validation);
}

void TestDatasetSplit::otherSeedOtherSplit() {
    const auto a = splitIndices(cola_, 0.1, 1).validation;
    const auto b = splitIndices(cola_, 0.1, 2).validation;
    QCOMPARE(a.size(), b.size());
    QVERIFY(a != b);
    QVERIFY(splitIndices(cola_, 0.1, 1, true).validation != splitIndices(cola_, 0.1, 2, true).validation);
}

void TestDatasetSplit::partsPartitionTheData_data() {
    QTest::addColumn<bool>("stratified");
    QTest::newRow("shuffled") << false;
    QTest::newRow("stratified") << true;
}

void TestDatasetSplit::partsPartitionTheData() {
    QFETCH(bool, stratified);
    const SplitIndices split = splitIndices(cola_, 0.2, 99, stratified);
    std::vector<size_t> all = split.train;
    all.insert(all.end(), split.validation.begin(), split.validation.end());
    std::sort(all.begin(), all.end());
    std::vector<size_t> expected(cola_.examples.size());
    std::iota(expected.begin(), expected.end(), size_t{0});
    QCOMPARE(all, expected);  // every example once: none lost, none in both parts

    const DatasetSplit parts = splitTrainValidation(cola_, 0.2, 99, stratified);
    QCOMPARE(parts.validation.examples.size(), split.validation.size());
    for (size_t i = 0; i < split.validation.size(); ++i) {
        const Example& original = cola_.examples[split.validation[i]];
        QCOMPARE(parts.validation.examples[i].text, original.text);
        QCOMPARE(parts.validation.examples[i].line, original.line);
    }
}

void TestDatasetSplit::stratifiedKeepsClassShares_data() {
    QTest::addColumn<QList<int>>("classSizes");  // empty: CoLA
    QTest::addColumn<double>("ratio");
    QTest::newRow("CoLA 10 %") << QList<int>{} << 0.1;
    QTest::newRow("CoLA 33 %") << QList<int>{} << 0.33;
    QTest::newRow("unbalanced 10 %") << kUnbalanced << 0.1;
    QTest::newRow("unbalanced 37 %") << kUnbalanced << 0.37;
    QTest::newRow("unbalanced 1 %") << kUnbalanced << 0.01;
    // Every share is 0.6: six classes give one example each and four give none.
    QTest::newRow("ten equal classes") << QList<int>(10, 11) << 0.05;
}

void TestDatasetSplit::stratifiedKeepsClassShares() {
    QFETCH(QList<int>, classSizes);
    QFETCH(double, ratio);
    const Dataset data = classSizes.isEmpty() ? cola_ : withClassSizes(classSizes);
    const DatasetSplit split = splitTrainValidation(data, ratio, 5, true);
    const size_t total = data.examples.size();
    const size_t validation = split.validation.examples.size();
    QCOMPARE(validation, validationSize(total, ratio));

    const std::vector<size_t> whole = countClasses(data);
    const std::vector<size_t> held = countClasses(split.validation);
    QCOMPARE(held.size(), whole.size());
    for (size_t c = 0; c < whole.size(); ++c) {
        const double share = static_cast<double>(validation) * static_cast<double>(whole[c]) / static_cast<double>(total);
        QVERIFY2(std::abs(static_cast<double>(held[c]) - share) < 1.0,
                 qPrintable(QString("class %1: %2 held, share %3").arg(c).arg(held[c]).arg(share)));
    }
}

void TestDatasetSplit::partsKeepMetadataAndFileOrder() {
    Dataset data = withClassSizes(kUnbalanced);
    data.source = "somewhere.csv";
    data.hasPairs = true;
    const DatasetSplit split = splitTrainValidation(std::move(data), 0.3, 3, true);
    for (const Dataset* part : {&split.train, &split.validation}) {
        QCOMPARE(part->source, std::string("somewhere.csv"));
        QCOMPARE(part->labelNames, (std::vector<std::string>{"a", "b", "c", "d"}));
        QVERIFY(part->hasPairs);
        QVERIFY(std::is_sorted(part->examples.begin(), part->examples.end(),
                               [](const Example& a, const Example& b) { return a.line < b.line; }));
    }
}

QTEST_APPLESS_MAIN(TestDatasetSplit)
#include "tst_dataset_split.moc"
