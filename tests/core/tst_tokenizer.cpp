// BertTokenizer against Hugging Face's slow BertTokenizer (transformers 4.29.2):
// every row of the reference fixtures, the CoLA predict fixture with truncation,
// pairs and longest_first truncation, and robustness against arbitrary bytes.
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>
#include <iterator>
#include <optional>
#include <random>
#include <sstream>

#include "common/errors.h"
#include "fixtures.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/unicode_text.h"

using namespace bertbench;
using nlohmann::json;

namespace {

const char* kUncasedVocab = "reference/vocab/bert-base-uncased-vocab.txt";
const char* kCasedVocab = "reference/vocab/bert-base-cased-vocab.txt";

TokenizerOptions uncasedOptions() { return TokenizerOptions{}; }
TokenizerOptions casedOptions() {
    TokenizerOptions options;
    options.lowercase = false;
    return options;
}

std::string joined(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " | ") + t;
    return out;
}

std::vector<std::string> strings(const json& array) { return array.get<std::vector<std::string>>(); }
std::vector<int32_t> ints(const json& array) { return array.get<std::vector<int32_t>>(); }

// A small vocabulary whose contents the option tests can reason about exactly.
Vocabulary tinyVocab() {
    return Vocabulary::fromTokens({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "cafe", "café", "Cafe",
                                   "Café", "中", "文", "##文", "hello", "h", "##e", "##l", "##o", "istanbul",
                                   "i", "##̇", "##stanbul"});
}

}  // namespace

class TestTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void referenceRows_data();
    void referenceRows();
    void predictFixture();
    void pairTokenTypes();
    void longestFirstTruncation();
    void singleTruncation();
    void truncationTooShort();
    void tokenizeToIdsMatchesEncode();
    void decodeWithSpecials();
    void options_data();
    void options();
    void maxInputCharsPerWord();
    void specialTokenFormedByCleaning();
    void invalidUtf8_data();
    void invalidUtf8();
    void randomBytesNeverCrash();
    void missingVocabFile();
    void vocabLackingSpecialToken();
    void vocabularyBasics();
    void vocabularyFileFormat();
    void unicodeDataVersion();

private:
    const BertTokenizer& tokenizer(const QString& which) const { return which == "cased" ? *cased_ : *uncased_; }
    std::optional<BertTokenizer> uncased_, cased_;
};

void TestTokenizer::initTestCase() {
    uncased_.emplace(BertTokenizer::fromFile(fixtures::path(kUncasedVocab), uncasedOptions()));
    cased_.emplace(BertTokenizer::fromFile(fixtures::path(kCasedVocab), casedOptions()));
    QCOMPARE(uncased_->vocabulary().size(), size_t(30522));
    QCOMPARE(cased_->vocabulary().size(), size_t(28996));
}

void TestTokenizer::referenceRows_data() {
    QTest::addColumn<QString>("which");
    QTest::newRow("uncased") << "uncased";
    QTest::newRow("cased") << "cased";
}

// Every row; mismatches are listed all at once, then counted.
void TestTokenizer::referenceRows() {
    QFETCH(QString, which);
    const BertTokenizer& tok = tokenizer(which);
    const auto rows = fixtures::readJsonLines("reference/tokenizer/" + which.toStdString() + ".jsonl");
    QCOMPARE(rows.size(), size_t(1577));
    int tokenMismatches = 0, decodeMismatches = 0;
    for (const json& row : rows) {
        const std::string text = row["text"];
        const Encoding got = tok.encode(text);
        const auto expectedTokens = strings(row["tokens"]);
        const auto expectedIds = ints(row["ids"]);
        std::ostringstream where;
        where << "row " << row["id"] << " [" << row["category"].get<std::string>() << "] text " << json(text).dump();
        if (got.tokens != expectedTokens || got.inputIds != expectedIds) {
            ++tokenMismatches;
            qWarning().noquote() << QString::fromStdString(where.str() + "\n  expected: " + joined(expectedTokens) +
                                                           "\n  got:      " + joined(got.tokens));
        }
        const std::string decoded = tok.decode(expectedIds, true);
        if (decoded != row["decoded"].get<std::string>()) {
            ++decodeMismatches;
            qWarning().noquote() << QString::fromStdString(where.str() + "\n  expected decode: " +
                                                           json(row["decoded"]).dump() + "\n  got decode:      " +
                                                           json(decoded).dump());
        }
    }
    qInfo("%s: %d/%zu rows with token mismatches, %d/%zu decode mismatches", qPrintable(which), tokenMismatches,
          rows.size(), decodeMismatches, rows.size());
    QCOMPARE(tokenMismatches, 0);
    QCOMPARE(decodeMismatches, 0);
}

// tokenizer(text, truncation=True, max_length=128) for the tiny CoLA model.
void TestTokenizer::predictFixture() {
    const auto rows = fixtures::readJsonLines("reference/tiny-bert-cola/expected/predict.jsonl");
    QCOMPARE(rows.size(), size_t(26));
    for (const json& row : rows) {
        const Encoding got = uncased_->encode(row["text"].get<std::string>(), 128);
        const QByteArray where = "row " + QByteArray::number(row["index"].get<int>());
        QVERIFY2(got.tokens == strings(row["tokens"]), where + ": " + joined(got.tokens).c_str());
        QVERIFY2(got.inputIds == ints(row["input_ids"]), where);
        QVERIFY2(got.tokenTypeIds == ints(row["token_type_ids"]), where);
        QVERIFY2(got.attentionMask == ints(row["attention_mask"]), where);
        QVERIFY2(got.truncated() == row["truncated"].get<bool>(), where);
        QVERIFY2(got.untruncatedLength == row["num_tokens_untruncated"].get<size_t>(), where);
    }
    const Encoding last = uncased_->encode(rows[25]["text"].get<std::string>(), 128);
    QCOMPARE(last.inputIds.size(), size_t(128));
    QCOMPARE(last.inputIds.back(), uncased_->sepId());
    QCOMPARE(last.untruncatedLength, size_t(301));
}

void TestTokenizer::pairTokenTypes() {
    const Encoding e = uncased_->encodePair("Hello world!", "How are you?");
    const std::vector<std::string> tokens = {"[CLS]", "hello", "world", "!", "[SEP]", "how",
                                             "are",   "you",   "?",     "[SEP]"};
    QCOMPARE(e.tokens, tokens);
    QCOMPARE(e.tokenTypeIds, (std::vector<int32_t>{0, 0, 0, 0, 0, 1, 1, 1, 1, 1}));
    QCOMPARE(e.attentionMask, std::vector<int32_t>(10, 1));
    QCOMPARE(e.untruncatedLength, size_t(10));
    QVERIFY(!e.truncated());
    QCOMPARE(uncased_->decode(e.inputIds), std::string("hello world! how are you?"));
}

// HF truncate_sequences('longest_first'): remove one id at a time from the
// longer part, from the second part when they are equally long.
void TestTokenizer::longestFirstTruncation() {
    // a = 6 ids, b = 3 ids, 12 in all; max 8 removes 4: a 6->5->4->3 (a longer
    // each time), then 3 vs 3 is a tie, so b 3->2.
    Encoding e = uncased_->encodePair("one two three four five six", "seven eight nine", 8);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "one", "two", "three", "[SEP]", "seven", "eight", "[SEP]"}));
    QCOMPARE(e.tokenTypeIds, (std::vector<int32_t>{0, 0, 0, 0, 0, 1, 1, 1}));
    QCOMPARE(e.untruncatedLength, size_t(12));
    QVERIFY(e.truncated());

    // a = 1, b = 6, max 6 removes 4, all from b.
    e = uncased_->encodePair("hello", "a b c d e f", 6);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "hello", "[SEP]", "a", "b", "[SEP]"}));

    // a = 3, b = 3, max 7 removes 2: tie -> b, then a (3 > 2).
    e = uncased_->encodePair("one two three", "seven eight nine", 7);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "one", "two", "[SEP]", "seven", "eight", "[SEP]"}));

    // Everything removed: [CLS] [SEP] [SEP] still fits 3.
    e = uncased_->encodePair("one two", "three", 3);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "[SEP]", "[SEP]"}));

    // Fits exactly: nothing removed.
    e = uncased_->encodePair("one two three", "seven eight nine", 9);
    QCOMPARE(e.inputIds.size(), size_t(9));
    QVERIFY(!e.truncated());
}

void TestTokenizer::singleTruncation() {
    Encoding e = uncased_->encode("one two three four five", 5);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "one", "two", "three", "[SEP]"}));
    QCOMPARE(e.untruncatedLength, size_t(7));
    QVERIFY(e.truncated());
    e = uncased_->encode("one two three four five", 3);
    QCOMPARE(e.tokens, (std::vector<std::string>{"[CLS]", "one", "[SEP]"}));
    e = uncased_->encode("", 2);  // nothing to truncate
    QCOMPARE(e.inputIds.size(), size_t(2));
}

void TestTokenizer::truncationTooShort() {
    QVERIFY_THROWS_EXCEPTION(UsageError, uncased_->encode("one two", 2));
    QVERIFY_THROWS_EXCEPTION(UsageError, uncased_->encode("one two", 1));
    QVERIFY_THROWS_EXCEPTION(UsageError, uncased_->encodePair("one", "two", 2));
}

void TestTokenizer::tokenizeToIdsMatchesEncode() {
    const std::string text = "The [MASK] sat on the mat, didn't it? Café 中文";
    const auto ids = uncased_->tokenizeToIds(text);
    const auto tokens = uncased_->tokenize(text);
    const Encoding e = uncased_->encode(text);
    QCOMPARE(e.inputIds, [&] {
        std::vector<int32_t> v{uncased_->clsId()};
        v.insert(v.end(), ids.begin(), ids.end());
        v.push_back(uncased_->sepId());
        return v;
    }());
    QCOMPARE(tokens.size(), ids.size());
    for (size_t i = 0; i < ids.size(); ++i) QCOMPARE(tokens[i], uncased_->vocabulary().token(ids[i]));
}

void TestTokenizer::decodeWithSpecials() {
    const Encoding e = uncased_->encode("Hello [MASK] world.");
    QCOMPARE(uncased_->decode(e.inputIds, false), std::string("[CLS] hello [MASK] world. [SEP]"));
    QCOMPARE(uncased_->decode(e.inputIds, true), std::string("hello world."));
    QCOMPARE(uncased_->decode({}), std::string());
    // An id outside the vocabulary reads as [UNK], like HF's ids_to_tokens.get(id, unk_token).
    QCOMPARE(uncased_->decode({-1, 7592, 999999}), std::string("[UNK] hello [UNK]"));
    QCOMPARE(uncased_->decode(uncased_->tokenizeToIds("unaffable don't")), std::string("unaffable don't"));
}

void TestTokenizer::options_data() {
    QTest::addColumn<bool>("lowercase");
    QTest::addColumn<int>("strip");  // -1 unset, 0 false, 1 true
    QTest::addColumn<bool>("chinese");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("expected");
    QTest::newRow("lower, accents follow") << true << -1 << true << "Café" << "cafe";
    QTest::newRow("lower, keep accents") << true << 0 << true << "Café" << "café";
    QTest::newRow("cased") << false << -1 << true << "Café" << "Café";
    QTest::newRow("cased, strip accents") << false << 1 << true << "Café" << "Cafe";
    QTest::newRow("chinese split") << true << -1 << true << "中文" << "中 文";
    QTest::newRow("chinese kept") << true << -1 << false << "中文" << "中 ##文";
    // Python lower("İ") is "i" + U+0307; without stripping the dot survives.
    QTest::newRow("dotted I, keep accents") << true << 0 << true << "İstanbul" << "i ##̇ ##stanbul";
    QTest::newRow("dotted I, strip") << true << -1 << true << "İstanbul" << "istanbul";
    QTest::newRow("special split out") << true << -1 << true << "hello[MASK]hello" << "hello [MASK] hello";
    QTest::newRow("lowercase special is text") << true << -1 << true << "[mask]" << "[UNK] [UNK] [UNK]";
}

void TestTokenizer::options() {
    QFETCH(bool, lowercase);
    QFETCH(int, strip);
    QFETCH(bool, chinese);
    QFETCH(QString, text);
    QFETCH(QString, expected);
    TokenizerOptions options;
    options.lowercase = lowercase;
    if (strip >= 0) options.stripAccents = strip == 1;
    options.tokenizeChineseChars = chinese;
    const BertTokenizer tok(tinyVocab(), options);
    QCOMPARE(QString::fromStdString(joined(tok.tokenize(text.toStdString()))).replace(" | ", " "), expected);
}

void TestTokenizer::maxInputCharsPerWord() {
    TokenizerOptions options;
    options.maxInputCharsPerWord = 4;
    const BertTokenizer tok(tinyVocab(), options);
    QCOMPARE(tok.tokenize("hell"), (std::vector<std::string>{"h", "##e", "##l", "##l"}));
    QCOMPARE(tok.tokenize("hello"), (std::vector<std::string>{"[UNK]"}));
    // Code points, not bytes: "café" is 4 code points in 5 bytes.
    options.stripAccents = false;
    QCOMPARE(BertTokenizer(tinyVocab(), options).tokenize("café"), (std::vector<std::string>{"café"}));
    // A word the vocabulary cannot cover becomes one [UNK], not partial pieces.
    QCOMPARE(tok.tokenize("hex"), (std::vector<std::string>{"[UNK]"}));
}

// HF matches special tokens in the raw text first; cleaning can form one later
// ("[MA\0SK]" -> "[MASK]"). BasicTokenizer's never_split then keeps it whole and
// WordPiece finds it in the vocabulary. Lower-cased text can never form one.
void TestTokenizer::specialTokenFormedByCleaning() {
    const std::string text("[MA\0SK]", 7);
    QCOMPARE(cased_->tokenize(text), (std::vector<std::string>{"[MASK]"}));
    QCOMPARE(uncased_->tokenize(text), (std::vector<std::string>{"[", "mask", "]"}));
}

void TestTokenizer::invalidUtf8_data() {
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QByteArray>("equivalent");  // what it must tokenize like
    QTest::newRow("stray 0xFF") << QByteArray("a\xff" "b") << QByteArray("ab");
    QTest::newRow("lone continuation") << QByteArray("hello\x80world") << QByteArray("helloworld");
    QTest::newRow("truncated at end") << QByteArray("caf\xc3") << QByteArray("caf");
    QTest::newRow("lead then ASCII") << QByteArray("\xc3(x") << QByteArray("(x");
    QTest::newRow("truncated 3-byte") << QByteArray("\xe2\x82 test") << QByteArray(" test");
    QTest::newRow("surrogate") << QByteArray("\xed\xa0\x80x") << QByteArray("x");
    QTest::newRow("above U+10FFFF") << QByteArray("\xf4\x90\x80\x80y") << QByteArray("y");
    QTest::newRow("overlong slash") << QByteArray("a\xc0\xaf" "b") << QByteArray("ab");
    QTest::newRow("only garbage") << QByteArray("\xfe\xff\xc0\xc1\xf5") << QByteArray("");
    QTest::newRow("in special") << QByteArray("[MA\xffSK]") << QByteArray("[MASK]");
}

// Invalid bytes are read as U+FFFD, which HF's cleaning deletes: they vanish
// without splitting the word around them.
void TestTokenizer::invalidUtf8() {
    QFETCH(QByteArray, bytes);
    QFETCH(QByteArray, equivalent);
    const std::string_view got(bytes.constData(), static_cast<size_t>(bytes.size()));
    // The uncased "[MASK]" row: the bytes stop the special match, the lower-cased rest is text.
    const std::string_view want(equivalent.constData(), static_cast<size_t>(equivalent.size()));
    if (QByteArray(QTest::currentDataTag()) == "in special")
        QCOMPARE(uncased_->tokenize(got), (std::vector<std::string>{"[", "mask", "]"}));
    else
        QCOMPARE(uncased_->tokenize(got), uncased_->tokenize(want));
    QCOMPARE(cased_->tokenize(got), cased_->tokenize(want));
}

void TestTokenizer::randomBytesNeverCrash() {
    std::mt19937 rng(12345);
    const std::string pieces[] = {"\xc3", "\xa9", "\xe4\xb8", "\xad", "\xf0\x9f", "\x98\x80", "[MASK]", "[",
                                  "##",   " ",    "\t",       "\x00", "A",        "z",        "\xed\xa0", "\xcc\x81"};
    for (int i = 0; i < 20000; ++i) {
        std::string text;
        const int parts = static_cast<int>(rng() % 24);
        for (int k = 0; k < parts; ++k) {
            if (rng() % 2)
                text.push_back(static_cast<char>(rng() % 256));
            else
                text += pieces[rng() % std::size(pieces)];
        }
        for (const BertTokenizer* tok : {&*uncased_, &*cased_}) {
            const Encoding e = tok->encodePair(text, text, 64);
            QVERIFY(e.inputIds.size() <= 64);
            for (int32_t id : e.inputIds) QVERIFY(id >= 0 && static_cast<size_t>(id) < tok->vocabulary().size());
            (void)tok->decode(e.inputIds);
        }
    }
}

void TestTokenizer::missingVocabFile() {
    const std::string path = fixtures::path("reference/vocab/no-such-vocab.txt");
    try {
        BertTokenizer::fromFile(path, {});
        QFAIL("no exception");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QVERIFY2(std::string(e.what()).find(path) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("cannot open vocabulary file") != std::string::npos, e.what());
    }
}

void TestTokenizer::vocabLackingSpecialToken() {
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = dir.filePath("vocab.txt").toStdString();
    std::ofstream(path) << "[PAD]\n[UNK]\n[CLS]\n[SEP]\nhello\n";
    try {
        BertTokenizer::fromFile(path, {});
        QFAIL("no exception");
    } catch (const FileError& e) {
        QCOMPARE(e.path(), path);
        QVERIFY2(std::string(e.what()).find("[MASK]") != std::string::npos, e.what());
    }
    QVERIFY_THROWS_EXCEPTION(UsageError, BertTokenizer(Vocabulary::fromTokens({"[PAD]", "[CLS]"}), {}));

    std::ofstream(path, std::ios::trunc).flush();
    QVERIFY_THROWS_EXCEPTION(FileError, Vocabulary::fromFile(path));
    std::ofstream(path, std::ios::trunc) << "ok\nbad\xff\n";
    try {
        Vocabulary::fromFile(path);
        QFAIL("no exception");
    } catch (const FileError& e) {
        QCOMPARE(e.line(), 2L);
    }
}

void TestTokenizer::vocabularyBasics() {
    const Vocabulary vocab = Vocabulary::fromTokens({"a", "b", "a", "##c"});
    QCOMPARE(vocab.size(), size_t(4));
    QCOMPARE(vocab.find("a"), std::optional<int32_t>(2));  // HF's dict keeps the last line
    QCOMPARE(vocab.token(0), std::string("a"));
    QCOMPARE(vocab.find("##", "c"), std::optional<int32_t>(3));
    QCOMPARE(vocab.find("c"), std::optional<int32_t>());
    QCOMPARE(vocab.idOf("b"), 1);
    QVERIFY_THROWS_EXCEPTION(UsageError, vocab.idOf("zzz"));
    QVERIFY_THROWS_EXCEPTION(UsageError, vocab.token(4));
    QVERIFY_THROWS_EXCEPTION(UsageError, vocab.token(-1));
    QVERIFY_THROWS_EXCEPTION(UsageError, Vocabulary::fromTokens({}));
    QCOMPARE(uncased_->vocabulary().idOf("[CLS]"), 101);
    QCOMPARE(uncased_->padId(), 0);
    QCOMPARE(uncased_->unkId(), 100);
    QCOMPARE(uncased_->maskId(), 103);
    QCOMPARE(uncased_->vocabulary().tokens().size(), uncased_->vocabulary().size());
}

// Python's universal newlines: \n, \r\n and \r end a line; a last line without
// a newline still counts; an empty line is the empty token.
void TestTokenizer::vocabularyFileFormat() {
    QTemporaryDir dir;
    const std::string path = dir.filePath("vocab.txt").toStdString();
    std::ofstream(path, std::ios::binary) << "[PAD]\r\n[UNK]\r[CLS]\n\n[SEP]\n[MASK]";
    const Vocabulary vocab = Vocabulary::fromFile(path);
    QCOMPARE(vocab.tokens(), (std::vector<std::string>{"[PAD]", "[UNK]", "[CLS]", "", "[SEP]", "[MASK]"}));
    QCOMPARE(vocab.sourcePath(), path);
    QCOMPARE(BertTokenizer(vocab, {}).sepId(), 4);
}

// The table of characters Python 3.11 does not know was made for utf8proc's
// Unicode 15.0.0; a newer utf8proc needs the table re-derived (see unicode_text.cpp).
void TestTokenizer::unicodeDataVersion() {
    QCOMPARE(std::string(unicode::libraryUnicodeVersion()), std::string("15.0.0"));
}

QTEST_APPLESS_MAIN(TestTokenizer)
#include "tst_tokenizer.moc"
