// DelimitedReader: RFC 4180 quoting, line ends, byte order mark, blank lines,
// TSV with literal quotes, records straddling buffer refills, errors with the
// right line, recovery from them (recoverFromErrors), and progress with
// cancellation.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <random>

#include "common/errors.h"
#include "data/delimited_reader.h"
#include "write_file.h"

using namespace bertbench;

namespace {

struct Records {
    QList<QStringList> fields;
    QList<int> lines;
};

// A malformed record (recoverFromErrors) reads as one field, "!unclosed" or "!stray".
Records readAll(const std::string& path, DelimitedReaderOptions options = {}) {
    DelimitedReader reader(path, std::move(options));
    Records out;
    DelimitedRecord record;
    while (reader.next(record)) {
        QStringList fields;
        for (const auto& field : record.fields) fields << QString::fromStdString(field);
        if (!record.error.empty()) {
            if (!record.fields.empty()) fields << "fields beside an error";
            fields << (record.error.find("never closed") != std::string::npos ? "!unclosed" : "!stray");
        }
        out.fields << fields;
        out.lines << static_cast<int>(record.line);
    }
    return out;
}

DelimitedReaderOptions tsv() {
    DelimitedReaderOptions options;
    options.delimiter = '\t';
    options.quoting = false;
    return options;
}

// A CSV field as a careful writer would quote it.
std::string csvQuoted(const std::string& field) {
    if (field.find_first_of(",\"\r\n") == std::string::npos) return field;
    std::string out = "\"";
    for (char c : field) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

}  // namespace

class TestDelimitedReader : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void init() { QVERIFY(dir_.isValid()); }
    void csvRecords_data();
    void csvRecords();
    void tsvKeepsQuotesLiteral();
    void otherDelimiter();
    void recordsAcrossBufferRefills();
    void reusesRecordStorage();
    void countsBlankLines();
    void malformedQuoting_data();
    void malformedQuoting();
    void recoversFromMalformedQuoting_data();
    void recoversFromMalformedQuoting();
    void recoveryAcrossBufferRefills();
    void missingFile();
    void impossibleDelimiters();
    void progressReachesTotal();
    void progressCancels();

private:
    std::string write(const QByteArray& content, const char* name = "data.csv") {
        return fixtures::writeFile(dir_, content, name);
    }
    QTemporaryDir dir_;
};

void TestDelimitedReader::csvRecords_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::addColumn<QList<int>>("lines");

    QTest::newRow("plain") << QByteArray("a,b,c\nd,e,f\n") << QList<QStringList>{{"a", "b", "c"}, {"d", "e", "f"}}
                           << QList<int>{1, 2};
    QTest::newRow("quoted fields") << QByteArray("\"a\",\"b c\",d\n") << QList<QStringList>{{"a", "b c", "d"}}
                                   << QList<int>{1};
    QTest::newRow("doubled quotes") << QByteArray("\"say \"\"hi\"\"\",\"\"\"\"\n")
                                    << QList<QStringList>{{"say \"hi\"", "\""}} << QList<int>{1};
    QTest::newRow("embedded delimiter") << QByteArray("\"a,b\",c\nd,e\n") << QList<QStringList>{{"a,b", "c"}, {"d", "e"}}
                                        << QList<int>{1, 2};
    QTest::newRow("embedded newlines") << QByteArray("\"one\ntwo\nthree\",x\nnext,y\n")
                                       << QList<QStringList>{{"one\ntwo\nthree", "x"}, {"next", "y"}} << QList<int>{1, 4};
    QTest::newRow("embedded CRLF kept") << QByteArray("\"a\r\nb\",x\r\nc,d\r\n")
                                        << QList<QStringList>{{"a\r\nb", "x"}, {"c", "d"}} << QList<int>{1, 3};
    QTest::newRow("CRLF") << QByteArray("a,b\r\nc,d\r\n") << QList<QStringList>{{"a", "b"}, {"c", "d"}}
                          << QList<int>{1, 2};
    QTest::newRow("lone CR") << QByteArray("a,b\rc,d\r") << QList<QStringList>{{"a", "b"}, {"c", "d"}} << QList<int>{1, 2};
    QTest::newRow("byte order mark") << QByteArray("\xEF\xBB\xBFh1,h2\nx,y\n") << QList<QStringList>{{"h1", "h2"}, {"x", "y"}}
                                     << QList<int>{1, 2};
    QTest::newRow("BOM before a quote") << QByteArray("\xEF\xBB\xBF\"h\",i\n") << QList<QStringList>{{"h", "i"}}
                                        << QList<int>{1};
    QTest::newRow("blank lines") << QByteArray("\n\na\n\n\r\nb\n\n") << QList<QStringList>{{"a"}, {"b"}}
                                 << QList<int>{3, 6};
    QTest::newRow("no final newline") << QByteArray("a,b\nc,d") << QList<QStringList>{{"a", "b"}, {"c", "d"}}
                                      << QList<int>{1, 2};
    QTest::newRow("quoted field at end of file") << QByteArray("a,\"b\"") << QList<QStringList>{{"a", "b"}} << QList<int>{1};
    QTest::newRow("empty fields") << QByteArray(",,\n") << QList<QStringList>{{"", "", ""}} << QList<int>{1};
    QTest::newRow("delimiter at end of file") << QByteArray("a,") << QList<QStringList>{{"a", ""}} << QList<int>{1};
    QTest::newRow("empty quoted field") << QByteArray("\"\",x\n") << QList<QStringList>{{"", "x"}} << QList<int>{1};
    QTest::newRow("quote inside unquoted field") << QByteArray("ab\"c,5 \"in\"\n")
                                                 << QList<QStringList>{{"ab\"c", "5 \"in\""}} << QList<int>{1};
    QTest::newRow("spaces are data") << QByteArray(" a , b \n") << QList<QStringList>{{" a ", " b "}} << QList<int>{1};
    QTest::newRow("UTF-8") << QByteArray("caf\xC3\xA9,\xE4\xB8\xAD\n")
                           << QList<QStringList>{{QString::fromUtf8("café"), QString::fromUtf8("中")}} << QList<int>{1};
    QTest::newRow("empty file") << QByteArray() << QList<QStringList>{} << QList<int>{};
    QTest::newRow("only a BOM") << QByteArray("\xEF\xBB\xBF") << QList<QStringList>{} << QList<int>{};
}

void TestDelimitedReader::csvRecords() {
    QFETCH(QByteArray, content);
    QFETCH(QList<QStringList>, expected);
    QFETCH(QList<int>, lines);
    const Records records = readAll(write(content));
    QCOMPARE(records.fields, expected);
    QCOMPARE(records.lines, lines);
}

void TestDelimitedReader::tsvKeepsQuotesLiteral() {
    const auto path = write("gj04\t1\t\tSusan whispered \"Shut up\".\n\"a\tb\"\n\"unclosed\tx\n", "cola.tsv");
    const Records records = readAll(path, tsv());
    const QList<QStringList> expected{
        {"gj04", "1", "", "Susan whispered \"Shut up\"."}, {"\"a", "b\""}, {"\"unclosed", "x"}};
    QCOMPARE(records.fields, expected);
    QCOMPARE(records.lines, (QList<int>{1, 2, 3}));
}

void TestDelimitedReader::otherDelimiter() {
    DelimitedReaderOptions options;
    options.delimiter = ';';
    const Records records = readAll(write("a;\"b;c\";d,e\n"), options);
    QCOMPARE(records.fields, (QList<QStringList>{{"a", "b;c", "d,e"}}));
}

// Far more than one 64 KiB buffer of fields full of quotes, delimiters and line
// breaks, so that every kind of token lands on a refill boundary somewhere.
void TestDelimitedReader::recordsAcrossBufferRefills() {
    std::mt19937 rng(7);
    const std::string alphabet = "ab,\"\n\r x";
    std::vector<std::vector<std::string>> expected;
    std::vector<long> expectedLines;
    std::string content;
    long line = 1;
    for (int r = 0; r < 6000; ++r) {
        std::vector<std::string> row(1 + rng() % 4);
        for (auto& field : row)
            for (unsigned k = rng() % 40; k > 0; --k) field += alphabet[rng() % alphabet.size()];
        if (row.size() == 1 && row[0].empty()) row[0] = "x";  // a lone empty field would be a blank line
        std::string serialized;
        for (size_t f = 0; f < row.size(); ++f) serialized += (f ? "," : "") + csvQuoted(row[f]);
        serialized += r % 2 ? "\r\n" : "\n";
        expected.push_back(row);
        expectedLines.push_back(line);
        line += static_cast<long>(std::count(serialized.begin(), serialized.end(), '\n'));
        // A lone CR inside quotes also ends a physical line.
        for (size_t i = 0; i < serialized.size(); ++i)
            if (serialized[i] == '\r' && (i + 1 == serialized.size() || serialized[i + 1] != '\n')) ++line;
        content += serialized;
    }
    QVERIFY(content.size() > 4 * 65536);

    DelimitedReader reader(write(QByteArray::fromStdString(content)), {});
    DelimitedRecord record;
    size_t index = 0;
    while (reader.next(record)) {
        QVERIFY(index < expected.size());
        if (record.fields != expected[index] || record.line != expectedLines[index])
            QFAIL(qPrintable(QString("record %1 (line %2, expected line %3) differs").arg(index).arg(record.line).arg(expectedLines[index])));
        ++index;
    }
    QCOMPARE(index, expected.size());
    QCOMPARE(reader.bytesParsed(), static_cast<uint64_t>(content.size()));
}

void TestDelimitedReader::reusesRecordStorage() {
    DelimitedReader reader(write("a,b,c\nd\n"), {});
    DelimitedRecord record;
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields.size(), size_t{3});
    QVERIFY(reader.next(record));
    QCOMPARE(record.fields, (std::vector<std::string>{"d"}));  // no leftovers from the longer record
    QVERIFY(!reader.next(record));
    QVERIFY(!reader.next(record));  // stays at the end
}

void TestDelimitedReader::countsBlankLines() {
    DelimitedReader reader(write("a\n\n\r\nb\n\n"), {});
    DelimitedRecord record;
    while (reader.next(record)) {
    }
    QCOMPARE(reader.blankLines(), 3L);
}

void TestDelimitedReader::malformedQuoting_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<int>("line");
    QTest::addColumn<QString>("problem");
    QTest::newRow("unterminated at end") << QByteArray("a,b\nc,\"never\nclosed\n") << 2 << "never closed";
    QTest::newRow("unterminated, no newline") << QByteArray("x\ny\n\"abc") << 3 << "never closed";
    QTest::newRow("junk after closing quote") << QByteArray("ok\n\"a\"b,c\n") << 2 << "after a closing quote";
    QTest::newRow("junk after multi-line field") << QByteArray("\"a\nb\"c\n") << 2 << "after a closing quote";
}

void TestDelimitedReader::malformedQuoting() {
    QFETCH(QByteArray, content);
    QFETCH(int, line);
    QFETCH(QString, problem);
    const std::string path = write(content);
    try {
        readAll(path);
        QFAIL("malformed quoting was accepted");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QCOMPARE(e.line(), static_cast<long>(line));
        QVERIFY2(QString::fromStdString(e.problem()).contains(problem), e.what());
        QVERIFY(QString(e.what()).startsWith(QString::fromStdString(path + ":" + std::to_string(line) + ": ")));
    }
}

DelimitedReaderOptions recovering() {
    DelimitedReaderOptions options;
    options.recoverFromErrors = true;
    return options;
}

void TestDelimitedReader::recoversFromMalformedQuoting_data() {
    QTest::addColumn<QByteArray>("content");
    QTest::addColumn<QList<QStringList>>("expected");
    QTest::addColumn<QList<int>>("lines");
    QTest::addColumn<int>("blankLines");
    QTest::newRow("stray character") << QByteArray("a,b\n\"x\"y,z\nc,d\n")
                                     << QList<QStringList>{{"a", "b"}, {"!stray"}, {"c", "d"}} << QList<int>{1, 2, 3} << 0;
    QTest::newRow("stray after a multi-line field") << QByteArray("\"a\nb\"c,d\ne,f\n")
                                                    << QList<QStringList>{{"!stray"}, {"e", "f"}} << QList<int>{2, 3} << 0;
    QTest::newRow("stray on the last line, no newline") << QByteArray("a,b\n\"x\"y")
                                                        << QList<QStringList>{{"a", "b"}, {"!stray"}} << QList<int>{1, 2}
                                                        << 0;
    QTest::newRow("unclosed") << QByteArray("a,b\nc,\"never\nd,e\nf,g\n")
                              << QList<QStringList>{{"a", "b"}, {"!unclosed"}, {"d", "e"}, {"f", "g"}}
                              << QList<int>{1, 2, 3, 4} << 0;
    QTest::newRow("unclosed, CRLF") << QByteArray("a,b\r\n\"x,1\r\nd,e\r\nf,g\r\n")
                                    << QList<QStringList>{{"a", "b"}, {"!unclosed"}, {"d", "e"}, {"f", "g"}}
                                    << QList<int>{1, 2, 3, 4} << 0;
    QTest::newRow("unclosed, lone CR") << QByteArray("\"x,1\ry,2\r") << QList<QStringList>{{"!unclosed"}, {"y", "2"}}
                                       << QList<int>{1, 2} << 0;
    QTest::newRow("unclosed on the last line, no newline") << QByteArray("a,b\n\"abc")
                                                           << QList<QStringList>{{"a", "b"}, {"!unclosed"}}
                                                           << QList<int>{1, 2} << 0;
    // The record starts on line 1; the quote that is never closed opens on line 2.
    QTest::newRow("unclosed after a closed multi-line field") << QByteArray("\"multi\nline\",\"oops\nnext,1\n")
                                                              << QList<QStringList>{{"!unclosed"}, {"next", "1"}}
                                                              << QList<int>{2, 3} << 0;
    // Blank lines swallowed by the open quote count once, when read again.
    QTest::newRow("blank lines after unclosed") << QByteArray("\"x\n\nb\n\n")
                                                << QList<QStringList>{{"!unclosed"}, {"b"}} << QList<int>{1, 3} << 2;
    QTest::newRow("unclosed behind a BOM") << QByteArray("\xEF\xBB\xBF\"x\ny\n")
                                           << QList<QStringList>{{"!unclosed"}, {"y"}} << QList<int>{1, 2} << 0;
    // Read again from line 2, the doubled quotes pair up differently: a stray one.
    QTest::newRow("unclosed, then stray") << QByteArray("\"a\nb,\"\"c\"\"\nd\n")
                                          << QList<QStringList>{{"!unclosed"}, {"!stray"}, {"d"}} << QList<int>{1, 2, 3}
                                          << 0;
    QTest::newRow("well-formed quoting") << QByteArray("\"a\nb\",\"c\"\"d\"\ne,f\n")
                                         << QList<QStringList>{{"a\nb", "c\"d"}, {"e", "f"}} << QList<int>{1, 3} << 0;
}

void TestDelimitedReader::recoversFromMalformedQuoting() {
    QFETCH(QByteArray, content);
    QFETCH(QList<QStringList>, expected);
    QFETCH(QList<int>, lines);
    QFETCH(int, blankLines);
    const std::string path = write(content);
    const Records records = readAll(path, recovering());
    QCOMPARE(records.fields, expected);
    QCOMPARE(records.lines, lines);

    DelimitedReader reader(path, recovering());
    DelimitedRecord record;
    while (reader.next(record)) {
    }
    QCOMPARE(reader.blankLines(), static_cast<long>(blankLines));
    QCOMPARE(reader.bytesParsed(), static_cast<uint64_t>(content.size()));
}

// A quote never closed far from the end: the reader goes back more than a
// buffer's worth, reads every later row once, and its progress never goes back.
void TestDelimitedReader::recoveryAcrossBufferRefills() {
    QByteArray content;
    for (int i = 0; i < 10000; ++i) content += "before the quote," + QByteArray::number(i) + "\n";
    content += "\"never closed,x\r\n";
    for (int i = 0; i < 10000; ++i) content += "after the quote," + QByteArray::number(i) + "\r\n";
    QVERIFY(content.size() > 4 * 65536);

    std::vector<uint64_t> progress;
    DelimitedReaderOptions options = recovering();
    options.progress = [&](uint64_t done, uint64_t) {
        progress.push_back(done);
        return true;
    };
    DelimitedReader reader(write(content), options);
    DelimitedRecord record;
    long count = 0;
    while (reader.next(record)) {
        ++count;
        if (count <= 10000) {
            QCOMPARE(record.fields.at(1), std::to_string(count - 1));
        } else if (count == 10001) {
            QVERIFY2(record.error.find("never closed") != std::string::npos, record.error.c_str());
        } else {
            QVERIFY(record.error.empty());
            QCOMPARE(record.fields.at(0), std::string("after the quote"));
            QCOMPARE(record.fields.at(1), std::to_string(count - 10002));
        }
        QCOMPARE(record.line, count);
    }
    QCOMPARE(count, 20001L);
    QCOMPARE(reader.bytesParsed(), static_cast<uint64_t>(content.size()));
    QVERIFY(std::is_sorted(progress.begin(), progress.end()));
    QCOMPARE(progress.back(), static_cast<uint64_t>(content.size()));
}

void TestDelimitedReader::missingFile() {
    const std::string path = dir_.filePath("absent.csv").toStdString();
    try {
        DelimitedReader reader(path, {});
        QFAIL("opened a file that does not exist");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QVERIFY2(QString(e.what()).contains("cannot open"), e.what());
    }
    QVERIFY_THROWS_EXCEPTION(FileError, DelimitedReader(dir_.path().toStdString(), {}));
}

void TestDelimitedReader::impossibleDelimiters() {
    const auto path = write("a\n");
    DelimitedReaderOptions newline;
    newline.delimiter = '\n';
    QVERIFY_THROWS_EXCEPTION(UsageError, DelimitedReader(path, newline));
    DelimitedReaderOptions quote;
    quote.delimiter = '"';
    QVERIFY_THROWS_EXCEPTION(UsageError, DelimitedReader(path, quote));
    quote.quoting = false;
    QCOMPARE(readAll(path, quote).fields.size(), 1);
}

void TestDelimitedReader::progressReachesTotal() {
    const std::string path = write(QByteArray(200000, 'x') + "\n" + QByteArray(100, 'y'));
    std::vector<std::pair<uint64_t, uint64_t>> calls;
    DelimitedReaderOptions options;
    options.progress = [&](uint64_t done, uint64_t total) {
        calls.emplace_back(done, total);
        return true;
    };
    QCOMPARE(readAll(path, options).fields.size(), 2);
    QVERIFY(calls.size() >= 4);  // 200101 bytes in 64 KiB reads
    for (size_t i = 0; i < calls.size(); ++i) {
        QCOMPARE(calls[i].second, uint64_t{200101});
        if (i > 0) QVERIFY(calls[i].first > calls[i - 1].first);
    }
    QCOMPARE(calls.back().first, uint64_t{200101});
}

void TestDelimitedReader::progressCancels() {
    QByteArray content;
    for (int i = 0; i < 20000; ++i) content += "row," + QByteArray::number(i) + "\n";
    const std::string path = write(content);
    int calls = 0;
    DelimitedReaderOptions options;
    options.progress = [&](uint64_t, uint64_t) { return ++calls < 2; };
    DelimitedReader reader(path, options);
    DelimitedRecord record;
    long records = 0;
    try {
        while (reader.next(record)) ++records;
        QFAIL("cancelling did not stop the read");
    } catch (const OperationCancelled& e) {
        QVERIFY2(QString(e.what()).contains("cancelled"), e.what());
    }
    QCOMPARE(calls, 2);
    QVERIFY(records > 0 && records < 20000);
}

QTEST_APPLESS_MAIN(TestDelimitedReader)
#include "tst_delimited_reader.moc"
