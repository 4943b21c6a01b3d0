// guessColumns(): the AG News and CoLA fixtures read as the GUI's preview reads
// them (200 rows through DelimitedReader), header names in any case, content
// deciding for unknown names, ties, one column, and nothing to go on.
#include <QtTest>

#include "data/column_guess.h"
#include "data/delimited_reader.h"
#include "fixtures.h"

using namespace bertbench;

namespace {

using Rows = std::vector<std::vector<std::string>>;
using Names = std::vector<std::string>;

struct Sample {
    Names header;
    Rows rows;
};

// Up to 200 data rows of a fixture, and its header row when it has one.
Sample preview(const std::string& relative, DelimitedReaderOptions options, bool header) {
    DelimitedReader reader(fixtures::path(relative), std::move(options));
    DelimitedRecord record;
    Sample sample;
    if (header && reader.next(record)) sample.header = record.fields;
    while (sample.rows.size() < 200 && reader.next(record)) sample.rows.push_back(record.fields);
    return sample;
}

// `count` rows made by `row(i)`.
template <typename F>
Rows rowsOf(int count, F&& row) {
    Rows rows;
    for (int i = 0; i < count; ++i) rows.push_back(row(i));
    return rows;
}

std::string sentence(int i) {
    static const char* const kWords[] = {"the", "cat", "sat", "on", "a", "mat", "while", "it", "rained", "softly"};
    std::string out = "Sentence " + std::to_string(i);
    for (int k = 0; k < 3 + i % 5; ++k) out += std::string(" ") + kWords[(i * 7 + k) % 10];
    return out + ".";
}

}  // namespace

class TestColumnGuess : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void agNewsHeader();
    void colaRawRows();
    void reviewWithStars();
    void namesIgnoreCaseAndPadding();
    void earlierNamesWin();
    void unknownNamesLeaveItToContent_data();
    void unknownNamesLeaveItToContent();
    void labelByNameTextByContent();
    void tiesGoLeftmost();
    void idColumnIsNotTheText();
    void oneColumn();
    void nothingToGoOn();
};

void TestColumnGuess::agNewsHeader() {
    const Sample sample = preview("data/agnews/test.csv", {}, true);
    QCOMPARE(sample.header, (Names{"label", "title", "description"}));
    QCOMPARE(sample.rows.size(), size_t{200});
    const ColumnGuess guess = guessColumns(&sample.header, sample.rows);
    QCOMPARE(guess.label, 0);
    QCOMPARE(guess.text, 2);
    QCOMPARE(QString::fromStdString(guess.why),
             QString("text: \"description\" (by name); label: \"label\" (by name)"));
}

void TestColumnGuess::colaRawRows() {
    DelimitedReaderOptions tsv;
    tsv.delimiter = '\t';
    tsv.quoting = false;
    for (const char* file : {"data/cola/in_domain_train.tsv", "data/cola/out_of_domain_dev.tsv"}) {
        const Sample sample = preview(file, tsv, false);
        const ColumnGuess guess = guessColumns(nullptr, sample.rows);
        QVERIFY2(guess.label == 1 && guess.text == 3,
                 qPrintable(QString(file) + ": " + QString::fromStdString(guess.why)));
        QVERIFY2(QString::fromStdString(guess.why).contains("column 1 (by content: 2 distinct short integers)"),
                 guess.why.c_str());
    }
}

void TestColumnGuess::reviewWithStars() {
    const Names header{"id", "review", "stars"};
    const Rows rows = rowsOf(40, [](int i) {
        return std::vector<std::string>{std::to_string(1000 + i), sentence(i), std::to_string(1 + i % 5)};
    });
    const ColumnGuess guess = guessColumns(&header, rows);
    QCOMPARE(guess.text, 1);
    QCOMPARE(guess.label, 2);
    QCOMPARE(QString::fromStdString(guess.why),
             QString("text: \"review\" (by name); label: \"stars\" (by content: 5 distinct short integers)"));
}

void TestColumnGuess::namesIgnoreCaseAndPadding() {
    const Rows rows{{"A fine sentence.", "1"}, {"Another one.", "0"}};
    Names header{"sentence", "label"};
    ColumnGuess guess = guessColumns(&header, rows);
    QCOMPARE(guess.text, 0);
    QCOMPARE(guess.label, 1);
    header = {" LABEL ", "Sentence\t"};
    guess = guessColumns(&header, rows);
    QCOMPARE(guess.text, 1);
    QCOMPARE(guess.label, 0);
    QVERIFY2(QString::fromStdString(guess.why).contains("\"Sentence\" (by name)"), guess.why.c_str());
}

void TestColumnGuess::earlierNamesWin() {
    // QNLI has a question and a sentence; "sentence" comes first in the list.
    const Names qnli{"index", "question", "sentence", "label"};
    ColumnGuess guess = guessColumns(&qnli, {});
    QCOMPARE(guess.text, 2);
    QCOMPARE(guess.label, 3);
    const Names mnli{"pairID", "sentence1", "sentence2", "gold_label"};
    guess = guessColumns(&mnli, {});
    QCOMPARE(guess.text, 1);
    QCOMPARE(guess.label, 3);
    const Names both{"y", "category"};  // "category" comes before "y"
    QCOMPARE(guessColumns(&both, {}).label, 1);
}

void TestColumnGuess::unknownNamesLeaveItToContent_data() {
    QTest::addColumn<bool>("labelFirst");
    QTest::addColumn<bool>("withHeader");
    QTest::newRow("a,b: label, text") << true << true;
    QTest::newRow("a,b: text, label") << false << true;
    QTest::newRow("no header: label, text") << true << false;
}

void TestColumnGuess::unknownNamesLeaveItToContent() {
    QFETCH(bool, labelFirst);
    QFETCH(bool, withHeader);
    const Names header{"a", "b"};
    const Rows rows = rowsOf(30, [labelFirst](int i) {
        const std::string label = i % 3 ? "positive" : "negative";
        return labelFirst ? std::vector<std::string>{label, sentence(i)} : std::vector<std::string>{sentence(i), label};
    });
    const ColumnGuess guess = guessColumns(withHeader ? &header : nullptr, rows);
    QCOMPARE(guess.label, labelFirst ? 0 : 1);
    QCOMPARE(guess.text, labelFirst ? 1 : 0);
    QVERIFY2(QString::fromStdString(guess.why).contains("(by content: 2 distinct short words)"), guess.why.c_str());
}

void TestColumnGuess::labelByNameTextByContent() {
    const Names header{"topic", "headline", "summary"};
    const Rows rows = rowsOf(20, [](int i) {
        return std::vector<std::string>{"Sci/Tech", "Short " + std::to_string(i), sentence(i) + " " + sentence(i + 1)};
    });
    const ColumnGuess guess = guessColumns(&header, rows);
    QCOMPARE(guess.label, 0);
    QCOMPARE(guess.text, 2);
    QVERIFY2(QString::fromStdString(guess.why).startsWith("text: \"summary\" (by content: the longest distinct values"),
             guess.why.c_str());
}

void TestColumnGuess::tiesGoLeftmost() {
    // Two label-like columns and two texts of the same lengths.
    const Rows rows = rowsOf(10, [](int i) {
        const std::string label = std::to_string(i % 2);
        return std::vector<std::string>{label, label, "text number " + std::to_string(i),
                                        "copy number " + std::to_string(i)};
    });
    const ColumnGuess guess = guessColumns(nullptr, rows);
    QCOMPARE(guess.label, 0);
    QCOMPARE(guess.text, 2);
    // A constant column gives way to one with two values.
    const Rows constant = rowsOf(10, [](int i) {
        return std::vector<std::string>{"gj04", i % 2 ? "yes" : "no", sentence(i)};
    });
    QCOMPARE(guessColumns(nullptr, constant).label, 1);
}

void TestColumnGuess::idColumnIsNotTheText() {
    // Long distinct ids, short texts: ids are numbers, the text is not.
    const Rows rows = rowsOf(10, [](int i) {
        return std::vector<std::string>{std::to_string(123456789012LL + i), "ok " + std::to_string(i), "x"};
    });
    const ColumnGuess guess = guessColumns(nullptr, rows);
    QCOMPARE(guess.text, 1);
    QCOMPARE(guess.label, 2);
}

void TestColumnGuess::oneColumn() {
    const Rows rows{{"only text"}, {"more text"}};
    ColumnGuess guess = guessColumns(nullptr, rows);
    QCOMPARE(guess.text, 0);
    QCOMPARE(guess.label, -1);
    const Names header{"label"};
    guess = guessColumns(&header, {});
    QCOMPARE(guess.text, 0);
    QCOMPARE(guess.label, -1);
    QCOMPARE(QString::fromStdString(guess.why), QString("one column: the text, no label"));
}

void TestColumnGuess::nothingToGoOn() {
    ColumnGuess guess = guessColumns(nullptr, {});
    QCOMPARE(guess.text, -1);
    QCOMPARE(guess.label, -1);
    QCOMPARE(QString::fromStdString(guess.why), QString("no columns to guess from"));

    const Names unknown{"a", "b"};
    guess = guessColumns(&unknown, {});
    QCOMPARE(guess.text, -1);
    QCOMPARE(guess.label, -1);
    QCOMPARE(QString::fromStdString(guess.why),
             QString("text: none (no rows to guess from); label: none (no rows to guess from)"));

    const Names named{"text", "label"};
    guess = guessColumns(&named, {});
    QCOMPARE(guess.text, 0);
    QCOMPARE(guess.label, 1);

    // Texts all distinct but nothing label-like: a text and no label.
    const Rows texts = rowsOf(10, [](int i) { return std::vector<std::string>{sentence(i), sentence(i + 100)}; });
    guess = guessColumns(nullptr, texts);
    QCOMPARE(guess.label, -1);
    QVERIFY(guess.text == 0 || guess.text == 1);
    QVERIFY2(QString::fromStdString(guess.why).endsWith("label: none (no column with few distinct short values)"),
             guess.why.c_str());

    // Empty cells only.
    guess = guessColumns(nullptr, Rows{{"", ""}, {"", " "}});
    QCOMPARE(guess.text, -1);
    QCOMPARE(guess.label, -1);
}

QTEST_APPLESS_MAIN(TestColumnGuess)
#include "tst_column_guess.moc"
