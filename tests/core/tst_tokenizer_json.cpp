// readTokenizerJson: tokenizer.json files built here from the reference
// vocabularies, in the layout transformers' convert_slow_tokenizer gives them
// (there is no real tokenizer.json fixture), must give the ids of the
// vocab.txt / vocab.json + merges.txt tokenizers on every reference row; every
// kind it cannot honour is an error naming the file and what is wrong.
#include <QtTest>

#include <fstream>
#include <sstream>

#include "common/errors.h"
#include "file_error_of.h"
#include "fixtures.h"
#include "temp_folder.h"
#include "tokenizer/bert_tokenizer.h"
#include "tokenizer/tokenizer_json.h"

using namespace bertbench;
using fixtures::TempFolder;
using nlohmann::json;

namespace {

std::vector<int32_t> ints(const json& array) { return array.get<std::vector<int32_t>>(); }

json vocabObject(const std::vector<std::string>& tokens) {
    json object = json::object();
    for (size_t id = 0; id < tokens.size(); ++id) object[tokens[id]] = id;
    return object;
}

json addedToken(int id, const std::string& content, bool lstrip = false, bool special = true) {
    return {{"id", id},         {"content", content}, {"single_word", false}, {"lstrip", lstrip},
            {"rstrip", false},  {"normalized", false}, {"special", special}};
}

json specialToken(const std::string& id, int typeId) { return {{"SpecialToken", {{"id", id}, {"type_id", typeId}}}}; }
json sequence(const std::string& id, int typeId) { return {{"Sequence", {{"id", id}, {"type_id", typeId}}}}; }

// BertConverter's output for a vocab.txt.
json wordPieceJson(const std::vector<std::string>& tokens, bool lowercase) {
    const json vocab = vocabObject(tokens);
    json added = json::array();
    for (const char* special : {"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"})
        if (vocab.contains(special)) added.push_back(addedToken(vocab[special].get<int>(), special));
    return {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer",
         {{"type", "BertNormalizer"}, {"clean_text", true}, {"handle_chinese_chars", true},
          {"strip_accents", nullptr}, {"lowercase", lowercase}}},
        {"pre_tokenizer", {{"type", "BertPreTokenizer"}}},
        {"post_processor",
         {{"type", "TemplateProcessing"},
          {"single", {specialToken("[CLS]", 0), sequence("A", 0), specialToken("[SEP]", 0)}},
          {"pair",
           {specialToken("[CLS]", 0), sequence("A", 0), specialToken("[SEP]", 0), sequence("B", 1),
            specialToken("[SEP]", 1)}},
          {"special_tokens", json::object()}}},
        {"decoder", {{"type", "WordPiece"}, {"prefix", "##"}, {"cleanup", true}}},
        {"model",
         {{"type", "WordPiece"}, {"unk_token", "[UNK]"}, {"continuing_subword_prefix", "##"},
          {"max_input_chars_per_word", 100}, {"vocab", vocab}}},
    };
}

// RobertaConverter's output for vocab.json + merges.txt.
json bpeJson(const json& vocab, const std::vector<std::string>& merges) {
    json added = json::array();
    for (const char* special : {"<s>", "<pad>", "</s>", "<unk>", "<mask>"})
        if (vocab.contains(special))
            added.push_back(addedToken(vocab[special].get<int>(), special, std::string(special) == "<mask>"));
    return {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer", nullptr},
        {"pre_tokenizer",
         {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}}},
        {"post_processor",
         {{"type", "RobertaProcessing"}, {"sep", {"</s>", 2}}, {"cls", {"<s>", 0}}, {"trim_offsets", true},
          {"add_prefix_space", false}}},
        {"decoder", {{"type", "ByteLevel"}, {"add_prefix_space", true}, {"trim_offsets", true}, {"use_regex", true}}},
        {"model",
         {{"type", "BPE"}, {"dropout", nullptr}, {"unk_token", nullptr}, {"continuing_subword_prefix", ""},
          {"end_of_word_suffix", ""}, {"fuse_unk", false}, {"byte_fallback", false}, {"vocab", vocab},
          {"merges", merges}}},
    };
}

std::vector<std::string> fileLines(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::vector<std::string> lines;
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

std::vector<std::string> kantaiMerges() {
    auto lines = fileLines(fixtures::path("reference/vocab/kantaibert-merges.txt"));
    lines.erase(lines.begin());  // "#version: 0.2 - Trained by `huggingface/tokenizers`"
    return lines;
}

json kantaiBpeJson() { return bpeJson(fixtures::readJson("reference/vocab/kantaibert-vocab.json"), kantaiMerges()); }

json tinyBpeJson() {
    std::vector<std::string> tokens = {"<s>", "<pad>", "</s>", "<unk>", "<mask>", "a", "b", "Ġ", "ab", "Ġa"};
    return bpeJson(vocabObject(tokens), {"a b", "Ġ a"});
}

json tinyWordPieceJson() { return wordPieceJson({"[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "hello"}, true); }

std::string writeJson(const TempFolder& folder, const json& value) {
    folder.write("tokenizer.json", value.dump());
    return folder.file("tokenizer.json");
}

}  // namespace

class TestTokenizerJson : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void wordPieceMatchesVocabTxt_data();
    void wordPieceMatchesVocabTxt();
    void bpeMatchesVocabJson_data();
    void bpeMatchesVocabJson();
    void bpePredictFixture();
    void bpeAddedTokens();
    void bpeOptions();
    void unsupported_data();
    void unsupported();
};

void TestTokenizerJson::wordPieceMatchesVocabTxt_data() {
    QTest::addColumn<QString>("which");
    QTest::addColumn<QString>("vocab");
    QTest::addColumn<bool>("lowercase");
    QTest::newRow("uncased") << "uncased" << "reference/vocab/bert-base-uncased-vocab.txt" << true;
    QTest::newRow("cased") << "cased" << "reference/vocab/bert-base-cased-vocab.txt" << false;
}

void TestTokenizerJson::wordPieceMatchesVocabTxt() {
    QFETCH(QString, which);
    QFETCH(QString, vocab);
    QFETCH(bool, lowercase);
    const auto tokens = Vocabulary::fromFile(fixtures::path(vocab.toStdString())).tokens();
    TempFolder folder("tokenizer_json_wordpiece");
    const auto tok = readTokenizerJson(writeJson(folder, wordPieceJson(tokens, lowercase)));
    QCOMPARE(tok->kind(), std::string("WordPiece"));
    QCOMPARE(tok->lowercases(), lowercase);
    QCOMPARE(tok->vocabulary().tokens(), tokens);
    QVERIFY(dynamic_cast<const BertTokenizer*>(tok.get()));
    const auto rows = fixtures::readJsonLines("reference/tokenizer/" + which.toStdString() + ".jsonl");
    int mismatches = 0;
    for (const json& row : rows) {
        const Encoding e = tok->encode(row["text"].get<std::string>());
        if (e.inputIds != ints(row["ids"]) || tok->decode(e.inputIds) != row["decoded"].get<std::string>()) {
            ++mismatches;
            qWarning("row %d differs", row["id"].get<int>());
        }
    }
    qInfo("%s: %d/%zu rows differ", qPrintable(which), mismatches, rows.size());
    QCOMPARE(rows.size(), size_t(1577));
    QCOMPARE(mismatches, 0);
}

void TestTokenizerJson::bpeMatchesVocabJson_data() {
    QTest::addColumn<QString>("variant");
    QTest::newRow("as converted") << "plain";
    QTest::newRow("merges as pairs") << "pairs";
    QTest::newRow("TemplateProcessing") << "template";
    QTest::newRow("pre-tokenizer in a Sequence") << "sequence";
    QTest::newRow("no model type (old files)") << "untyped";
}

void TestTokenizerJson::bpeMatchesVocabJson() {
    QFETCH(QString, variant);
    json file = kantaiBpeJson();
    if (variant == "pairs") {
        json pairs = json::array();
        for (const auto& merge : file["model"]["merges"]) {
            const std::string text = merge;
            pairs.push_back({text.substr(0, text.find(' ')), text.substr(text.find(' ') + 1)});
        }
        file["model"]["merges"] = pairs;
    } else if (variant == "template") {
        file["post_processor"] = {
            {"type", "TemplateProcessing"},
            {"single", {specialToken("<s>", 0), sequence("A", 0), specialToken("</s>", 0)}},
            {"pair",
             {specialToken("<s>", 0), sequence("A", 0), specialToken("</s>", 0), specialToken("</s>", 0),
              sequence("B", 0), specialToken("</s>", 0)}},
            {"special_tokens", json::object()}};
    } else if (variant == "sequence") {
        file["pre_tokenizer"] = {{"type", "Sequence"}, {"pretokenizers", {file["pre_tokenizer"]}}};
        file["normalizer"] = {{"type", "Sequence"}, {"normalizers", json::array()}};
    } else if (variant == "untyped") {
        file["model"].erase("type");
    }
    TempFolder folder("tokenizer_json_bpe");
    const auto tok = readTokenizerJson(writeJson(folder, file));
    QCOMPARE(tok->kind(), std::string("byte-level BPE"));
    QCOMPARE(tok->vocabulary().size(), size_t(22622));
    QCOMPARE(tok->maskId(), 4);
    QCOMPARE(tok->padId(), 1);
    const auto rows = fixtures::readJsonLines("reference/tokenizer/roberta-kantaibert.jsonl");
    int mismatches = 0;
    for (const json& row : rows) {
        const Encoding e = row.contains("text_pair") ? tok->encodePair(row["text"].get<std::string>(),
                                                                       row["text_pair"].get<std::string>())
                                                     : tok->encode(row["text"].get<std::string>());
        const bool decodeOk = !row.contains("decoded") || tok->decode(e.inputIds) == row["decoded"].get<std::string>();
        if (e.inputIds != ints(row["ids"]) || !decodeOk) {
            ++mismatches;
            qWarning("row %d differs", row["id"].get<int>());
        }
    }
    qInfo("%s: %d/%zu rows differ", qPrintable(variant), mismatches, rows.size());
    QCOMPARE(rows.size(), size_t(1581));
    QCOMPARE(mismatches, 0);
}

void TestTokenizerJson::bpePredictFixture() {
    TempFolder folder("tokenizer_json_predict");
    const auto tok = readTokenizerJson(writeJson(folder, kantaiBpeJson()));
    for (const json& row : fixtures::readJsonLines("reference/tiny-roberta-cola/expected/predict.jsonl"))
        QVERIFY2(tok->encode(row["text"].get<std::string>(), 128).inputIds == ints(row["input_ids"]),
                 qPrintable(QString::number(row["index"].get<int>())));
}

// Added tokens outside the model's vocabulary continue its ids; their flags are
// honoured (the fast tokenizer's rule); special ones are skipped by decode.
void TestTokenizerJson::bpeAddedTokens() {
    json file = tinyBpeJson();
    file["added_tokens"].push_back(addedToken(10, "<ent>", false, false));
    file["added_tokens"].push_back(addedToken(11, "<sys>", true, true));
    TempFolder folder("tokenizer_json_added");
    const auto tok = readTokenizerJson(writeJson(folder, file));
    QCOMPARE(tok->vocabulary().size(), size_t(12));
    QCOMPARE(tok->tokenize("ab <ent> a <sys> b"),
             (std::vector<std::string>{"ab", "Ġ", "<ent>", "Ġa", "<sys>", "Ġ", "b"}));
    const auto ids = tok->encode("ab <ent> a <sys> b").inputIds;
    QCOMPARE(ids, (std::vector<int32_t>{0, 8, 7, 10, 9, 11, 7, 6, 2}));
    // Added tokens are sub-texts of their own, joined by spaces; skipping <sys> joins " a" and " b".
    QCOMPARE(tok->decode(ids, true), std::string("ab  <ent>  a b"));
    QCOMPARE(tok->decode(ids, false), std::string("<s>ab  <ent>  a <sys>  b</s>"));
}

void TestTokenizerJson::bpeOptions() {
    json file = tinyBpeJson();
    file["pre_tokenizer"]["add_prefix_space"] = true;
    file["model"]["unk_token"] = "<unk>";
    TempFolder folder("tokenizer_json_options");
    const auto tok = readTokenizerJson(writeJson(folder, file));
    QCOMPARE(tok->tokenize("a"), (std::vector<std::string>{"Ġa"}));
    QCOMPARE(tok->tokenizeToIds("c"), (std::vector<int32_t>{7, 3}));  // "Ġ", then "c", which this vocabulary lacks
    QCOMPARE(tok->unkId(), 3);
}

void TestTokenizerJson::unsupported_data() {
    QTest::addColumn<QString>("base");   // "bpe", "wordpiece" or "raw" (patch is the whole file)
    QTest::addColumn<QString>("patch");  // a JSON merge patch (RFC 7386) applied to the base
    QTest::addColumn<QString>("fragment");
    QTest::newRow("not JSON") << "raw" << "{\"model\":" << "invalid JSON";
    QTest::newRow("not an object") << "raw" << "[]" << "must be a JSON object";
    QTest::newRow("no model") << "bpe" << R"({"model": null})" << "has no \"model\" object";
    QTest::newRow("Unigram") << "bpe" << R"({"model": {"type": "Unigram"}})"
                             << "model type \"Unigram\" is not supported; supported: \"WordPiece\" (BERT) and \"BPE\"";
    QTest::newRow("WordLevel") << "wordpiece" << R"({"model": {"type": "WordLevel"}})"
                               << "model type \"WordLevel\" is not supported";
    QTest::newRow("no type, nothing to tell") << "bpe" << R"({"model": {"type": null, "merges": null}})"
                                              << "model type null is not supported";
    QTest::newRow("BPE with Metaspace") << "bpe" << R"({"pre_tokenizer": {"type": "Metaspace", "use_regex": null}})"
                                        << "model \"BPE\" with pre_tokenizer \"Metaspace\" is not supported";
    QTest::newRow("BPE without pre-tokenizer") << "bpe" << R"({"pre_tokenizer": null})" << "pre_tokenizer null";
    QTest::newRow("BPE use_regex false") << "bpe" << R"({"pre_tokenizer": {"use_regex": false}})" << "use_regex false";
    QTest::newRow("BPE Lowercase normalizer") << "bpe" << R"({"normalizer": {"type": "Lowercase"}})"
                                              << "normalizer \"Lowercase\" is not supported";
    QTest::newRow("BPE normalizer Sequence") << "bpe"
                                             << R"({"normalizer": {"type": "Sequence", "normalizers": [{"type": "NFC"}]}})"
                                             << "normalizer \"Sequence\" is not supported";
    QTest::newRow("BPE dropout") << "bpe" << R"({"model": {"dropout": 0.1}})" << "model.dropout 0.1";
    QTest::newRow("BPE end_of_word_suffix") << "bpe" << R"({"model": {"end_of_word_suffix": "</w>"}})"
                                            << "model.end_of_word_suffix";
    QTest::newRow("BPE merge of three") << "bpe" << R"({"model": {"merges": ["a b", "a b c"]}})" << "model.merges[1]";
    QTest::newRow("BPE merge pair of one") << "bpe" << R"({"model": {"merges": [["a"]]}})" << "model.merges[0]";
    QTest::newRow("BPE merges not a list") << "bpe" << R"({"model": {"merges": 5}})" << "model.merges must be a list";
    QTest::newRow("BPE merge with a tab") << "bpe" << R"({"model": {"merges": [["a\t", "b"]]}})"
                                          << "holds whitespace";
    QTest::newRow("BPE vocab not an object") << "bpe" << R"({"model": {"vocab": [1]}})"
                                             << "model.vocab must be a JSON object";
    QTest::newRow("BPE vocab id out of range") << "bpe" << R"({"model": {"vocab": {"zz": 99}}})"
                                               << "\"zz\" has id 99";
    QTest::newRow("BPE BertProcessing") << "bpe" << R"({"post_processor": {"type": "BertProcessing"}})"
                                        << "post_processor \"BertProcessing\" is not supported";
    QTest::newRow("BPE template of BERT's shape")
        << "bpe"
        << R"({"post_processor": {"type": "TemplateProcessing",
               "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                          {"SpecialToken": {"id": "</s>", "type_id": 0}}],
               "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                        {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 1}},
                        {"SpecialToken": {"id": "</s>", "type_id": 1}}]}})"
        << "does not put the special tokens where RoBERTa";
    QTest::newRow("BPE cls not in the vocabulary") << "bpe" << R"({"post_processor": {"cls": ["[CLS]", 0]}})"
                                                   << "vocabulary has no [CLS] token";
    QTest::newRow("BPE added token at another id") << "bpe" << R"({"added_tokens": [{"id": 7, "content": "<s>"}]})"
                                                   << "model.vocab gives it 0";
    QTest::newRow("BPE added token after a gap") << "bpe" << R"({"added_tokens": [{"id": 12, "content": "<x>"}]})"
                                                 << "should have 10";
    QTest::newRow("BPE added token without content") << "bpe" << R"({"added_tokens": [{"id": 3}]})"
                                                     << "needs an integer \"id\" and a non-empty \"content\"";
    QTest::newRow("WordPiece prefix @@") << "wordpiece" << R"({"model": {"continuing_subword_prefix": "@@"}})"
                                         << "continuing_subword_prefix must be \"##\"";
    QTest::newRow("WordPiece other unk") << "wordpiece" << R"({"model": {"unk_token": "<unk>"}})"
                                         << "model.unk_token must be \"[UNK]\"";
    QTest::newRow("WordPiece max chars -1") << "wordpiece" << R"({"model": {"max_input_chars_per_word": -1}})"
                                            << "max_input_chars_per_word must be a positive integer";
    QTest::newRow("WordPiece NFD normalizer") << "wordpiece" << R"({"normalizer": {"type": "NFD"}})"
                                              << "normalizer \"NFD\" is not supported with WordPiece";
    QTest::newRow("WordPiece without normalizer") << "wordpiece" << R"({"normalizer": null})" << "normalizer null";
    QTest::newRow("WordPiece clean_text false") << "wordpiece" << R"({"normalizer": {"clean_text": false}})"
                                                << "clean_text false cannot be honoured";
    QTest::newRow("WordPiece lowercase a string") << "wordpiece" << R"({"normalizer": {"lowercase": "yes"}})"
                                                  << "normalizer.lowercase must be true or false";
    QTest::newRow("WordPiece Whitespace pre-tokenizer")
        << "wordpiece" << R"({"pre_tokenizer": {"type": "Whitespace"}})" << "pre_tokenizer \"Whitespace\" is not supported";
    QTest::newRow("WordPiece without post-processor") << "wordpiece" << R"({"post_processor": null})"
                                                      << "post_processor null is not supported";
    QTest::newRow("WordPiece extra added token")
        << "wordpiece" << R"({"added_tokens": [{"id": 5, "content": "hello", "special": true}]})"
        << "added token \"hello\" (id 5) cannot be honoured";
    QTest::newRow("WordPiece without [MASK]") << "wordpiece" << R"({"model": {"vocab": {"[MASK]": null, "hello": 4}}})"
                                              << "vocabulary has no [MASK] token";
}

void TestTokenizerJson::unsupported() {
    QFETCH(QString, base);
    QFETCH(QString, patch);
    QFETCH(QString, fragment);
    TempFolder folder("tokenizer_json_unsupported");
    std::string path;
    if (base == "raw") {
        folder.write("tokenizer.json", patch.toStdString());
        path = folder.file("tokenizer.json");
    } else {
        json file = base == "bpe" ? tinyBpeJson() : tinyWordPieceJson();
        file.merge_patch(json::parse(patch.toStdString()));
        path = writeJson(folder, file);
    }
    const QString message = fixtures::fileErrorOf([&] { readTokenizerJson(path); });
    QVERIFY2(message.startsWith(QString::fromStdString(path) + ":"), qPrintable(message));
    QVERIFY2(message.contains(fragment), qPrintable(message));
}

QTEST_APPLESS_MAIN(TestTokenizerJson)
#include "tst_tokenizer_json.moc"
