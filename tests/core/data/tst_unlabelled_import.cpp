// importDataset() without labels (ImportOptions::unlabelled), as masked-LM
// training reads files: only the text column is needed, label columns are
// never read, a fixed label set or a stratified split is refused.
#include <QTemporaryDir>
#include <QtTest>

#include "common/errors.h"
#include "data/dataset_import.h"
#include "data/dataset_split.h"
#include "write_file.h"

using namespace bertbench;

namespace {
ImportOptions cola() {
    ImportOptions options;
    options.format = DatasetFormat::Cola;
    return options;
}
}  // namespace

class TestUnlabelledImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void unlabelledCsvWithOnlyText();
    void unlabelledTsvWithoutHeader();
    void unlabelledIgnoresLabelColumns();
    void unlabelledRefusesALabelSet();
    void stratifiedSplitOfUnlabelledIsRefused();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv") {
        return fixtures::writeFile(dir_, content, name);
    }
    QTemporaryDir dir_;
};

void TestUnlabelledImport::unlabelledCsvWithOnlyText() {
    const auto path = write("text\nthe first sentence\n\"second, with a comma\"\n\n   \nthird\n", "text.csv");
    ImportOptions options;
    // A labelled import needs the "label" column this file lacks.
    QVERIFY_THROWS_EXCEPTION(FileError, importDataset(path, options));
    options.unlabelled = true;
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(data.examples.size(), size_t{3});
    QVERIFY(data.labelNames.empty());
    QCOMPARE(data.examples[1].text, std::string("second, with a comma"));
    QCOMPARE(data.examples[2].text, std::string("third"));
    QCOMPARE(data.examples[2].line, 6L);
    for (const Example& example : data.examples) QCOMPARE(example.label, 0);
    QCOMPARE(report.rowsLoaded, size_t{3});
    QCOMPARE(report.rowsSkipped, size_t{1});
    QCOMPARE(report.skipped.at(0).reason, std::string("empty text"));
    QVERIFY(report.classCounts.empty());
}

void TestUnlabelledImport::unlabelledTsvWithoutHeader() {
    const auto path = write("a sentence with \"quotes\"\nanother one\n", "plain.tsv");
    ImportOptions options;
    options.format = DatasetFormat::Tsv;
    options.header = false;
    options.textColumn = ColumnRef::at(0);
    // Labelled, the format's default label column (0) would be the text column.
    QVERIFY_THROWS_EXCEPTION(UsageError, importDataset(path, options));
    options.unlabelled = true;
    const Dataset data = importDataset(path, options);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(data.examples[0].text, std::string("a sentence with \"quotes\""));
    QCOMPARE(data.examples[1].line, 2L);
    QVERIFY(data.labelNames.empty());
}

void TestUnlabelledImport::unlabelledIgnoresLabelColumns() {
    // CoLA's label column holds values outside its preset's 0/1 and one row has
    // no label column at all: neither matters without labels.
    const auto path = write("src\t7\t*\tfirst\nsrc\t\t\tsecond\nshort\n", "cola.tsv");
    ImportOptions options = cola();
    options.unlabelled = true;
    options.labelColumn = ColumnRef::at(5);  // beyond every row: not read
    options.skipBadRows = true;              // the short row would fail the import otherwise
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(data.examples[1].text, std::string("second"));
    QVERIFY(data.labelNames.empty());
    QCOMPARE(report.rowsSkipped, size_t{1});
    QCOMPARE(report.skipped.at(0).line, 3L);
    QVERIFY2(QString::fromStdString(report.skipped.at(0).reason).contains("missing the text column"),
             report.skipped.at(0).reason.c_str());
}

void TestUnlabelledImport::unlabelledRefusesALabelSet() {
    ImportOptions options;
    options.unlabelled = true;
    options.labelNames = {"a", "b"};
    QVERIFY_THROWS_EXCEPTION(UsageError, importDataset(write("text\nx\n"), options));
}

void TestUnlabelledImport::stratifiedSplitOfUnlabelledIsRefused() {
    QByteArray content = "text\n";
    for (int i = 0; i < 20; ++i) content += "sentence number " + QByteArray::number(i) + "\n";
    ImportOptions options;
    options.unlabelled = true;
    const Dataset data = importDataset(write(content, "unlabelled.csv"), options);
    try {
        splitTrainValidation(data, 0.2, 2018, /*stratified=*/true);
        QFAIL("a stratified split of unlabelled data was accepted");
    } catch (const UsageError& e) {
        QVERIFY2(QString(e.what()).contains("unlabelled.csv has no labels"), e.what());
    }
    const DatasetSplit split = splitTrainValidation(data, 0.2);
    QCOMPARE(split.train.examples.size(), size_t{16});
    QCOMPARE(split.validation.examples.size(), size_t{4});
    QVERIFY(split.validation.labelNames.empty());
}

QTEST_APPLESS_MAIN(TestUnlabelledImport)
#include "tst_unlabelled_import.moc"
