// RoBERTa's tokenizer files as ByteLevelBpeTokenizer reads and writes them:
// merges.txt's quirks as transformers has them, every broken file named in its
// error (with the line for merges.txt), and write -> read round trips that give
// the same ids and the files transformers writes.
#include <QtTest>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <optional>
#include <random>
#include <sstream>
#include <thread>

#include "common/errors.h"
#include "common/json_file.h"
#include "file_error_of.h"
#include "fixtures.h"
#include "bpe_test_files.h"
#include "temp_folder.h"
#include "tokenizer/byte_alphabet.h"
#include "tokenizer/byte_level_bpe_tokenizer.h"
#include "tokenizer/unicode_text.h"

using namespace bertbench;
using namespace fixtures;
using nlohmann::json;

class TestBpeFolderFiles : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void mergesFileQuirks();
    void badFiles_data();
    void badFiles();
    void roundTripIsIdentical();
    void writtenFilesMatchTransformers();
    void roundTripKeepsOptions();

private:
    std::optional<ByteLevelBpeTokenizer> roberta_;
    std::vector<json> rows_;
};

void TestBpeFolderFiles::initTestCase() {
    roberta_.emplace(ByteLevelBpeTokenizer::fromFolder(fixtures::path(kRobertaFolder)));
    rows_ = fixtures::readJsonLines(kRows);
    QCOMPARE(rows_.size(), size_t(1581));
}

void TestBpeFolderFiles::mergesFileQuirks() {
    SmallFolder small("bpe_merges_quirks");
    small.folder.write("merges.txt", "h e\nĠ t\n\nĠt he\r\nĠ a");  // "h e" is the "header"; "Ġ a" has no newline
    auto tok = small.read();
    QCOMPARE(tok.merges().pairs(), (std::vector<BpeMerges::Pair>{{"Ġ", "t"}, {"Ġt", "he"}}));
    QCOMPARE(tok.tokenize(" the a"), (std::vector<std::string>{"Ġt", "h", "e", "Ġ", "a"}));

    small.folder.write("merges.txt", "#version: 0.2\nt h\nĠ t\nh e\nĠt he\nt h\nx y\n");
    tok = small.read();
    QCOMPARE(tok.merges().pairs(),
             (std::vector<BpeMerges::Pair>{{"Ġ", "t"}, {"h", "e"}, {"Ġt", "he"}, {"t", "h"}, {"x", "y"}}));
    // "t h" ranks last, where it was listed again; ranked first it would give "Ġ th e".
    QCOMPARE(tok.tokenize(" the"), (std::vector<std::string>{"Ġthe"}));
    // "xy" is not in the vocabulary: the piece exists, its id is <unk>.
    QCOMPARE(tok.tokenize("xy"), (std::vector<std::string>{"xy"}));
    QCOMPARE(tok.tokenizeToIds("xy"), (std::vector<int32_t>{tok.unkId()}));

    small.folder.write("merges.txt", "");
    QCOMPARE(small.read().merges().pairs().size(), size_t(0));
    QCOMPARE(small.read().tokenize(" the"), (std::vector<std::string>{"Ġ", "t", "h", "e"}));
}

void TestBpeFolderFiles::badFiles_data() {
    QTest::addColumn<QString>("file");      // the file to write ("" = none)
    QTest::addColumn<QByteArray>("content");  // its content; "<delete>" removes it
    QTest::addColumn<QString>("named");     // the file the error must name
    QTest::addColumn<QString>("fragment");  // part of the message
    QTest::newRow("no vocab.json") << "vocab.json" << QByteArray("<delete>") << "vocab.json" << "missing";
    QTest::newRow("no merges.txt") << "merges.txt" << QByteArray("<delete>") << "merges.txt" << "missing";
    QTest::newRow("merges: one symbol") << "merges.txt" << QByteArray("#version: 0.2\nĠ t\nhe\nĠt he\n")
                                        << "merges.txt:3:" << "this line has 1 symbol";
    QTest::newRow("merges: three symbols") << "merges.txt" << QByteArray("#version: 0.2\nĠ t\nh e\nĠt h e\n")
                                           << "merges.txt:4:" << "3 symbols";
    QTest::newRow("merges: not UTF-8") << "merges.txt" << QByteArray("#version: 0.2\nĠ t\nh \xff\n")
                                       << "merges.txt:3:" << "not valid UTF-8";
    QTest::newRow("merges: a folder") << "merges.txt" << QByteArray("<folder>") << "merges.txt" << "cannot open";
    QTest::newRow("vocab: not JSON") << "vocab.json" << QByteArray("{\"<s>\": 0,") << "vocab.json" << "invalid JSON";
    QTest::newRow("vocab: an array") << "vocab.json" << QByteArray("[\"<s>\"]") << "vocab.json"
                                     << "must be a JSON object of token -> id";
    QTest::newRow("vocab: empty") << "vocab.json" << QByteArray("{}") << "vocab.json" << "has no tokens";
    QTest::newRow("vocab: id a string") << "vocab.json" << QByteArray(R"({"<s>": "0"})") << "vocab.json"
                                        << "not an integer";
    QTest::newRow("vocab: id a fraction") << "vocab.json" << QByteArray(R"({"<s>": 0.5})") << "vocab.json"
                                          << "not an integer";
    QTest::newRow("vocab: ids with a gap") << "vocab.json" << QByteArray(R"({"<s>": 0, "<pad>": 2})") << "vocab.json"
                                           << "must have the ids 0..1, each once";
    QTest::newRow("vocab: negative id") << "vocab.json" << QByteArray(R"({"<s>": -1})") << "vocab.json"
                                        << "has id -1";
    QTest::newRow("vocab: an id twice") << "vocab.json" << QByteArray(R"({"<s>": 0, "<pad>": 0, "a": 1})")
                                        << "vocab.json" << "both have id 0";
    QTest::newRow("vocab: no <mask>") << "vocab.json"
                                      << QByteArray(R"({"<s>": 0, "<pad>": 1, "</s>": 2, "<unk>": 3, "a": 4})")
                                      << "vocab.json" << "vocabulary has no <mask> token";
    QTest::newRow("config: mask_token null") << "tokenizer_config.json" << QByteArray(R"({"mask_token": null})")
                                             << "tokenizer_config.json" << "mask_token is missing";
    QTest::newRow("config: a renamed token not in the vocabulary")
        << "tokenizer_config.json" << QByteArray(R"({"unk_token": "[UNK]"})") << "vocab.json"
        << "vocabulary has no [UNK] token";
    QTest::newRow("config: not an object") << "tokenizer_config.json" << QByteArray("[]") << "tokenizer_config.json"
                                           << "must be a JSON object";
    QTest::newRow("config: add_prefix_space a string") << "tokenizer_config.json"
                                                       << QByteArray(R"({"add_prefix_space": "yes"})")
                                                       << "tokenizer_config.json" << "must be true or false";
    QTest::newRow("config: token a number") << "tokenizer_config.json" << QByteArray(R"({"cls_token": 0})")
                                            << "tokenizer_config.json" << "cls_token must be a string";
    QTest::newRow("config: AddedToken without content")
        << "tokenizer_config.json" << QByteArray(R"({"cls_token": {"__type": "AddedToken"}})")
        << "tokenizer_config.json" << "no \"content\"";
    QTest::newRow("config: errors strict") << "tokenizer_config.json" << QByteArray(R"({"errors": "strict"})")
                                           << "tokenizer_config.json" << "is not supported";
    QTest::newRow("map: additional tokens not a list") << "special_tokens_map.json"
                                                       << QByteArray(R"({"additional_special_tokens": "x"})")
                                                       << "special_tokens_map.json" << "must be a list";
    QTest::newRow("map: lstrip a number") << "special_tokens_map.json"
                                          << QByteArray(R"({"mask_token": {"content": "<mask>", "lstrip": 1}})")
                                          << "special_tokens_map.json" << "lstrip must be true or false";
    QTest::newRow("added: a gap") << "added_tokens.json" << QByteArray(R"({"<ent>": 266})") << "added_tokens.json"
                                  << "should have 265";
    QTest::newRow("added: already in vocab.json") << "added_tokens.json" << QByteArray(R"({"he": 265})")
                                                  << "added_tokens.json" << "already in vocab.json";
}

void TestBpeFolderFiles::badFiles() {
    QFETCH(QString, file);
    QFETCH(QByteArray, content);
    QFETCH(QString, named);
    QFETCH(QString, fragment);
    SmallFolder small("bpe_bad_file");
    const std::string path = small.folder.file(file.toStdString());
    std::filesystem::remove(path);
    if (content == "<folder>")
        std::filesystem::create_directory(path);
    else if (content != "<delete>")
        small.folder.write(file.toStdString(), content.toStdString());
    const QString message = fixtures::fileErrorOf([&] { small.read(); });
    QVERIFY2(message.contains(QString::fromStdString(small.folder.path()) + "/" + named), qPrintable(message));
    QVERIFY2(message.contains(fragment), qPrintable(message));
}

// writeFiles, then fromFolder: the same ids, tokens and decode on every row.
void TestBpeFolderFiles::roundTripIsIdentical() {
    TempFolder written("bpe_round_trip");
    roberta_->writeFiles(written.path(), 128);
    const auto reread = ByteLevelBpeTokenizer::fromFolder(written.path());
    QCOMPARE(reread.vocabulary().tokens(), roberta_->vocabulary().tokens());
    QCOMPARE(reread.merges().pairs(), roberta_->merges().pairs());
    int mismatches = 0;
    for (const json& row : rows_) {
        const Encoding a = encodeRow(*roberta_, row), b = encodeRow(reread, row);
        if (a.inputIds != b.inputIds || a.tokens != b.tokens ||
            reread.decode(b.inputIds) != roberta_->decode(a.inputIds))
            ++mismatches;
    }
    QCOMPARE(mismatches, 0);
}

// The fixture folder was written by transformers' save_pretrained; ours writes the same bytes.
void TestBpeFolderFiles::writtenFilesMatchTransformers() {
    TempFolder written("bpe_written");
    roberta_->writeFiles(written.path(), 128);
    for (const char* name : {"vocab.json", "merges.txt", "tokenizer_config.json", "special_tokens_map.json"})
        QVERIFY2(readBytes(written.file(name)) == readBytes(fixtures::path(kRobertaFolder + "/" + name)), name);
    QVERIFY(!std::filesystem::exists(written.file("added_tokens.json")));
    roberta_->writeFiles(written.path(), 0);
    QVERIFY(!bertbench::readJsonFile(written.file("tokenizer_config.json")).contains("model_max_length"));
}

// Options other than the defaults survive writeFiles -> fromFolder.
void TestBpeFolderFiles::roundTripKeepsOptions() {
    SmallFolder small("bpe_options");
    small.folder.write("tokenizer_config.json",
                       R"({"add_prefix_space": true, "clean_up_tokenization_spaces": false, "bos_token": null,
                           "sep_token": {"__type": "AddedToken", "content": "</s>", "rstrip": true},
                           "additional_special_tokens": ["Ġa"]})");
    small.folder.write("special_tokens_map.json", R"({"pad_token": "<pad>"})");
    small.folder.write("added_tokens.json", R"({"<ent>": 265})");
    const auto original = small.read();
    TempFolder written("bpe_options_written");
    original.writeFiles(written.path(), 0);
    const auto reread = ByteLevelBpeTokenizer::fromFolder(written.path());
    const std::string text = "the <pad> a</s>  the<ent>x , y <s>";
    QCOMPARE(reread.tokenize(text), original.tokenize(text));
    QCOMPARE(reread.tokenizeToIds(text), original.tokenizeToIds(text));
    QCOMPARE(reread.decode(original.tokenizeToIds(text)), original.decode(original.tokenizeToIds(text)));
    QCOMPARE(reread.vocabulary().size(), size_t(266));
    QVERIFY(reread.options().addPrefixSpace);
    QVERIFY(!reread.options().cleanUpTokenizationSpaces);
    QVERIFY(reread.options().bos.content.empty());
    QVERIFY(reread.options().pad.lstrip && reread.options().pad.rstrip);  // a plain string in the map
    QVERIFY(reread.options().sep.rstrip && !reread.options().sep.lstrip);
}


QTEST_APPLESS_MAIN(TestBpeFolderFiles)
#include "tst_bpe_folder_files.moc"
