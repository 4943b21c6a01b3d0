// computeTokenLengthStats(): CoLA with the uncased vocabulary checked against
// lengths measured independently through encode(), exact order statistics on
// a hand-made dataset, pairs, and the edge cases.
#include <QtTest>

#include <algorithm>
#include <numeric>
#include <optional>

#include "common/errors.h"
#include "data/dataset_import.h"
#include "data/token_length_stats.h"
#include "tokenizer/bert_tokenizer.h"
#include "fixtures.h"

using namespace bertbench;

namespace {
Dataset datasetOf(const std::vector<std::string>& texts) {
    Dataset data;
    for (const auto& text : texts) data.examples.push_back({text, {}, 0, 0});
    return data;
}
}  // namespace

class TestTokenLengthStats : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void colaMatchesEncode();
    void exactOrderStatistics_data();
    void exactOrderStatistics();
    void pairsCountBothTextsAndThreeSpecials();
    void emptyDataset();
    void zeroBucketWidth();
    void progressAndCancel();

private:
    std::optional<BertTokenizer> tokenizer_;
};

void TestTokenLengthStats::initTestCase() {
    tokenizer_ = BertTokenizer::fromFile(fixtures::path("reference/vocab/bert-base-uncased-vocab.txt"), {});
}

void TestTokenLengthStats::colaMatchesEncode() {
    ImportOptions options;
    options.format = DatasetFormat::Cola;
    const Dataset cola = importDataset(fixtures::path("data/cola/in_domain_train.tsv"), options);
    TokenLengthOptions statsOptions;
    statsOptions.maxLength = 16;  // short enough that some sentences are truncated
    const TokenLengthStats stats = computeTokenLengthStats(cola, *tokenizer_, statsOptions);

    std::vector<size_t> lengths;
    for (const auto& example : cola.examples) lengths.push_back(tokenizer_->encode(example.text).untruncatedLength);
    std::sort(lengths.begin(), lengths.end());
    const auto truncated = std::count_if(lengths.begin(), lengths.end(), [](size_t n) { return n > 16; });

    QCOMPARE(stats.count, size_t{8551});
    QCOMPARE(stats.min, lengths.front());
    QCOMPARE(stats.max, lengths.back());
    QVERIFY(stats.min >= 3);
    QVERIFY2(stats.mean > 8 && stats.mean < 15, qPrintable(QString::number(stats.mean)));
    QCOMPARE(stats.mean, std::accumulate(lengths.begin(), lengths.end(), 0.0) / 8551.0);
    QCOMPARE(stats.median, static_cast<double>(lengths[8551 / 2]));
    QCOMPARE(stats.percentile95, lengths[(95 * 8551 + 99) / 100 - 1]);
    QCOMPARE(stats.truncated, static_cast<size_t>(truncated));
    QVERIFY(stats.truncated > 0);
    QCOMPARE(stats.maxLength, size_t{16});
    QCOMPARE(stats.bucketWidth, size_t{8});
    QCOMPARE(stats.histogram.size(), stats.max / 8 + 1);
    QCOMPARE(std::accumulate(stats.histogram.begin(), stats.histogram.end(), size_t{0}), stats.count);
    QCOMPARE(stats.histogram[0], static_cast<size_t>(std::count_if(lengths.begin(), lengths.end(), [](size_t n) { return n < 8; })));
    QVERIFY(stats.histogram.back() > 0);

    // Told again for another max length from the exact counts, as the Data page
    // does when the training max length changes: the same as measuring again.
    auto retold = stats;
    for (size_t limit : {size_t{8}, size_t{12}, size_t{64}, stats.max, size_t{0}}) {
        retold.setMaxLength(limit);
        const auto expected = limit == 0 ? 0 : std::count_if(lengths.begin(), lengths.end(), [&](size_t n) { return n > limit; });
        QCOMPARE(retold.truncated, static_cast<size_t>(expected));
        QCOMPARE(retold.maxLength, limit);
    }
}

// Texts of n single-wordpiece words measure n + 2.
void TestTokenLengthStats::exactOrderStatistics_data() {
    QTest::addColumn<QList<int>>("words");
    QTest::addColumn<double>("median");
    QTest::addColumn<int>("percentile95");
    QTest::addColumn<QList<int>>("histogram");  // width 4
    QTest::newRow("odd count") << QList<int>{1, 5, 3} << 5.0 << 7 << QList<int>{1, 2};
    QTest::newRow("even count") << QList<int>{1, 2, 3, 10} << 4.5 << 12 << QList<int>{1, 2, 0, 1};
    QTest::newRow("single") << QList<int>{0} << 2.0 << 2 << QList<int>{1};
    QList<int> twenty;
    for (int i = 1; i <= 20; ++i) twenty << i;  // lengths 3..22: nearest rank 19 of 20 is 21
    QTest::newRow("twenty") << twenty << 12.5 << 21 << QList<int>{1, 4, 4, 4, 4, 3};
}

void TestTokenLengthStats::exactOrderStatistics() {
    QFETCH(QList<int>, words);
    QFETCH(double, median);
    QFETCH(int, percentile95);
    QFETCH(QList<int>, histogram);
    std::vector<std::string> texts;
    for (int n : words) {
        std::string text;
        for (int k = 0; k < n; ++k) text += "the ";
        texts.push_back(text);
    }
    TokenLengthOptions options;
    options.bucketWidth = 4;
    options.maxLength = 0;  // no limit: nothing counts as truncated
    const TokenLengthStats stats = computeTokenLengthStats(datasetOf(texts), *tokenizer_, options);
    QCOMPARE(stats.min, static_cast<size_t>(*std::min_element(words.begin(), words.end()) + 2));
    QCOMPARE(stats.max, static_cast<size_t>(*std::max_element(words.begin(), words.end()) + 2));
    QCOMPARE(stats.median, median);
    QCOMPARE(stats.percentile95, static_cast<size_t>(percentile95));
    QCOMPARE(stats.truncated, size_t{0});
    QList<int> gotHistogram;
    for (size_t count : stats.histogram) gotHistogram << static_cast<int>(count);
    QCOMPARE(gotHistogram, histogram);
}

void TestTokenLengthStats::pairsCountBothTextsAndThreeSpecials() {
    Dataset data;
    data.hasPairs = true;
    data.examples = {{"The cat sat.", "A dog barked loudly.", 0, 1}, {"Hello", "world", 1, 2}};
    TokenLengthOptions options;
    options.maxLength = 8;
    const TokenLengthStats stats = computeTokenLengthStats(data, *tokenizer_, options);
    const size_t first = tokenizer_->encodePair("The cat sat.", "A dog barked loudly.").untruncatedLength;
    QCOMPARE(first, size_t{12});  // [CLS] the cat sat . [SEP] a dog barked loudly . [SEP]
    QCOMPARE(stats.max, first);
    QCOMPARE(stats.min, tokenizer_->encodePair("Hello", "world").untruncatedLength);
    QCOMPARE(stats.min, size_t{5});
    QCOMPARE(stats.truncated, size_t{1});
}

void TestTokenLengthStats::emptyDataset() {
    const TokenLengthStats stats = computeTokenLengthStats(Dataset(), *tokenizer_);
    QCOMPARE(stats.count, size_t{0});
    QVERIFY(stats.histogram.empty());
    QCOMPARE(stats.maxLength, size_t{128});
}

void TestTokenLengthStats::zeroBucketWidth() {
    TokenLengthOptions options;
    options.bucketWidth = 0;
    QVERIFY_THROWS_EXCEPTION(UsageError, computeTokenLengthStats(datasetOf({"a"}), *tokenizer_, options));
}

void TestTokenLengthStats::progressAndCancel() {
    const Dataset data = datasetOf(std::vector<std::string>(5000, "a short sentence"));
    std::vector<double> fractions;
    TokenLengthOptions options;
    options.progress = [&](double fraction) {
        fractions.push_back(fraction);
        return true;
    };
    QCOMPARE(computeTokenLengthStats(data, *tokenizer_, options).count, size_t{5000});
    QVERIFY(fractions.size() >= 5);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);

    options.progress = [](double fraction) { return fraction < 0.3; };
    QVERIFY_THROWS_EXCEPTION(OperationCancelled, computeTokenLengthStats(data, *tokenizer_, options));
}

QTEST_APPLESS_MAIN(TestTokenLengthStats)
#include "tst_token_length_stats.moc"
