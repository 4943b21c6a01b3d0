// Model folders: save -> load is bit-exact and writes what transformers expects,
// writes are atomic, presets are BERT-initialised, and every broken folder gives
// an error naming the file and the problem.
#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "common/atomic_file.h"
#include "common/errors.h"
#include "file_error_of.h"
#include "fixtures.h"
#include "model/input_batch.h"
#include "temp_folder.h"

#include <QtTest>

#include <filesystem>

using namespace bertbench;
using fixtures::TempFolder;
namespace fs = std::filesystem;

namespace {

const std::string kCola = "reference/tiny-bert-cola";

torch::Tensor logitsOf(ModelBundle& model, const std::vector<std::string>& texts) {
    torch::NoGradGuard noGrad;
    std::vector<Encoding> encodings;
    for (const auto& t : texts) encodings.push_back(model.tokenizer->encode(t, 128));
    std::vector<TokenSequence> sequences;
    for (const auto& e : encodings) sequences.push_back(sequenceOf(e));
    return model.model->forward(padBatch(sequences, model.tokenizer->padId())).logits;
}

using fixtures::expectFileError;

const std::vector<std::string> kTexts = {"The sailors rode the breeze clear of the rocks.",
                                         "The more we study verbs, the crazier they get.", "Him left."};

}  // namespace

class TestModelFolder : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void saveThenLoadIsBitExact() {
        auto original = loadModelFolder(fixtures::path(kCola), Task::SequenceClassification);
        TempFolder folder("saved");
        saveModelFolder(original, folder.path());
        auto reloaded = loadModelFolder(folder.path());
        QVERIFY(reloaded.task == Task::SequenceClassification);
        QVERIFY(reloaded.report.warnings().empty());
        QVERIFY(torch::equal(logitsOf(original, kTexts), logitsOf(reloaded, kTexts)));
        QCOMPARE(reloaded.config.id2label, original.config.id2label);
        QCOMPARE(reloaded.maxLength, original.maxLength);
    }

    void savedFolderIsWhatTransformersReads() {
        auto model = loadModelFolder(fixtures::path(kCola), Task::SequenceClassification);
        TempFolder folder("layout");
        saveModelFolder(model, folder.path());
        for (const char* name :
             {"config.json", "model.safetensors", "vocab.txt", "tokenizer_config.json", "special_tokens_map.json"})
            QVERIFY2(fs::exists(folder.file(name)), name);
        std::ifstream configFile(folder.file("config.json"));
        const auto config = nlohmann::json::parse(configFile);
        QCOMPARE(config.at("architectures"), nlohmann::json({"BertForSequenceClassification"}));
        QCOMPARE(config.at("num_labels").get<int>(), 2);
        QCOMPARE(config.at("id2label").at("1").get<std::string>(), std::string("acceptable"));
        QCOMPARE(config.at("label2id").at("unacceptable").get<int>(), 0);
        QCOMPARE(config.at("model_type").get<std::string>(), std::string("bert"));
        QCOMPARE(config.at("hidden_size").get<int>(), 64);
        // Parameter names are the HF state-dict keys; nothing of ours leaks in.
        const auto weights = readStateDict(folder.file("model.safetensors"));
        QCOMPARE(weights.size(), size_t(41));
        for (const auto& [name, tensor] : weights)
            QVERIFY2(name.rfind("bert.", 0) == 0 || name.rfind("classifier.", 0) == 0, name.c_str());
        // The vocabulary is written back byte for byte.
        std::ifstream a(fixtures::path(kCola + "/vocab.txt")), b(folder.file("vocab.txt"));
        QVERIFY(std::string(std::istreambuf_iterator<char>(a), {}) == std::string(std::istreambuf_iterator<char>(b), {}));
        const auto tokenizer = readFolderTokenizer(folder.path());
        QVERIFY(tokenizer.tokenizer->lowercases());
        QCOMPARE(tokenizer.modelMaxLength, 128);
    }

    void maskedLmSavesWithoutTiedCopies() {
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-mlm"));
        TempFolder folder("mlm");
        saveModelFolder(model, folder.path());
        for (const auto& [name, tensor] : readStateDict(folder.file("model.safetensors")))
            QVERIFY2(name.find("decoder") == std::string::npos, name.c_str());
        auto reloaded = loadModelFolder(folder.path());
        QVERIFY(reloaded.task == Task::MaskedLM);
        QVERIFY(reloaded.report.warnings().empty());
    }

    void interruptedWriteKeepsTheOldFile() {
        TempFolder folder("atomic");
        folder.write("config.json", "old content");
        try {
            writeFileAtomically(folder.file("config.json"), [](std::ostream& out) {
                out << "half of the new";
                throw std::runtime_error("killed midway");
            });
            QFAIL("no error");
        } catch (const std::runtime_error&) {
        }
        std::ifstream in(folder.file("config.json"));
        QCOMPARE(std::string(std::istreambuf_iterator<char>(in), {}), std::string("old content"));
        QCOMPARE(std::distance(fs::directory_iterator(folder.path()), fs::directory_iterator()), 1);  // no leftovers
    }

    void presetModelsAreBertInitialised() {
        auto tokenizer = readFolderTokenizer(fixtures::path(kCola)).tokenizer;
        auto model = createPresetModel("tiny", tokenizer, {"no", "yes"});
        QCOMPARE(model.config.hiddenSize, 128);
        QCOMPARE(model.config.numLabels(), 2);
        QCOMPARE(model.config.architectures, std::vector<std::string>{"BertForSequenceClassification"});
        // Embeddings 30522*128 + 512*128 + 2*128 + LN 2*128; per layer 4*(128*128+128) + 2*LN +
        // 128*512+512 + 512*128+128 + LN; pooler 128*128+128; classifier 2*128+2.
        const int64_t embeddings = 30522 * 128 + 512 * 128 + 2 * 128 + 2 * 128;
        const int64_t layer = 4 * (128 * 128 + 128) + 2 * 256 + (128 * 512 + 512) + (512 * 128 + 128);
        const int64_t expected = embeddings + 2 * layer + (128 * 128 + 128) + (2 * 128 + 2);
        QCOMPARE(countParameters(model.module()).total, expected);
        for (const auto& item : model.module().named_parameters()) {
            const auto& name = item.key();
            const auto& p = item.value();
            if (name.find("LayerNorm.weight") != std::string::npos) {
                QVERIFY(torch::all(p == 1).item<bool>());
            } else if (name.size() >= 4 && name.compare(name.size() - 4, 4, "bias") == 0) {
                QVERIFY2(torch::all(p == 0).item<bool>(), name.c_str());
            } else if (p.numel() > 1000) {
                QVERIFY2(std::abs(p.std().item<double>() - 0.02) < 0.002, name.c_str());
                QVERIFY2(std::abs(p.mean().item<double>()) < 0.002, name.c_str());
            }
        }
        QVERIFY(torch::all(model.module().named_parameters()["bert.embeddings.word_embeddings.weight"][0] == 0).item<bool>());
        // Same seed, same model.
        auto again = createPresetModel("tiny", tokenizer, {"no", "yes"});
        QVERIFY(torch::equal(model.module().named_parameters()["classifier.weight"], again.module().named_parameters()["classifier.weight"]));
    }

    void presetModelSavesAndLoads() {
        auto tokenizer = readFolderTokenizer(fixtures::path(kCola)).tokenizer;
        auto model = createPresetModel("tiny", tokenizer, {"neg", "neu", "pos"});
        TempFolder folder("preset");
        saveModelFolder(model, folder.path());
        auto reloaded = loadModelFolder(folder.path());
        QCOMPARE(reloaded.config.id2label, (std::vector<std::string>{"neg", "neu", "pos"}));
        QVERIFY(torch::equal(logitsOf(model, kTexts), logitsOf(reloaded, kTexts)));
    }

    void brokenFoldersNameTheProblem() {
        TempFolder folder("broken");
        expectFileError([&] { loadModelFolder(folder.file("nope")); }, "config.json", "missing");
        expectFileError([&] { loadModelFolder(folder.file("nope"), Task::SequenceClassification); }, "nope",
                        "not a folder");

        folder.copyFrom(kCola, {"config.json", "model.safetensors"});
        expectFileError([&] { loadModelFolder(folder.path()); }, QString::fromStdString(folder.path()),
                        "has no tokenizer: expected vocab.txt (BERT, DistilBERT), vocab.json and merges.txt");
        folder.copyFrom(kCola, {"tokenizer_config.json"});  // names BertTokenizer: its vocab.txt is missing
        expectFileError([&] { loadModelFolder(folder.path()); }, "vocab.txt", "missing");

        fs::create_directories(folder.file("vocab.txt"));  // a folder where the vocabulary should be
        expectFileError([&] { loadModelFolder(folder.path()); }, "vocab.txt", "not a file");
        fs::remove(folder.file("vocab.txt"));

        folder.copyFrom(kCola, {"vocab.txt"});
        folder.write("config.json", "{\"hidden_size\": 64,,}");
        expectFileError([&] { loadModelFolder(folder.path(), Task::SequenceClassification); }, "config.json",
                        "invalid JSON");

        auto config = fixtures::readJson(kCola + "/config.json");
        config["vocab_size"] = 1000;
        folder.write("config.json", config.dump());
        expectFileError([&] { loadModelFolder(folder.path(), Task::SequenceClassification); }, "vocab.txt",
                        "has 30522 tokens but config.json's vocab_size is 1000");

        config = fixtures::readJson(kCola + "/config.json");
        config["hidden_size"] = 128;
        config["num_attention_heads"] = 4;
        folder.write("config.json", config.dump());
        expectFileError([&] { loadModelFolder(folder.path(), Task::SequenceClassification); }, "model.safetensors",
                        "has shape [30522, 64] but config.json implies [30522, 128]");

        // More layers than the weights hold: refused from the sizes, before the
        // model is built (that would allocate all 200 layers first).
        config = fixtures::readJson(kCola + "/config.json");
        config["num_hidden_layers"] = 200;
        config["intermediate_size"] = 8192;
        folder.write("config.json", config.dump());
        expectFileError([&] { loadModelFolder(folder.path(), Task::SequenceClassification); }, "config.json",
                        "does not belong to these weights");

        folder.copyFrom(kCola, {"config.json"});
        fs::remove(folder.file("model.safetensors"));
        expectFileError([&] { loadModelFolder(folder.path()); }, QString::fromStdString(folder.path()),
                        "no weights: expected model.safetensors or pytorch_model.bin");

        folder.write("model.safetensors", "garbage");
        expectFileError([&] { loadModelFolder(folder.path()); }, "model.safetensors", "truncated");

        folder.write("tokenizer_config.json", "[1, 2");
        expectFileError([&] { loadModelFolder(folder.path()); }, "tokenizer_config.json", "invalid JSON");
    }
};

QTEST_APPLESS_MAIN(TestModelFolder)
#include "tst_model_folder.moc"
