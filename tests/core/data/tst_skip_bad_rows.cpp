// importDataset() and malformed rows (ImportOptions::skipBadRows): each kind (a
// stray character after a closing quote, a quote never closed, too few columns,
// more columns than the header) fails the import at its line by default, and
// with the option is listed with that line while the rows after it load with
// their true lines; CRLF files, a bad last line without a newline, a bad header,
// and an AG News file with bad rows spliced in.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

#include "common/errors.h"
#include "data/dataset_import.h"
#include "fixtures.h"
#include "write_file.h"

using namespace bertbench;

namespace {

const QString kHint = QStringLiteral("; turn on skip bad rows (--skip-bad-rows) to import the rest and list such rows");
const QString kStray = QStringLiteral(
    "unexpected character after a closing quote (a quote inside a quoted field must be doubled: \"\")");
const QString kUnclosed = QStringLiteral("a quoted field starting on this line is never closed");

ImportOptions withFormat(DatasetFormat format, bool skipBadRows = false) {
    ImportOptions options;
    options.format = format;
    options.skipBadRows = skipBadRows;
    return options;
}

QList<int> exampleLines(const Dataset& data) {
    QList<int> lines;
    for (const Example& example : data.examples) lines << static_cast<int>(example.line);
    return lines;
}

}  // namespace

class TestSkipBadRows : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(dir_.isValid()); }
    void malformedRow_data();
    void malformedRow();
    void everyKindInOneCrlfFile();
    void contentSkipsInBothModes();
    void onlyBadRowsLeaveNoUsableRows();
    void malformedHeaderFailsInBothModes();
    void agNewsWithBadRowsSplicedIn();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv") {
        return fixtures::writeFile(dir_, content, name);
    }
    QTemporaryDir dir_;
};

void TestSkipBadRows::malformedRow_data() {
    QTest::addColumn<int>("format");
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");             // of the bad row
    QTest::addColumn<QString>("reason");       // the error's problem without the hint, and the skip's reason
    QTest::addColumn<QList<int>>("loaded");    // example lines with skipBadRows
    const int csv = static_cast<int>(DatasetFormat::Csv), cola = static_cast<int>(DatasetFormat::Cola),
              glue = static_cast<int>(DatasetFormat::GlueTsv);

    QTest::newRow("stray after a closing quote") << csv << QByteArray("text,label\nok,1\n\"a\"b,0\nfine,1\n") << 3
                                                 << kStray << QList<int>{2, 4};
    QTest::newRow("quote never closed") << csv << QByteArray("text,label\nok,1\n\"open,0\nfine,1\nlast,0\n") << 3
                                        << kUnclosed << QList<int>{2, 4, 5};
    QTest::newRow("too few columns") << csv << QByteArray("text,label\nok,1\nshort\nfine,1\n") << 3
                                     << "only 1 column; missing the label column \"label\"" << QList<int>{2, 4};
    QTest::newRow("more columns than the header")
        << csv << QByteArray("text,label\nok,1\nhello, world,1\nfine,1\n") << 3
        << "3 columns, more than the header's 2 (is there an unquoted delimiter in a text?)" << QList<int>{2, 4};
    QTest::newRow("tab inside a GLUE sentence")
        << glue << QByteArray("sentence\tlabel\nok\t1\nan\textra tab\t0\nfine\t0\n") << 3
        << "3 columns, more than the header's 2 (is there an unquoted delimiter in a text?)" << QList<int>{2, 4};
    QTest::newRow("short CoLA row, no header")
        << cola << QByteArray("a\t1\t\tFine.\nb\t0\n\nc\t1\t\tAlso fine.\n") << 2
        << "only 2 columns; missing the text column 3 (0-based)" << QList<int>{1, 4};
    QTest::newRow("CRLF, quote never closed") << csv << QByteArray("text,label\r\nok,1\r\n\"open,0\r\nfine,1\r\n") << 3
                                              << kUnclosed << QList<int>{2, 4};
    QTest::newRow("unclosed last line, no newline") << csv << QByteArray("text,label\nok,1\n\"abc,1") << 3 << kUnclosed
                                                    << QList<int>{2};
    QTest::newRow("stray on the last line, no newline") << csv << QByteArray("text,label\nok,1\n\"abc\"d,1") << 3
                                                        << kStray << QList<int>{2};
    QTest::newRow("short last line, no newline") << csv << QByteArray("text,label\nok,1\nshort") << 3
                                                 << "only 1 column; missing the label column \"label\""
                                                 << QList<int>{2};
    QTest::newRow("after a multi-line field") << csv << QByteArray("text,label\n\"two\nlines\",1\nx,1,2\nok,0\n") << 4
                                              << "3 columns, more than the header's 2 (is there an unquoted delimiter "
                                                 "in a text?)"
                                              << QList<int>{2, 5};
}

void TestSkipBadRows::malformedRow() {
    QFETCH(int, format);
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, reason);
    QFETCH(QList<int>, loaded);
    const std::string path = write(content);

    try {
        importDataset(path, withFormat(static_cast<DatasetFormat>(format)));
        QFAIL("a malformed row was accepted by default");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QCOMPARE(e.line(), static_cast<long>(line));
        QCOMPARE(QString::fromStdString(e.problem()), reason + kHint);
        QVERIFY(QString(e.what()).startsWith(QString::fromStdString(path + ":" + std::to_string(line) + ": ")));
    }

    ImportReport report;
    const Dataset data = importDataset(path, withFormat(static_cast<DatasetFormat>(format), true), &report);
    QCOMPARE(exampleLines(data), loaded);
    QCOMPARE(report.rowsSkipped, size_t{1});
    QCOMPARE(report.rowsLoaded, static_cast<size_t>(loaded.size()));
    QCOMPARE(report.rowsRead, report.rowsLoaded + report.rowsSkipped);
    QCOMPARE(report.skipped.size(), size_t{1});
    QCOMPARE(report.skipped[0].line, static_cast<long>(line));
    QCOMPARE(QString::fromStdString(report.skipped[0].reason), reason);
}

void TestSkipBadRows::everyKindInOneCrlfFile() {
    const auto path = write("text,label\r\n"         // 1
                            "ok,1\r\n"               // 2
                            "\"a\"b,0\r\n"           // 3: stray
                            "short\r\n"              // 4: too few
                            "x,1,extra\r\n"          // 5: too many
                            "\"multi\r\nline\",1\r\n"  // 6-7: fine, two lines
                            "\"unclosed,1\r\n"       // 8: never closed
                            "after,0\r\n"            // 9
                            "\r\n"                   // 10: blank
                            "last,1\r\n"             // 11
                            "tail");                 // 12: too few, no newline
    ImportOptions options;
    options.skipBadRows = true;
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(exampleLines(data), (QList<int>{2, 6, 9, 11}));
    QCOMPARE(data.examples[1].text, std::string("multi\r\nline"));
    QCOMPARE(data.examples[2].text, std::string("after"));
    QCOMPARE(report.rowsRead, size_t{9});
    QCOMPARE(report.rowsSkipped, size_t{5});
    QCOMPARE(report.blankLines, 1L);
    const std::vector<std::pair<long, QString>> expected{
        {3, kStray},
        {4, "only 1 column; missing the label column \"label\""},
        {5, "3 columns, more than the header's 2 (is there an unquoted delimiter in a text?)"},
        {8, kUnclosed},  // no quote after it, so the field ran to the end of the file
        {12, "only 1 column; missing the label column \"label\""},
    };
    QCOMPARE(report.skipped.size(), expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        QCOMPARE(report.skipped[i].line, expected[i].first);
        QCOMPARE(QString::fromStdString(report.skipped[i].reason), expected[i].second);
    }

    // Without the option the first of them stops the import.
    try {
        importDataset(path, ImportOptions());
        QFAIL("a malformed row was accepted by default");
    } catch (const FileError& e) {
        QCOMPARE(e.line(), 3L);
    }
}

void TestSkipBadRows::contentSkipsInBothModes() {
    const auto path = write("text,label\n,1\nok,1\n  ,0\n");
    for (bool skipBadRows : {false, true}) {
        ImportOptions options;
        options.skipBadRows = skipBadRows;
        ImportReport report;
        const Dataset data = importDataset(path, options, &report);
        QCOMPARE(exampleLines(data), (QList<int>{3}));
        QCOMPARE(report.skipped.size(), size_t{2});
        QCOMPARE(report.skipped[0].reason, std::string("empty text"));
        QCOMPARE(report.skipped[1].line, 4L);
    }
}

void TestSkipBadRows::onlyBadRowsLeaveNoUsableRows() {
    const auto path = write("text,label\nshort\n\"a\"b,1\n");
    ImportOptions options;
    options.skipBadRows = true;
    try {
        importDataset(path, options);
        QFAIL("a file of bad rows was accepted");
    } catch (const FileError& e) {
        QCOMPARE(QString::fromStdString(e.problem()), QString("no usable rows; 2 skipped: first at line 2: only 1 "
                                                              "column; missing the label column \"label\""));
    }
}

void TestSkipBadRows::malformedHeaderFailsInBothModes() {
    const auto path = write("\"text\"x,label\nok,1\n");
    for (bool skipBadRows : {false, true}) {
        ImportOptions options;
        options.skipBadRows = skipBadRows;
        try {
            importDataset(path, options);
            QFAIL("a malformed header was accepted");
        } catch (const FileError& e) {
            QCOMPARE(e.line(), 1L);
            QCOMPARE(QString::fromStdString(e.problem()), kStray);  // no hint: skipping cannot help
        }
    }
}

// The AG News test file with a stray quote at line 3001 and a short row at
// line 6001: 7600 examples still, and every line after them true.
void TestSkipBadRows::agNewsWithBadRowsSplicedIn() {
    std::ifstream in(fixtures::path("data/agnews/test.csv"), std::ios::binary);
    QByteArray content;
    long line = 0;
    for (std::string text; std::getline(in, text);) {
        ++line;
        if (line == 3001) content += "3,\"A title\" with more,and a description\n";
        if (line == 6000) content += "4\n";
        content += QByteArray::fromStdString(text) + "\n";
    }
    QCOMPARE(line, 7601L);
    ImportOptions options;
    options.textColumn = ColumnRef::named("description");
    const auto path = write(content, "agnews.csv");
    QVERIFY_THROWS_EXCEPTION(FileError, importDataset(path, options));

    options.skipBadRows = true;
    ImportReport report;
    const Dataset data = importDataset(path, options, &report);
    QCOMPARE(data.examples.size(), size_t{7600});
    QCOMPARE(report.classCounts, (std::vector<size_t>{1900, 1900, 1900, 1900}));
    QCOMPARE(report.skipped.size(), size_t{2});
    QCOMPARE(report.skipped[0].line, 3001L);
    QCOMPARE(QString::fromStdString(report.skipped[0].reason), kStray);
    QCOMPARE(report.skipped[1].line, 6001L);
    QCOMPARE(data.examples[2998].line, 3000L);
    QCOMPARE(data.examples[2999].line, 3002L);
    QCOMPARE(data.examples[5997].line, 6000L);
    QCOMPARE(data.examples[5998].line, 6002L);
    QCOMPARE(data.examples.back().line, 7603L);
}

QTEST_APPLESS_MAIN(TestSkipBadRows)
#include "tst_skip_bad_rows.moc"
