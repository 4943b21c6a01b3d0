// DistilBERT and RoBERTa against transformers 4.29.2: every row of the
// reference outputs of tiny-distilbert-* and tiny-roberta-* (logits,
// probabilities, attentions, hidden states, padded batches, masked-LM top-5 and
// full logit rows) within 1e-4, from model.safetensors and pytorch_model.bin
// alike; tokenizer ids exactly; a saved folder reloads bit for bit; and each
// bad-file case of the BERT loader has its counterpart here.
#include "checkpoint/model_folder.h"
#include "checkpoint/model_handle.h"
#include "common/errors.h"
#include "file_error_of.h"
#include "fixtures.h"
#include "inference/predictor.h"
#include "model/input_batch.h"
#include "temp_folder.h"
#include "reference_rows.h"
#include "tensor_compare.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace bertbench;
using fixtures::maxAbsDiff;
namespace fs = std::filesystem;

namespace {

constexpr double kTolerance = 1e-4;

torch::Tensor idsTensor(const nlohmann::json& ids) {
    return torch::tensor(ids.get<std::vector<int64_t>>()).unsqueeze(0);
}

torch::Tensor matrix(const nlohmann::json& rows) {
    std::vector<torch::Tensor> tensors;
    for (const auto& r : rows) tensors.push_back(torch::tensor(r.get<std::vector<int64_t>>()));
    return torch::stack(tensors);
}

// A copy of a reference folder whose only weights file is `weights`.
std::string folderWithWeights(const fixtures::TempFolder& temp, const std::string& reference, const std::string& weights) {
    const std::string dir = temp.file(reference + "-" + weights);
    fs::create_directories(dir);
    for (const auto& entry : fs::directory_iterator(fixtures::path("reference/" + reference))) {
        const auto name = entry.path().filename().string();
        if (entry.is_directory() || name == "model.safetensors" || name == "pytorch_model.bin") continue;
        fs::copy_file(entry.path(), dir + "/" + name);
    }
    fs::copy_file(fixtures::path("reference/" + reference + "/" + weights), dir + "/" + weights);
    return dir;
}

void writeJson(const std::string& path, const nlohmann::json& value) { std::ofstream(path) << value.dump(2); }

using fixtures::expectFileError;

}  // namespace

class TestReferenceFamilies : public QObject {
    Q_OBJECT

private:
    void addFolderRows() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("weights");
        for (const char* family : {"tiny-distilbert", "tiny-roberta"})
            for (const char* weights : {"model.safetensors", "pytorch_model.bin"})
                QTest::newRow((std::string(family) + " " + weights).c_str()) << QString(family) << QString(weights);
    }

private Q_SLOTS:
    void classifierMatchesEveryRow_data() { addFolderRows(); }
    void classifierMatchesEveryRow() {
        QFETCH(QString, reference);
        QFETCH(QString, weights);
        const fixtures::TempFolder temp("families_predict");
        const auto name = reference.toStdString() + "-cola";
        auto model = loadModelFolder(folderWithWeights(temp, name, weights.toStdString()));
        QCOMPARE(model.task, Task::SequenceClassification);
        QVERIFY2(model.report.newlyInitialised.empty() && model.report.unused.empty(),
                 model.report.warnings().empty() ? "" : model.report.warnings().front().c_str());
        QCOMPARE(model.maxLength, int64_t(128));
        const auto rows = fixtures::readJsonLines("reference/" + name + "/expected/predict.jsonl");
        QCOMPARE(rows.size(), size_t(26));
        torch::NoGradGuard noGrad;
        int detailedRows = 0;
        for (const auto& row : rows) {
            const auto tag = QByteArray("row ") + QByteArray::number(row.at("index").get<int>());
            const auto encoding = model.tokenizer->encode(row.at("text").get<std::string>(), 128);
            QVERIFY2(encoding.inputIds == row.at("input_ids").get<std::vector<int32_t>>(), tag + " ids");
            QVERIFY2(encoding.tokens == row.at("tokens").get<std::vector<std::string>>(), tag + " tokens");
            QCOMPARE(encoding.untruncatedLength, row.at("num_tokens_untruncated").get<size_t>());

            ModelInputs inputs{idsTensor(row.at("input_ids")), torch::Tensor(), idsTensor(row.at("attention_mask"))};
            const bool detailed = row.contains("attentions");
            ForwardOptions options;
            options.attentions = options.hiddenStates = detailed;
            auto out = model.model->forward(inputs, options);
            fixtures::checkPredictRow(out, row, kTolerance);
            QCOMPARE(model.config.id2label[size_t(out.logits[0].argmax().item<int64_t>())],
                     row.at("predicted_label").get<std::string>());
            if (detailed) ++detailedRows;
        }
        QCOMPARE(detailedRows, 5);
    }

    void paddedBatchMatches_data() { addFolderRows(); }
    void paddedBatchMatches() {
        QFETCH(QString, reference);
        QFETCH(QString, weights);
        const fixtures::TempFolder temp("families_batch");
        const auto name = reference.toStdString() + "-cola";
        auto model = std::make_shared<ModelBundle>(loadModelFolder(folderWithWeights(temp, name, weights.toStdString())));
        const auto expected = fixtures::readJson("reference/" + name + "/expected/predict_batched.json");
        torch::NoGradGuard noGrad;
        auto logits = model->model->forward({matrix(expected.at("input_ids")), torch::Tensor(),
                                             matrix(expected.at("attention_mask"))})
                          .logits;
        QVERIFY(maxAbsDiff(logits, expected.at("logits")) < kTolerance);

        // The engine's own padding (with the tokenizer's pad id: 1 for RoBERTa) agrees.
        std::vector<std::string> texts;
        for (const auto& row : fixtures::readJsonLines("reference/" + name + "/expected/predict.jsonl"))
            texts.push_back(row.at("text").get<std::string>());
        const auto predictions = Predictor(model).predictBatch(texts);
        QCOMPARE(predictions.size(), size_t(26));
        for (size_t i = 0; i < predictions.size(); ++i) {
            const auto want = expected.at("logits")[i].get<std::vector<float>>();
            for (size_t c = 0; c < want.size(); ++c) QVERIFY(std::abs(predictions[i].logits[c] - want[c]) < kTolerance);
        }
    }

    void maskedLanguageModelMatches_data() { addFolderRows(); }
    void maskedLanguageModelMatches() {
        QFETCH(QString, reference);
        QFETCH(QString, weights);
        const fixtures::TempFolder temp("families_mlm");
        const auto name = reference.toStdString() + "-mlm";
        auto model = loadModelFolder(folderWithWeights(temp, name, weights.toStdString()));
        QCOMPARE(model.task, Task::MaskedLM);
        QVERIFY2(model.report.newlyInitialised.empty(), "the decoder must be tied, not newly initialised");
        QVERIFY(model.report.unused.empty());
        const auto expected = fixtures::readJson("reference/" + name + "/expected/mlm.json");
        torch::NoGradGuard noGrad;
        int checkedMasks = 0;
        bool checkedFullRow = false;
        for (const auto& sentence : expected.at("rows")) {
            const auto encoding = model.tokenizer->encode(sentence.at("text").get<std::string>());
            QCOMPARE(encoding.inputIds, sentence.at("input_ids").get<std::vector<int32_t>>());
            auto logits = model.model->forward({idsTensor(sentence.at("input_ids")), {}, {}}).logits[0];  // [T, V]
            const auto positions = sentence.at("mask_positions").get<std::vector<int64_t>>();
            for (size_t m = 0; m < positions.size(); ++m) {
                const auto row = logits[positions[m]];
                const auto& want = sentence.at("top5")[m];
                auto [values, ids] = row.topk(5);
                QCOMPARE(std::vector<int64_t>(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + 5),
                         want.at("ids").get<std::vector<int64_t>>());
                QVERIFY(maxAbsDiff(values, want.at("logits")) < kTolerance);
                QVERIFY(std::abs(torch::logsumexp(row, 0).item<double>() - want.at("logsumexp").get<double>()) <
                        kTolerance);
                if (m == 0 && sentence.contains("first_mask_full_logits")) {
                    QVERIFY(maxAbsDiff(row, sentence.at("first_mask_full_logits")) < kTolerance);
                    checkedFullRow = true;
                }
                ++checkedMasks;
            }
        }
        QVERIFY(checkedMasks >= 3);
        QVERIFY(checkedFullRow);
    }

    void savedFolderReloadsBitIdentical_data() {
        QTest::addColumn<QString>("reference");
        for (const char* name : {"tiny-distilbert-cola", "tiny-distilbert-mlm", "tiny-roberta-cola", "tiny-roberta-mlm"})
            QTest::newRow(name) << QString(name);
    }
    void savedFolderReloadsBitIdentical() {
        QFETCH(QString, reference);
        const auto name = reference.toStdString();
        const fixtures::TempFolder temp("families_save");
        auto original = loadModelFolder(fixtures::path("reference/" + name));
        saveModelFolder(original, temp.file("saved"));
        auto again = loadModelFolder(temp.file("saved"));
        QCOMPARE(again.task, original.task);
        QCOMPARE(again.architecture(), original.architecture());
        QVERIFY(again.report.newlyInitialised.empty() && again.report.unused.empty());

        const std::string text = "The boy ate the apple.";
        QCOMPARE(again.tokenizer->encode(text).inputIds, original.tokenizer->encode(text).inputIds);
        torch::NoGradGuard noGrad;
        const auto ids = idsTensor(nlohmann::json(original.tokenizer->encode(text).inputIds));
        QVERIFY(torch::equal(again.model->forward({ids, {}, {}}).logits, original.model->forward({ids, {}, {}}).logits));

        // config.json in the family's own words, as transformers writes it.
        const auto config = fixtures::readJsonFile(temp.file("saved/config.json"));
        const auto source = fixtures::readJson("reference/" + name + "/config.json");
        QCOMPARE(config.at("model_type"), source.at("model_type"));
        QCOMPARE(config.at("architectures"), source.at("architectures"));
        for (const auto& [key, value] : source.items()) {
            if (key == "transformers_version" || key == "torch_dtype") continue;
            QVERIFY2(config.contains(key), key.c_str());
            QVERIFY2(config.at(key) == value, (key + ": " + config.at(key).dump() + " vs " + value.dump()).c_str());
        }
        if (source.at("model_type") == "distilbert") QVERIFY(!config.contains("hidden_size"));
        const bool bpe = source.at("model_type") == "roberta";
        QCOMPARE(fs::exists(temp.file("saved/vocab.json")), bpe);
        QCOMPARE(fs::exists(temp.file("saved/merges.txt")), bpe);
        QCOMPARE(fs::exists(temp.file("saved/vocab.txt")), !bpe);
    }

    void predictionsShowTokensAsPeopleReadThem() {
        auto model = std::make_shared<ModelBundle>(loadModelFolder(fixtures::path("reference/tiny-roberta-cola")));
        const auto p = Predictor(model).predict("The boy ate the apple. Café");
        QCOMPARE(p.tokens.front(), std::string("<s>"));
        QCOMPARE(p.tokens.at(2), std::string("\u0120boy"));  // the byte alphabet's space
        const std::vector<std::string> readable = {"<s>", "The", "\u2581boy", "\u2581ate", "\u2581the", "\u2581app",
                                                   "le", ".", "\u2581C", "af", "\u00e9", "</s>"};
        QCOMPARE(p.readableTokens, readable);
        QCOMPARE(p.special,
                 (std::vector<bool>{true, false, false, false, false, false, false, false, false, false, false, true}));

        auto bert = std::make_shared<ModelBundle>(loadModelFolder(fixtures::path("reference/tiny-bert-cola")));
        const auto q = Predictor(bert).predict("Him left.");
        QCOMPARE(q.readableTokens, q.tokens);  // WordPiece tokens are already readable
        QCOMPARE(q.special, (std::vector<bool>{true, false, false, false, true}));
    }

    void unknownModelTypeNamesTheSupportedOnes() {
        const fixtures::TempFolder temp("families_unknown");
        const auto dir = folderWithWeights(temp, "tiny-roberta-cola", "model.safetensors");
        auto config = fixtures::readJsonFile(dir + "/config.json");
        config["model_type"] = "xlm-roberta";
        writeJson(dir + "/config.json", config);
        expectFileError([&] { loadModelFolder(dir); }, "config.json",
                        "\"xlm-roberta\"; supported model types: bert, distilbert, roberta");
    }

    void missingMergesIsAnError() {
        const fixtures::TempFolder temp("families_no_merges");
        const auto dir = folderWithWeights(temp, "tiny-roberta-cola", "model.safetensors");
        fs::remove(dir + "/merges.txt");
        expectFileError([&] { loadModelFolder(dir); }, "merges.txt", "missing");
    }

    void malformedMergesLineNamesTheLine() {
        const fixtures::TempFolder temp("families_bad_merges");
        const auto dir = folderWithWeights(temp, "tiny-roberta-cola", "model.safetensors");
        std::ifstream in(dir + "/merges.txt");
        std::vector<std::string> lines;
        for (std::string line; std::getline(in, line);) lines.push_back(line);
        in.close();
        lines[5] = "Ġthree symbols here";
        std::ofstream out(dir + "/merges.txt");
        for (const auto& line : lines) out << line << "\n";
        out.close();
        expectFileError([&] { loadModelFolder(dir); }, "merges.txt", ":6");
    }

    void vocabularyLargerThanTheEmbeddingsIsAnError_data() {
        QTest::addColumn<QString>("reference");
        QTest::addColumn<QString>("vocabulary");
        QTest::newRow("distilbert") << "tiny-distilbert-cola" << "vocab.txt";
        QTest::newRow("roberta") << "tiny-roberta-cola" << "vocab.json";
    }
    void vocabularyLargerThanTheEmbeddingsIsAnError() {
        QFETCH(QString, reference);
        QFETCH(QString, vocabulary);
        const fixtures::TempFolder temp("families_vocab_size");
        const auto dir = folderWithWeights(temp, reference.toStdString(), "model.safetensors");
        auto config = fixtures::readJsonFile(dir + "/config.json");
        config["vocab_size"] = config.at("vocab_size").get<int64_t>() - 10;
        writeJson(dir + "/config.json", config);
        expectFileError([&] { loadModelFolder(dir); }, vocabulary, "does not belong to this model");
        // And a config that matches the vocabulary but not the weights.
        config["vocab_size"] = config.at("vocab_size").get<int64_t>() + 20;
        writeJson(dir + "/config.json", config);
        expectFileError([&] { loadModelFolder(dir); }, "model.safetensors", "word_embeddings.weight' has shape");
    }

    void presetsOfEveryFamilyTrainAndSave_data() {
        QTest::addColumn<int>("family");
        QTest::addColumn<QString>("tokenizer");
        QTest::newRow("bert") << int(ModelFamily::Bert) << "reference/tiny-bert-cola/vocab.txt";
        QTest::newRow("distilbert") << int(ModelFamily::DistilBert) << "reference/tiny-bert-cola/vocab.txt";
        QTest::newRow("roberta") << int(ModelFamily::Roberta) << "reference/tiny-roberta-cola";
    }
    void presetsOfEveryFamilyTrainAndSave() {
        QFETCH(int, family);
        QFETCH(QString, tokenizer);
        const fixtures::TempFolder temp("families_preset");
        const auto handle = ModelHandle::createClassifier("tiny", fixtures::path(tokenizer.toStdString()), {"a", "b"},
                                                          true, 7, ModelFamily(family));
        const auto summary = handle.summary();
        QCOMPARE(summary.family, familyDisplayName(ModelFamily(family)));
        QCOMPARE(summary.layers, int64_t(ModelFamily(family) == ModelFamily::DistilBert ? 1 : 2));
        QCOMPARE(summary.maxLength, int64_t(512));
        handle.save(temp.file("new"));
        const auto again = loadModelFolder(temp.file("new"));
        QCOMPARE(again.config.family, ModelFamily(family));
        QCOMPARE(again.config.padTokenId, int64_t(handle.bundle()->tokenizer->padId()));
        QVERIFY(again.report.newlyInitialised.empty());
    }
};

QTEST_APPLESS_MAIN(TestReferenceFamilies)
#include "tst_reference_families.moc"
