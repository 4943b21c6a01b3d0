// ByteLevelBpeTokenizer against Hugging Face's slow RobertaTokenizer
// (transformers 4.29.2): every row of the reference fixture, the RoBERTa CoLA
// predict fixture with truncation, special and added tokens, threads, and the
// heap-based merge loop against a plain transcription of GPT-2's bpe(). The
// folder files are tst_bpe_folder_files.
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
using fixtures::TempFolder;
using nlohmann::json;
using namespace fixtures;

namespace {

std::string joined(const std::vector<std::string>& tokens) {
    std::string out;
    for (const auto& t : tokens) out += (out.empty() ? "" : " | ") + t;
    return out;
}

std::vector<std::string> strings(const json& array) { return array.get<std::vector<std::string>>(); }
std::vector<int32_t> ints(const json& array) { return array.get<std::vector<int32_t>>(); }

// GPT2Tokenizer.bpe() transcribed as plainly as possible, to check BpeMerges::apply against.
std::vector<std::string> naiveBpe(const std::vector<std::string>& chars, const std::vector<BpeMerges::Pair>& merges) {
    std::map<BpeMerges::Pair, size_t> ranks;
    for (size_t i = 0; i < merges.size(); ++i) ranks[merges[i]] = i;
    std::vector<std::string> word = chars;
    while (word.size() > 1) {
        std::optional<BpeMerges::Pair> best;
        size_t bestRank = 0;
        for (size_t i = 0; i + 1 < word.size(); ++i) {
            auto it = ranks.find({word[i], word[i + 1]});
            if (it != ranks.end() && (!best || it->second < bestRank)) {
                best = it->first;
                bestRank = it->second;
            }
        }
        if (!best) break;
        std::vector<std::string> merged;
        for (size_t i = 0; i < word.size();) {
            if (i + 1 < word.size() && word[i] == best->first && word[i + 1] == best->second) {
                merged.push_back(word[i] + word[i + 1]);
                i += 2;
            } else {
                merged.push_back(word[i++]);
            }
        }
        word = merged;
    }
    return word;
}

}  // namespace

class TestBpeTokenizer : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void basics();
    void referenceRows_data();
    void referenceRows();
    void predictFixture();
    void mlmFixtureMasks();
    void pairsAndTruncation();
    void pretokenizerCases_data();
    void pretokenizerCases();
    void addPrefixSpace();
    void specialTokenFlags_data();
    void specialTokenFlags();
    void addedTokens();
    void decodeDetails();
    void invalidUtf8Text();
    void threadsGiveTheSameIds();
    void mergeLoopMatchesGpt2();
    void randomBytesNeverCrash();

private:
    const ByteLevelBpeTokenizer& tokenizer(const QString& which) const { return which == "raw" ? *raw_ : *roberta_; }
    std::optional<ByteLevelBpeTokenizer> roberta_, raw_;
    std::vector<json> rows_;
};

void TestBpeTokenizer::initTestCase() {
    roberta_.emplace(ByteLevelBpeTokenizer::fromFolder(fixtures::path(kRobertaFolder)));
    // The KantaiBERT files as published (vocab.json, merges.txt with tokenizers'
    // own header), with no tokenizer_config.json: RobertaTokenizer's defaults.
    static TempFolder raw("bpe_raw_kantaibert");
    std::filesystem::copy_file(fixtures::path("reference/vocab/kantaibert-vocab.json"), raw.file("vocab.json"));
    std::filesystem::copy_file(fixtures::path("reference/vocab/kantaibert-merges.txt"), raw.file("merges.txt"));
    raw_.emplace(ByteLevelBpeTokenizer::fromFolder(raw.path()));
    rows_ = fixtures::readJsonLines(kRows);
    QCOMPARE(rows_.size(), size_t(1581));
}

void TestBpeTokenizer::basics() {
    QCOMPARE(roberta_->vocabulary().size(), size_t(22622));
    QCOMPARE(roberta_->modelVocabSize(), size_t(22622));
    QCOMPARE(roberta_->merges().pairs().size(), size_t(22361));
    QCOMPARE(roberta_->kind(), std::string("byte-level BPE"));
    QVERIFY(!roberta_->lowercases());
    QCOMPARE(roberta_->clsId(), 0);
    QCOMPARE(roberta_->padId(), 1);
    QCOMPARE(roberta_->sepId(), 2);
    QCOMPARE(roberta_->unkId(), 3);
    QCOMPARE(roberta_->maskId(), 4);
    QCOMPARE(roberta_->specialTokenCount(false), size_t(2));
    QCOMPARE(roberta_->specialTokenCount(true), size_t(4));
    QVERIFY(!roberta_->options().addPrefixSpace);
    QVERIFY(roberta_->options().mask.lstrip);
    QVERIFY(!roberta_->options().cls.lstrip);
}

void TestBpeTokenizer::referenceRows_data() {
    QTest::addColumn<QString>("which");
    QTest::newRow("tiny-roberta-cola folder") << "tiny-roberta-cola";
    QTest::newRow("published files, defaults") << "raw";
}

// Every row: ids, tokens and decode; mismatches are listed all at once, then counted.
void TestBpeTokenizer::referenceRows() {
    QFETCH(QString, which);
    const ByteLevelBpeTokenizer& tok = tokenizer(which);
    int tokenMismatches = 0, decodeMismatches = 0, pairs = 0;
    for (const json& row : rows_) {
        const Encoding got = encodeRow(tok, row);
        pairs += row.contains("text_pair");
        std::ostringstream where;
        where << "row " << row["id"] << " [" << row["category"].get<std::string>() << "] text " << row["text"].dump();
        if (got.tokens != strings(row["tokens"]) || got.inputIds != ints(row["ids"])) {
            ++tokenMismatches;
            qWarning().noquote() << QString::fromStdString(where.str() + "\n  expected: " +
                                                           joined(strings(row["tokens"])) + "\n  got:      " +
                                                           joined(got.tokens));
        }
        if (got.tokenTypeIds != std::vector<int32_t>(got.inputIds.size(), 0) ||
            got.attentionMask != std::vector<int32_t>(got.inputIds.size(), 1))
            ++tokenMismatches;
        if (!row.contains("decoded")) continue;  // the pair rows have none
        const std::string decoded = tok.decode(ints(row["ids"]), true);
        if (decoded != row["decoded"].get<std::string>()) {
            ++decodeMismatches;
            qWarning().noquote() << QString::fromStdString(where.str() + "\n  expected decode: " +
                                                           row["decoded"].dump() + "\n  got decode:      " +
                                                           json(decoded).dump());
        }
    }
    qInfo("%s: %d/%zu rows with token mismatches (%d pairs among them), %d decode mismatches", qPrintable(which),
          tokenMismatches, rows_.size(), pairs, decodeMismatches);
    QCOMPARE(pairs, 4);
    QCOMPARE(tokenMismatches, 0);
    QCOMPARE(decodeMismatches, 0);
}

// tokenizer(text, truncation=True, max_length=128) for the tiny RoBERTa CoLA model.
void TestBpeTokenizer::predictFixture() {
    const auto rows = fixtures::readJsonLines(kRobertaFolder + "/expected/predict.jsonl");
    QCOMPARE(rows.size(), size_t(26));
    for (const json& row : rows) {
        const Encoding got = roberta_->encode(row["text"].get<std::string>(), 128);
        const QByteArray where = "row " + QByteArray::number(row["index"].get<int>());
        QVERIFY2(got.inputIds == ints(row["input_ids"]), where + ": " + joined(got.tokens).c_str());
        QVERIFY2(got.tokens == strings(row["tokens"]), where);
        QVERIFY2(got.attentionMask == ints(row["attention_mask"]), where);
        QVERIFY2(got.truncated() == row["truncated"].get<bool>(), where);
        QVERIFY2(got.untruncatedLength == row["num_tokens_untruncated"].get<size_t>(), where);
    }
    const Encoding last = roberta_->encode(rows[25]["text"].get<std::string>(), 128);
    QCOMPARE(last.inputIds.size(), size_t(128));
    QCOMPARE(last.inputIds.back(), roberta_->sepId());
}

// The masked-LM fixture's sentences: transformers' ids with <mask> eating the space before it.
void TestBpeTokenizer::mlmFixtureMasks() {
    const json mlm = fixtures::readJson("reference/tiny-roberta-mlm/expected/mlm.json");
    QCOMPARE(mlm["rows"].size(), size_t(3));
    for (const json& row : mlm["rows"]) {
        const Encoding got = roberta_->encode(row["text"].get<std::string>());
        QVERIFY2(got.inputIds == ints(row["input_ids"]), qPrintable(QString::fromStdString(joined(got.tokens))));
    }
}

void TestBpeTokenizer::pairsAndTruncation() {
    // "The boy ate." = 4 ids, "He was hungry." = 7 ids (reference row 1577); 15 in all.
    Encoding e = roberta_->encodePair("The boy ate.", "He was hungry.", 11);
    // Removes 4: b 7->6->5->4 (longer each time), then a tie 4/4 -> b again.
    QCOMPARE(e.inputIds, (std::vector<int32_t>{0, 804, 14145, 4619, 18, 2, 2, 6195, 856, 320, 2}));
    QCOMPARE(e.untruncatedLength, size_t(15));
    QVERIFY(e.truncated());
    QCOMPARE(e.tokenTypeIds, std::vector<int32_t>(11, 0));
    e = roberta_->encodePair("The boy ate.", "He was hungry.", 4);
    QCOMPARE(e.inputIds, (std::vector<int32_t>{0, 2, 2, 2}));
    e = roberta_->encode("The boy ate.", 3);
    QCOMPARE(e.inputIds, (std::vector<int32_t>{0, 804, 2}));
    QVERIFY_THROWS_EXCEPTION(UsageError, roberta_->encode("The boy ate.", 2));
    e = roberta_->encodePair("", "");
    QCOMPARE(e.inputIds, (std::vector<int32_t>{0, 2, 2, 2}));
}

// Expected values computed with transformers' own code path on the `regex`
// module (the module tokenization_roberta.py imports), for cases the reference
// rows do not pin down: whitespace runs, \x1c and U+0085 (whitespace to Python's
// str and `re` but not both to `regex`), contractions, and <mask> eating the
// space before it.
void TestBpeTokenizer::pretokenizerCases_data() {
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tokens");
    QTest::newRow("mask eats the space before it") << "Hello <mask> world" << "H ell o <mask> Ġworld";
    QTest::newRow("mask before punctuation") << "Hello <mask>." << "H ell o <mask> .";
    QTest::newRow("mask inside a word") << "a<mask>b" << "a <mask> b";
    QTest::newRow("mask between double spaces") << "a  <mask>  b" << "a <mask> Ġ Ġb";
    QTest::newRow("specials back to back") << "<s><mask></s>" << "<s> <mask> </s>";
    QTest::newRow("pad and unk") << "<pad><unk>" << "<pad> <unk>";
    QTest::newRow("U+0085 is whitespace to regex") << "x \u0085y" << "x Ġ Â ħ y";
    QTest::newRow("\\x1c is not") << "a\x1c b" << "a Ĝ Ġb";
    QTest::newRow("space then \\x1c") << "a \x1c" "b" << "a Ġ Ĝ b";
    QTest::newRow("two spaces") << "a  b" << "a Ġ Ġb";
    QTest::newRow("space newline space") << "a \n b" << "a ĠĊ Ġb";
    QTest::newRow("leading spaces") << "  leading" << "Ġ Ġleading";
    QTest::newRow("trailing spaces") << "trailing  " << "tr ailing ĠĠ";
    QTest::newRow("tabs") << "tab\t\tx" << "t ab ĉ ĉ x";
    QTest::newRow("contractions") << "don't I'll" << "don 't ĠI 'll";
    QTest::newRow("upper-case contraction") << "DON'T" << "DON ' T";
    QTest::newRow("no-break space") << "\u00a0 x" << "Â ł Ġx";
    QTest::newRow("ideographic space") << "x\u3000 y" << "x ã Ģ Ģ Ġy";
    QTest::newRow("digits") << "12345 67" << "12 3 45 Ġ6 7";
    QTest::newRow("combining accent") << "e\u0301" << "e Ì ģ";
    QTest::newRow("emoji") << "😀!" << "ð Ł ĺ Ģ !";
}

void TestBpeTokenizer::pretokenizerCases() {
    QFETCH(QString, text);
    QFETCH(QString, tokens);
    const auto got = roberta_->tokenize(text.toStdString());
    QCOMPARE(QString::fromStdString(joined(got)).replace(" | ", " "), tokens);
    QCOMPARE(roberta_->tokenizeToIds(text.toStdString()).size(), got.size());
}

// prepare_for_tokenization: one space before a text that does not start with
// whitespace (Python's str.isspace), before the special tokens are split out.
void TestBpeTokenizer::addPrefixSpace() {
    SmallFolder small("bpe_prefix_space");
    small.folder.write("tokenizer_config.json", R"({"add_prefix_space": true})");
    const auto tok = small.read();
    QVERIFY(tok.options().addPrefixSpace);
    QCOMPARE(tok.tokenize("the"), (std::vector<std::string>{"Ġthe"}));
    QCOMPARE(tok.tokenize(" the"), (std::vector<std::string>{"Ġthe"}));
    QCOMPARE(tok.tokenize("\tthe"), (std::vector<std::string>{"ĉ", "t", "he"}));
    QCOMPARE(tok.tokenize("<s>the"), (std::vector<std::string>{"Ġ", "<s>", "t", "he"}));
    QCOMPARE(tok.tokenize(""), std::vector<std::string>{});
    std::filesystem::remove(small.folder.file("tokenizer_config.json"));
    QCOMPARE(small.read().tokenize("the"), (std::vector<std::string>{"t", "he"}));
}

void TestBpeTokenizer::specialTokenFlags_data() {
    QTest::addColumn<QString>("config");
    QTest::addColumn<QString>("map");
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("tokens");
    const QString none;
    QTest::newRow("defaults: only <mask> strips") << none << none << "a <s> the <mask> a" << "a Ġ <s> Ġthe <mask> Ġa";
    QTest::newRow("config string: wrapped, strips nothing")
        << R"({"sep_token": "</s>"})" << none << "a </s> a" << "a Ġ </s> Ġa";
    QTest::newRow("config AddedToken rstrip")
        << R"({"sep_token": {"__type": "AddedToken", "content": "</s>", "rstrip": true}})" << none << "a </s> a"
        << "a Ġ </s> a";
    // special_tokens_map.json's plain strings replace the AddedTokens: stripped on both sides.
    QTest::newRow("map plain string strips both")
        << none << R"({"sep_token": "</s>", "eos_token": "</s>"})" << "a </s> a" << "a </s> a";
    // ... unless another role holds the same token as an AddedToken (eos keeps the default one).
    QTest::newRow("map plain string, AddedToken elsewhere") << none << R"({"sep_token": "</s>"})" << "a </s> a"
                                                            << "a Ġ </s> Ġa";
    QTest::newRow("map AddedToken lstrip")
        << none
        << R"({"cls_token": {"content": "<s>", "lstrip": true}, "bos_token": {"content": "<s>", "lstrip": true}})"
        << "a <s> a" << "a <s> Ġa";
    QTest::newRow("mask without lstrip") << R"({"mask_token": {"__type": "AddedToken", "content": "<mask>"}})" << none
                                         << "a <mask> a" << "a Ġ <mask> Ġa";
    // A plain string strips both sides; found inside words too.
    QTest::newRow("additional special token") << R"({"additional_special_tokens": ["he"]})" << none << "a he a"
                                              << "a he a";
    // The space between the two is eaten by the first (rstrip), so the second sees an empty neighbour.
    QTest::newRow("additional special AddedToken")
        << R"({"additional_special_tokens": [{"__type": "AddedToken", "content": "he", "rstrip": true}]})" << none
        << "ahe he a" << "a he he a";
}

void TestBpeTokenizer::specialTokenFlags() {
    QFETCH(QString, config);
    QFETCH(QString, map);
    QFETCH(QString, text);
    QFETCH(QString, tokens);
    SmallFolder small("bpe_flags");
    if (!config.isEmpty()) small.folder.write("tokenizer_config.json", config.toStdString());
    if (!map.isEmpty()) small.folder.write("special_tokens_map.json", map.toStdString());
    const auto tok = small.read();
    QCOMPARE(QString::fromStdString(joined(tok.tokenize(text.toStdString()))).replace(" | ", " "), tokens);
}

// added_tokens.json: ids after vocab.json's; never split; stripped on both sides
// (transformers 4.29.2 keeps no flags for tokens that are not special); decoded
// as words of their own.
void TestBpeTokenizer::addedTokens() {
    SmallFolder small("bpe_added");
    small.folder.write("added_tokens.json", R"({"<ent>": 265, "[X]": 266})");
    const auto tok = small.read();
    QCOMPARE(tok.vocabulary().size(), size_t(267));
    QCOMPARE(tok.modelVocabSize(), size_t(265));
    QCOMPARE(tok.tokenize("the <ent> a[X]the"), (std::vector<std::string>{"t", "he", "<ent>", "a", "[X]", "t", "he"}));
    const auto ids = tok.tokenizeToIds("the <ent> a[X]the");
    QCOMPARE(ids[2], 265);
    QCOMPARE(ids[4], 266);
    QCOMPARE(tok.decode(ids), std::string("the <ent> a [X] the"));
    QCOMPARE(tok.decode({265, 266}), std::string("<ent> [X]"));
    // Not special: kept when skipping special tokens.
    QCOMPARE(tok.decode(tok.encode("<ent>").inputIds, true), std::string("<ent>"));
}

void TestBpeTokenizer::decodeDetails() {
    const Encoding e = roberta_->encode("Hello <mask> world.");
    QCOMPARE(roberta_->decode(e.inputIds, false), std::string("<s>Hello<mask> world.</s>"));
    QCOMPARE(roberta_->decode(e.inputIds, true), std::string("Hello world."));
    QCOMPARE(roberta_->decode({}), std::string());
    // Half of "é" (bytes C3 A9): Python's errors="replace" gives one U+FFFD per bad sequence.
    QCOMPARE(roberta_->decode({132}), std::string("\uFFFD"));
    QCOMPARE(roberta_->decode({132, 132, 69}), std::string("\uFFFD\uFFFDa"));
    // Nothing is stripped, unlike BERT: row 282 decodes "<s> </s> <unk> <pad>" to three spaces.
    QCOMPARE(roberta_->decode({225, 69, 225}), std::string(" a "));
    // clean_up_tokenization_spaces (default true).
    QCOMPARE(roberta_->decode(roberta_->tokenizeToIds("a , b . c n't")), std::string("a, b. cn't"));
    // An id outside the vocabulary reads as <unk>, also when skipping special tokens.
    QCOMPARE(roberta_->decode({-1, 69, 999999}), std::string("<unk>a<unk>"));

    SmallFolder small("bpe_no_cleanup");
    small.folder.write("tokenizer_config.json", R"({"clean_up_tokenization_spaces": false})");
    const auto tok = small.read();
    QCOMPARE(tok.decode(tok.tokenizeToIds("a , b")), std::string("a , b"));
}

// Text that is not UTF-8 reads as Python's decode(errors="replace") would give it.
void TestBpeTokenizer::invalidUtf8Text() {
    QCOMPARE(roberta_->tokenizeToIds("a\xff" "b"), roberta_->tokenizeToIds("a\uFFFDb"));
    QCOMPARE(roberta_->tokenizeToIds("caf\xc3"), roberta_->tokenizeToIds("caf\uFFFD"));
    QCOMPARE(roberta_->tokenizeToIds("\xed\xa0\x80x"), roberta_->tokenizeToIds("\uFFFD\uFFFD\uFFFDx"));
    QCOMPARE(roberta_->tokenizeToIds("<ma\xffsk>"), roberta_->tokenizeToIds("<ma\uFFFDsk>"));
}

// What RobertaTokenizer accepts and how: merges.txt's first line is skipped
// whatever it says, a last line without a newline is dropped, blank lines are
// ignored, a pair listed twice ranks where it was listed last, and merges whose
// symbols are not in vocab.json are fine (their pieces become <unk>).
void TestBpeTokenizer::threadsGiveTheSameIds() {
    std::vector<std::vector<int32_t>> expected;
    for (const json& row : rows_) expected.push_back(encodeRow(*roberta_, row).inputIds);
    std::vector<int> mismatches(6, 0);
    std::vector<std::thread> threads;
    for (size_t t = 0; t < mismatches.size(); ++t)
        threads.emplace_back([&, t] {
            for (size_t pass = 0; pass < 2; ++pass)
                for (size_t i = t; i < rows_.size() + t; ++i) {  // each thread starts at another row
                    const size_t r = i % rows_.size();
                    if (encodeRow(*roberta_, rows_[r]).inputIds != expected[r]) ++mismatches[t];
                    (void)roberta_->decode(expected[r]);
                }
        });
    for (auto& thread : threads) thread.join();
    QCOMPARE(mismatches, std::vector<int>(mismatches.size(), 0));
}

// Random words over a tiny alphabet and random merge tables, in any order and
// with pairs listed twice: the heap-based loop gives what GPT-2's bpe() gives.
void TestBpeTokenizer::mergeLoopMatchesGpt2() {
    std::mt19937 rng(20240611);
    const std::vector<std::string> alphabet = {"a", "b", "c", "é"};
    for (int round = 0; round < 300; ++round) {
        std::vector<std::string> symbols = alphabet;
        std::vector<BpeMerges::Pair> merges;
        const int count = int(rng() % 12);
        for (int m = 0; m < count; ++m) {
            const std::string& first = symbols[rng() % symbols.size()];
            const std::string& second = symbols[rng() % symbols.size()];
            merges.emplace_back(first, second);
            if (rng() % 3) symbols.push_back(first + second);
        }
        if (count > 2 && rng() % 2) merges.push_back(merges[rng() % merges.size()]);  // a pair listed again
        const BpeMerges bpe = BpeMerges::fromPairs(merges, "test");
        for (int w = 0; w < 40; ++w) {
            std::vector<std::string> chars;
            std::string word;
            const int length = 1 + int(rng() % 14);
            for (int i = 0; i < length; ++i) {
                chars.push_back(alphabet[rng() % alphabet.size()]);
                word += chars.back();
            }
            std::vector<std::string_view> pieces;
            bpe.apply(word, pieces);
            const std::vector<std::string> got(pieces.begin(), pieces.end());
            const auto want = naiveBpe(chars, merges);
            if (got != want)
                QFAIL(qPrintable(QString::fromStdString("word " + word + ": " + joined(got) + " vs " + joined(want))));
        }
    }
}

void TestBpeTokenizer::randomBytesNeverCrash() {
    std::mt19937 rng(777);
    const std::string pieces[] = {"\xc3", "\xa9", "\xe4\xb8", "\xad", "\xf0\x9f", "<mask>", "<s>", "</s>", "<",
                                  " ",    "\t",   "\x85",     "'s",   "\xed\xa0", "\xcc\x81", "9", "A"};
    for (int i = 0; i < 5000; ++i) {
        std::string text;
        const int parts = int(rng() % 24);
        for (int k = 0; k < parts; ++k) {
            if (rng() % 2)
                text.push_back(static_cast<char>(rng() % 256));
            else
                text += pieces[rng() % std::size(pieces)];
        }
        const Encoding e = roberta_->encodePair(text, text, 64);
        QVERIFY(e.inputIds.size() <= 64);
        for (int32_t id : e.inputIds) QVERIFY(id >= 0 && size_t(id) < roberta_->vocabulary().size());
        (void)roberta_->decode(e.inputIds, false);
    }
}

QTEST_APPLESS_MAIN(TestBpeTokenizer)
#include "tst_bpe_tokenizer.moc"
