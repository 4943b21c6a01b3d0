// importDataset(): the CoLA and AG News fixtures end to end, GLUE-style and
// generic files, label ordering and fixed label sets,
// skipped rows with their lines and reasons, and every error a user can provoke.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <map>

#include "common/errors.h"
#include "data/dataset_import.h"
#include "data/format_preset.h"
#include "data/label_set.h"
#include "fixtures.h"
#include "write_file.h"

using namespace bertbench;

namespace {

// The expected CoLA classes, counted without the code under test: every line
// of these files is `source TAB label TAB mark TAB sentence`.
std::vector<size_t> colaClassCounts(const std::string& path) {
    std::ifstream in(path);
    std::vector<size_t> counts(2, 0);
    for (std::string line; std::getline(in, line);) {
        const size_t first = line.find('\t');
        const std::string label = line.substr(first + 1, line.find('\t', first + 1) - first - 1);
        ++counts.at(label == "1" ? 1 : label == "0" ? 0 : 99);
    }
    return counts;
}

size_t lineCount(const std::string& path) {
    std::ifstream in(path);
    size_t count = 0;
    for (std::string line; std::getline(in, line);) ++count;
    return count;
}

ImportOptions cola() {
    ImportOptions options;
    options.format = DatasetFormat::Cola;
    return options;
}

ImportOptions agNews() {
    ImportOptions options;
    options.format = DatasetFormat::Csv;
    options.textColumn = ColumnRef::named("description");
    return options;
}

using Names = std::vector<std::string>;

}  // namespace

class TestDatasetImport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(dir_.isValid()); }
    void colaTrain();
    void colaFiles_data();
    void colaFiles();
    void agNewsDescription();
    void agNewsTitleWithDescriptionPair();
    void glueTsvWithHeader();
    void glueTsvPairColumns();
    void csvByIndexWithStringLabels();
    void labelOrder_data();
    void labelOrder();
    void headerWithBomAndSpaces();
    void multiLineFieldsKeepTrueLines();
    void skippedRowsReported();
    void skippedDetailsCapped();
    void colaLabelOutsidePresetSkipped();
    void fixedLabelSet_data();
    void fixedLabelSet();
    void unknownLabelAgainstFixedSet();
    void missingColumnListsHeader();
    void columnIndexBeyondHeader();
    void contradictoryColumns_data();
    void contradictoryColumns();
    void noUsableRows_data();
    void noUsableRows();
    void tooManyDistinctLabels();
    void progressAndCancel();
    void formatNames();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv") {
        return fixtures::writeFile(dir_, content, name);
    }
    QTemporaryDir dir_;
};

void TestDatasetImport::colaTrain() {
    const std::string path = fixtures::path("data/cola/in_domain_train.tsv");
    ImportReport report;
    const Dataset data = importDataset(path, cola(), &report);

    QCOMPARE(data.examples.size(), size_t{8551});
    QCOMPARE(data.labelNames, (Names{"unacceptable", "acceptable"}));
    QVERIFY(!data.hasPairs);
    QCOMPARE(data.source, path);
    QCOMPARE(report.rowsRead, size_t{8551});
    QCOMPARE(report.rowsLoaded, size_t{8551});
    QCOMPARE(report.rowsSkipped, size_t{0});
    QCOMPARE(report.classCounts, colaClassCounts(path));
    QCOMPARE(report.classCounts, (std::vector<size_t>{2528, 6023}));

    const Example& first = data.examples.front();
    QCOMPARE(first.text, std::string("Our friends won't buy this analysis, let alone the next one we propose."));
    QCOMPARE(first.label, 1);
    QCOMPARE(first.line, 1L);
    QVERIFY(first.textPair.empty());
    // Lines 3057-3058 hold quotes that are not CSV quoting.
    QCOMPARE(data.examples[3056].text, std::string("Susan whispered \"Shut up\"."));
    QCOMPARE(data.examples[3056].line, 3057L);
    QCOMPARE(data.examples.back().line, 8551L);
}

void TestDatasetImport::colaFiles_data() {
    QTest::addColumn<QString>("file");
    QTest::newRow("in-domain dev") << "data/cola/in_domain_dev.tsv";
    QTest::newRow("out-of-domain dev") << "data/cola/out_of_domain_dev.tsv";
}

void TestDatasetImport::colaFiles() {
    QFETCH(QString, file);
    const std::string path = fixtures::path(file.toStdString());
    ImportReport report;
    const Dataset data = importDataset(path, cola(), &report);
    QCOMPARE(data.examples.size(), lineCount(path));
    QCOMPARE(report.classCounts, colaClassCounts(path));
}

void TestDatasetImport::agNewsDescription() {
    ImportReport report;
    const Dataset data = importDataset(fixtures::path("data/agnews/test.csv"), agNews(), &report);
    QCOMPARE(data.examples.size(), size_t{7600});
    QCOMPARE(data.labelNames, (Names{"1", "2", "3", "4"}));
    QCOMPARE(report.classCounts, (std::vector<size_t>{1900, 1900, 1900, 1900}));
    QCOMPARE(report.rowsSkipped, size_t{0});
    QVERIFY(!data.hasPairs);

    QCOMPARE(data.examples[0].label, 2);  // raw 3 (Business)
    QCOMPARE(data.examples[0].line, 2L);
    QVERIFY(QString::fromStdString(data.examples[0].text).startsWith("Unions representing workers at Turner"));
    // A quoted field with commas and a backslash, read as Python's csv reads it.
    QVERIFY(QString::fromStdString(data.examples[1].text)
                .startsWith("SPACE.com - TORONTO, Canada -- A second\\team of rocketeers"));
    QVERIFY(!QString::fromStdString(data.examples[1].text).endsWith("\""));
    QCOMPARE(data.examples.back().line, 7601L);
}

void TestDatasetImport::agNewsTitleWithDescriptionPair() {
    ImportOptions options = agNews();
    options.textColumn = ColumnRef::named("title");
    options.textPairColumn = ColumnRef::named("description");
    const Dataset data = importDataset(fixtures::path("data/agnews/test.csv"), options);
    QVERIFY(data.hasPairs);
    QCOMPARE(data.examples.size(), size_t{7600});
    QCOMPARE(data.examples[0].text, std::string("Fears for T N pension after talks"));
    QVERIFY(QString::fromStdString(data.examples[0].textPair).startsWith("Unions representing"));
}

void TestDatasetImport::glueTsvWithHeader() {
    const auto path = write("sentence\tlabel\nit's \"great\"\t1\n\"bad\t0\n", "train.tsv");
    ImportOptions options;
    options.format = DatasetFormat::GlueTsv;
    const Dataset data = importDataset(path, options);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(data.labelNames, (Names{"0", "1"}));
    QCOMPARE(data.examples[0].text, std::string("it's \"great\""));
    QCOMPARE(data.examples[0].label, 1);
    QCOMPARE(data.examples[1].text, std::string("\"bad"));
    QCOMPARE(data.examples[1].line, 3L);
}

void TestDatasetImport::glueTsvPairColumns() {
    const auto path = write("Quality\t#1 ID\t#2 ID\t#1 String\t#2 String\n"
                            "1\t11\t12\tHe said so.\tHe said that.\n"
                            "0\t13\t14\tA cat.\tA dog.\n",
                            "mrpc.tsv");
    ImportOptions options;
    options.format = DatasetFormat::GlueTsv;
    options.textColumn = ColumnRef::named("#1 String");
    options.textPairColumn = ColumnRef::named("#2 String");
    options.labelColumn = ColumnRef::named("Quality");
    const Dataset data = importDataset(path, options);
    QVERIFY(data.hasPairs);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(data.examples[1].text, std::string("A cat."));
    QCOMPARE(data.examples[1].textPair, std::string("A dog."));
    QCOMPARE(data.examples[1].label, 0);
}

void TestDatasetImport::csvByIndexWithStringLabels() {
    const auto path = write("7,pos,\"good, really\"\n8,neg,awful\n9,pos,fine\n");
    ImportOptions options;
    options.header = false;
    options.textColumn = ColumnRef::at(2);
    options.labelColumn = ColumnRef::at(1);
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(data.labelNames, (Names{"neg", "pos"}));
    QCOMPARE(data.examples.size(), size_t{3});
    QCOMPARE(data.examples[0].text, std::string("good, really"));
    QCOMPARE(data.examples[0].label, 1);
    QCOMPARE(data.examples[1].label, 0);
    QCOMPARE(report.classCounts, (std::vector<size_t>{1, 2}));
}

void TestDatasetImport::labelOrder_data() {
    QTest::addColumn<QByteArray>("labels");  // one raw label per row, comma-free
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("ids");
    QTest::newRow("integers sort numerically") << QByteArray("10 9 2 9") << QStringList{"2", "9", "10"}
                                               << QList<int>{2, 1, 0, 1};
    QTest::newRow("negative integers") << QByteArray("1 -1 0") << QStringList{"-1", "0", "1"} << QList<int>{2, 0, 1};
    QTest::newRow("one integer, spelled twice") << QByteArray("01 1 +1 2") << QStringList{"1", "2"}
                                                << QList<int>{0, 0, 0, 1};
    QTest::newRow("strings sort by bytes") << QByteArray("world sports Business") << QStringList{"Business", "sports", "world"}
                                           << QList<int>{2, 1, 0};
    QTest::newRow("mixed sorts as strings") << QByteArray("10 2 x") << QStringList{"10", "2", "x"} << QList<int>{0, 1, 2};
    QTest::newRow("decimals are strings") << QByteArray("1.0 0.5") << QStringList{"0.5", "1.0"} << QList<int>{1, 0};
}

void TestDatasetImport::labelOrder() {
    QFETCH(QByteArray, labels);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, ids);
    QByteArray content = "text,label\n";
    for (const QByteArray& label : labels.split(' ')) content += "some text, " + label + "\n";
    Dataset data = importDataset(write(content), ImportOptions());
    // Padding around a label is not part of it.
    QStringList gotNames;
    for (const auto& name : data.labelNames) gotNames << QString::fromStdString(name);
    QCOMPARE(gotNames, names);
    QList<int> gotIds;
    for (const auto& example : data.examples) gotIds << example.label;
    QCOMPARE(gotIds, ids);
}

void TestDatasetImport::headerWithBomAndSpaces() {
    const auto path = write("\xEF\xBB\xBF text , label \r\nhello,1\r\n");
    const Dataset data = importDataset(path, ImportOptions());
    QCOMPARE(data.examples.size(), size_t{1});
    QCOMPARE(data.examples[0].text, std::string("hello"));
}

void TestDatasetImport::multiLineFieldsKeepTrueLines() {
    const auto path = write("label,text\n1,\"two\nlines\"\n0,\"three\n\nlines\"\n1,after\n");
    const Dataset data = importDataset(path, ImportOptions());
    QCOMPARE(data.examples.size(), size_t{3});
    QCOMPARE(data.examples[0].text, std::string("two\nlines"));
    QCOMPARE(data.examples[1].line, 4L);
    QCOMPARE(data.examples[2].line, 7L);
}

void TestDatasetImport::skippedRowsReported() {
    const auto path = write("label,text,extra\n"
                            "1,good\n"          // 2
                            "1\n"               // 3: too short
                            "0,   \n"           // 4: blank text
                            ",no label\n"       // 5
                            "\n"                // 6: blank line, not a row
                            "1,caf\xE9\n"       // 7: Latin-1, not UTF-8
                            "0,fine,x\n"        // 8
                            "\xFF\xFE,ok text\n");  // 9: a label that is not UTF-8
    ImportOptions options;
    options.skipBadRows = true;  // for line 3; without it that row fails the import (tst_skip_bad_rows)
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(report.rowsRead, size_t{7});
    QCOMPARE(report.rowsLoaded, size_t{2});
    QCOMPARE(report.rowsSkipped, size_t{5});
    QCOMPARE(report.blankLines, 1L);
    QCOMPARE(report.skipped.size(), size_t{5});
    const std::vector<std::pair<long, QString>> expected{
        {3, "only 1 column; missing the text column \"text\""},
        {4, "empty text"},
        {5, "empty label"},
        {7, "the text is not valid UTF-8"},
        {9, "the label is not valid UTF-8"},
    };
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(report.skipped[i].line, expected[i].first);
        QCOMPARE(QString::fromStdString(report.skipped[i].reason), expected[i].second);
    }
    QCOMPARE(data.examples[1].line, 8L);
}

void TestDatasetImport::skippedDetailsCapped() {
    QByteArray content = "text,label\nkept,1\n";
    for (int i = 0; i < 1500; ++i) content += ",1\n";
    ImportReport report;
    importDataset(write(content), ImportOptions(), &report);
    QCOMPARE(report.rowsSkipped, size_t{1500});
    QCOMPARE(report.skipped.size(), ImportReport::kMaxSkippedDetails);
    QCOMPARE(report.skipped.back().line, static_cast<long>(2 + ImportReport::kMaxSkippedDetails));
}

void TestDatasetImport::colaLabelOutsidePresetSkipped() {
    const auto path = write("a\t1\t\tFine.\nb\t2\t\tOdd label.\nc\t0\t*\tBad.\n", "cola.tsv");
    ImportReport report;
    const Dataset data = importDataset(path, cola(), &report);
    QCOMPARE(data.examples.size(), size_t{2});
    QCOMPARE(report.skipped.size(), size_t{1});
    QCOMPARE(report.skipped[0].line, 2L);
    QCOMPARE(QString::fromStdString(report.skipped[0].reason), QString("label \"2\" is not one of 0, 1"));
    QCOMPARE(report.classCounts, (std::vector<size_t>{1, 1}));
}

void TestDatasetImport::fixedLabelSet_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QStringList>("names");
    QTest::addColumn<QList<int>>("ids");
    const QByteArray colaRows = "a\t1\t\tYes.\nb\t0\t*\tNo.\n";
    const QByteArray csvRows = "text,label\nx,pos\ny,neg\nz,pos\n";
    const int colaFormat = static_cast<int>(DatasetFormat::Cola), csvFormat = static_cast<int>(DatasetFormat::Csv);
    QTest::newRow("CoLA, reference names") << colaFormat << colaRows << QStringList{"unacceptable", "acceptable"}
                                           << QList<int>{1, 0};
    QTest::newRow("CoLA, names in other order") << colaFormat << colaRows << QStringList{"acceptable", "unacceptable"}
                                                << QList<int>{0, 1};
    QTest::newRow("CoLA, transformers defaults") << colaFormat << colaRows << QStringList{"LABEL_0", "LABEL_1"}
                                                 << QList<int>{1, 0};
    QTest::newRow("CoLA, raw names") << colaFormat << colaRows << QStringList{"0", "1"} << QList<int>{1, 0};
    QTest::newRow("strings, model order kept") << csvFormat << csvRows << QStringList{"pos", "neg"} << QList<int>{0, 1, 0};
    QTest::newRow("label absent from the file") << csvFormat << csvRows << QStringList{"neg", "neutral", "pos"}
                                                << QList<int>{2, 0, 2};
}

void TestDatasetImport::fixedLabelSet() {
    QFETCH(int, format);
    QFETCH(QByteArray, content);
    QFETCH(QStringList, names);
    QFETCH(QList<int>, ids);
    ImportOptions options;
    options.format = static_cast<DatasetFormat>(format);
    for (const QString& name : names) options.labelNames.push_back(name.toStdString());
    ImportReport report;
    const Dataset data = importDataset(write(content), options, &report);
    QCOMPARE(data.labelNames, options.labelNames);
    QList<int> got;
    for (const auto& example : data.examples) got << example.label;
    QCOMPARE(got, ids);
    QCOMPARE(report.classCounts.size(), options.labelNames.size());
}

void TestDatasetImport::unknownLabelAgainstFixedSet() {
    const auto path = write("text,label\nx,a\ny,b\nz,c\n");
    ImportOptions options;
    options.labelNames = {"a", "b"};
    try {
        importDataset(path, options);
        QFAIL("a label outside the model's set was accepted");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QCOMPARE(e.line(), 4L);
        QCOMPARE(QString::fromStdString(e.problem()), QString("unknown label \"c\"; the model knows: a, b"));
    }
    // transformers' LABEL_k names accept integers only within range.
    options.labelNames = {"LABEL_0", "LABEL_1"};
    const auto numeric = write("text,label\nx,1\ny,2\n", "numeric.csv");
    QVERIFY_THROWS_EXCEPTION(FileError, importDataset(numeric, options));
}

void TestDatasetImport::missingColumnListsHeader() {
    ImportOptions options = agNews();
    options.textColumn = ColumnRef::named("body");
    try {
        importDataset(fixtures::path("data/agnews/test.csv"), options);
        QFAIL("a missing column was accepted");
    } catch (const FileError& e) {
        QCOMPARE(e.line(), 1L);
        QCOMPARE(QString::fromStdString(e.problem()),
                 QString("no text column \"body\"; the header has \"label\", \"title\", \"description\""));
    }
    // The generic CSV default is a "text" column, which AG News lacks.
    QVERIFY_THROWS_EXCEPTION(FileError, importDataset(fixtures::path("data/agnews/test.csv"), ImportOptions()));

    // A header of 100,000 columns, one of them a 10 MB name: the message quotes a bounded prefix.
    std::string wide = std::string(10 * 1024 * 1024, 'x');
    for (int i = 0; i < 100000; ++i) wide += ",c" + std::to_string(i);
    const auto path = write(QByteArray::fromStdString(wide + "\n1,2\n"));
    try {
        importDataset(path, ImportOptions());
        QFAIL("a missing column was accepted");
    } catch (const FileError& e) {
        const auto problem = QString::fromStdString(e.problem());
        QVERIFY2(problem.size() < 2000, qPrintable(problem.left(200)));
        QVERIFY2(problem.endsWith(QStringLiteral("and 99981 more")), qPrintable(problem.right(200)));
    }
}

void TestDatasetImport::columnIndexBeyondHeader() {
    ImportOptions options;
    options.textColumn = ColumnRef::at(5);
    try {
        importDataset(write("text,label\nx,1\n"), options);
        QFAIL("an index beyond the header was accepted");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains("5 (0-based) is beyond the header's 2 columns"), e.what());
    }
}

void TestDatasetImport::contradictoryColumns_data() {
    QTest::addColumn<int>("textIndex");
    QTest::addColumn<QString>("textName");
    QTest::addColumn<bool>("header");
    QTest::newRow("name without header") << -1 << "text" << false;
    QTest::newRow("name and index") << 0 << "text" << true;
    QTest::newRow("text is the label column") << -1 << "label" << true;
}

void TestDatasetImport::contradictoryColumns() {
    QFETCH(int, textIndex);
    QFETCH(QString, textName);
    QFETCH(bool, header);
    ImportOptions options;
    options.header = header;
    options.textColumn = {textName.toStdString(), textIndex};
    options.labelColumn = header ? ColumnRef::named("label") : ColumnRef::at(1);
    QVERIFY_THROWS_EXCEPTION(UsageError, importDataset(write("text,label\nx,1\n"), options));
}

void TestDatasetImport::noUsableRows_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QString>("problem");
    QTest::newRow("all rows skipped") << QByteArray("text,label\n,1\nx,\n")
                                      << "no usable rows; 2 skipped: first at line 2: empty text";
    QTest::newRow("header only") << QByteArray("text,label\n") << "no data rows after the header";
    QTest::newRow("empty file") << QByteArray("") << "the file is empty; a header row was expected";
    QTest::newRow("blank lines only") << QByteArray("\n\n") << "the file is empty; a header row was expected";
}

void TestDatasetImport::noUsableRows() {
    QFETCH(QByteArray, content);
    QFETCH(QString, problem);
    const std::string path = write(content);
    try {
        importDataset(path, ImportOptions());
        QFAIL("a file without usable rows was accepted");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QCOMPARE(QString::fromStdString(e.problem()), problem);
    }
}

void TestDatasetImport::tooManyDistinctLabels() {
    QByteArray content = "label,text\n";
    for (size_t i = 0; i <= LabelSet::kMaxDiscovered; ++i) content += "x" + QByteArray::number(qulonglong(i)) + ",text\n";
    ImportOptions options;
    try {
        importDataset(write(content), options);
        QFAIL("ten thousand labels were accepted");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains("distinct values; is it the right column?"), e.what());
        QCOMPARE(e.line(), static_cast<long>(LabelSet::kMaxDiscovered + 2));
    }
}

void TestDatasetImport::progressAndCancel() {
    const std::string path = fixtures::path("data/agnews/test.csv");  // ~2.4 MB: many buffer reads
    std::vector<double> fractions;
    ImportOptions options = agNews();
    options.progress = [&](double fraction) {
        fractions.push_back(fraction);
        return true;
    };
    importDataset(path, options);
    QVERIFY(fractions.size() > 2);
    QVERIFY(std::is_sorted(fractions.begin(), fractions.end()));
    QCOMPARE(fractions.back(), 1.0);

    options.progress = [](double fraction) { return fraction < 0.5; };
    QVERIFY_THROWS_EXCEPTION(OperationCancelled, importDataset(path, options));
}

void TestDatasetImport::formatNames() {
    for (DatasetFormat format : {DatasetFormat::Cola, DatasetFormat::GlueTsv, DatasetFormat::Csv, DatasetFormat::Tsv})
        QCOMPARE(parseFormatName(formatName(format)), std::optional<DatasetFormat>(format));
    QCOMPARE(parseFormatName("xlsx"), std::optional<DatasetFormat>());
}

QTEST_APPLESS_MAIN(TestDatasetImport)
#include "tst_dataset_import.moc"
