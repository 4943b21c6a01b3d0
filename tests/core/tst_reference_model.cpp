// The engine against Hugging Face transformers: every row of the reference
// outputs (logits, probabilities, attentions, hidden states, pooler, masked-LM
// logits) must agree within 1e-4, loading from safetensors and from
// pytorch_model.bin alike.
#include "checkpoint/model_folder.h"
#include "common/errors.h"
#include "fixtures.h"
#include "inference/predictor.h"
#include "model/input_batch.h"
#include "reference_rows.h"
#include "tensor_compare.h"

#include <QtTest>

#include <filesystem>

using namespace bertbench;
using fixtures::maxAbsDiff;

namespace {

constexpr double kTolerance = 1e-4;

torch::Tensor idsTensor(const nlohmann::json& ids) {
    return torch::tensor(ids.get<std::vector<int64_t>>()).unsqueeze(0);
}

// A copy of tiny-bert-cola holding pytorch_model.bin as its only weights.
std::string pytorchOnlyFolder() {
    namespace fs = std::filesystem;
    const auto dir = fs::temp_directory_path() / "tst_reference_model_bin";
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* name : {"config.json", "vocab.txt", "tokenizer_config.json", "pytorch_model.bin"})
        fs::copy_file(fixtures::path("reference/tiny-bert-cola/") + name, dir / name);
    return dir.string();
}

}  // namespace

class TestReferenceModel : public QObject {
    Q_OBJECT

private:
    std::vector<nlohmann::json> rows_;

    void checkEveryPredictRow(ModelBundle& model) {
        QVERIFY(model.report.newlyInitialised.empty());
        QVERIFY(model.report.unused.empty());
        torch::NoGradGuard noGrad;
        for (const auto& row : rows_) {
            const auto index = row.at("index").get<int>();
            ModelInputs inputs{idsTensor(row.at("input_ids")), idsTensor(row.at("token_type_ids")),
                              idsTensor(row.at("attention_mask"))};
            const bool detailed = row.contains("attentions");
            ForwardOptions options;
            options.attentions = options.hiddenStates = detailed;
            auto out = model.model->forward(inputs, options);
            fixtures::checkPredictRow(out, row, kTolerance);
            if (!detailed) continue;
            QVERIFY2(maxAbsDiff(out.encoder.pooled[0], row.at("pooler_output")) < kTolerance,
                     QByteArray("pooler of row ") + QByteArray::number(index));
        }
    }

private Q_SLOTS:
    void initTestCase() {
        rows_ = fixtures::readJsonLines("reference/tiny-bert-cola/expected/predict.jsonl");
        QCOMPARE(rows_.size(), size_t(26));
    }

    void safetensorsCheckpointMatchesEveryRow() {
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-cola"), Task::SequenceClassification);
        QVERIFY(model.report.source.find("model.safetensors") != std::string::npos);
        checkEveryPredictRow(model);
    }

    // transformers' head_mask: the logits (and, for one mask, the attentions
    // after masking) of BertForSequenceClassification for five masks.
    void headMaskMatchesTransformers() {
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-cola"), Task::SequenceClassification);
        const auto rows = fixtures::readJson("reference/tiny-bert-cola/expected/head_mask.json").at("rows");
        QCOMPARE(rows.size(), size_t(20));
        torch::NoGradGuard noGrad;
        int withAttentions = 0;
        for (const auto& row : rows) {
            const auto ids = idsTensor(row.at("input_ids"));
            ModelInputs inputs{ids, torch::zeros_like(ids), torch::ones_like(ids)};
            ForwardOptions options;
            std::vector<float> mask;
            for (const auto& layer : row.at("head_mask"))
                for (const auto& head : layer) mask.push_back(head.get<float>());
            options.headMask = torch::tensor(mask).view({int64_t(row.at("head_mask").size()), -1});
            options.attentions = row.contains("attentions");
            const auto out = model.model->forward(inputs, options);
            const QByteArray what = QByteArray::fromStdString(row.at("mask_name").get<std::string>() + ": " +
                                                              row.at("text").get<std::string>());
            QVERIFY2(maxAbsDiff(out.logits[0], row.at("logits")) < kTolerance, what);
            if (!options.attentions) continue;
            ++withAttentions;
            for (size_t l = 0; l < row.at("attentions").size(); ++l)
                QVERIFY2(maxAbsDiff(out.encoder.attentions[l][0], row.at("attentions")[l]) < kTolerance, what);
        }
        QVERIFY(withAttentions > 0);

        // A mask of ones is no mask; a mask of the wrong shape is refused.
        const auto ids = idsTensor(rows[0].at("input_ids"));
        ModelInputs inputs{ids, torch::zeros_like(ids), torch::ones_like(ids)};
        ForwardOptions ones;
        ones.headMask = torch::ones({model.config.numHiddenLayers, model.config.numAttentionHeads});
        QCOMPARE(maxAbsDiff(model.model->forward(inputs, ones).logits[0], rows[0].at("logits")) < kTolerance, true);
        ForwardOptions wrong;
        wrong.headMask = torch::ones({model.config.numHiddenLayers + 1, model.config.numAttentionHeads});
        QVERIFY_THROWS_EXCEPTION(UsageError, model.model->forward(inputs, wrong));
    }

    void pytorchCheckpointMatchesEveryRow() {
        auto model = loadModelFolder(pytorchOnlyFolder(), Task::SequenceClassification);
        QVERIFY(model.report.source.find("pytorch_model.bin") != std::string::npos);
        checkEveryPredictRow(model);
    }

    void predictorTokenizesAndClassifiesLikeTransformers() {
        auto predictor = Predictor::fromFolder(fixtures::path("reference/tiny-bert-cola"));
        QCOMPARE(predictor.maxLength(), size_t(128));
        int rowsWithAttentions = 0;
        for (const auto& row : rows_) {
            const auto p = predictor.predict(row.at("text").get<std::string>(), row.contains("attentions"));
            const auto tag = QByteArray("row ") + QByteArray::number(row.at("index").get<int>());
            QVERIFY2(p.inputIds == row.at("input_ids").get<std::vector<int32_t>>(), tag + " ids");
            QVERIFY2(p.tokens == row.at("tokens").get<std::vector<std::string>>(), tag + " tokens");
            QCOMPARE(p.truncated(), row.at("truncated").get<bool>());
            QCOMPARE(p.untruncatedLength, row.at("num_tokens_untruncated").get<size_t>());
            QCOMPARE(p.label, row.at("predicted_label").get<std::string>());
            const auto expected = row.at("probs").get<std::vector<float>>();
            for (size_t c = 0; c < expected.size(); ++c) QVERIFY(std::abs(p.probabilities[c] - expected[c]) < kTolerance);
            // Asked for exactly where the reference has them; missing ones fail.
            QCOMPARE(p.attentions.has_value(), row.contains("attentions"));
            if (row.contains("attentions")) {
                ++rowsWithAttentions;
                const auto& maps = *p.attentions;
                QCOMPARE(maps.layers, 2);
                QCOMPARE(maps.heads, 4);
                QCOMPARE(maps.tokens, int(p.inputIds.size()));
                const auto& a = row.at("attentions");
                for (int l = 0; l < 2; ++l)
                    for (int h = 0; h < 4; ++h)
                        for (int i = 0; i < maps.tokens; ++i)
                            for (int j = 0; j < maps.tokens; ++j)
                                QVERIFY(std::abs(maps.at(l, h, i, j) - a[l][h][i][j].get<float>()) < kTolerance);
            }
        }
        QCOMPARE(rowsWithAttentions, 5);
    }

    void bfloat16PredictorStaysClose() {
        auto model = std::make_shared<ModelBundle>(
            loadModelFolder(fixtures::path("reference/tiny-bert-cola"), Task::SequenceClassification));
        Predictor fast(model, 0, Precision::BFloat16);
        QCOMPARE(model->module().named_parameters()["classifier.weight"].scalar_type(), torch::kFloat32);  // the original is untouched
        for (const auto& row : rows_) {
            const auto p = fast.predict(row.at("text").get<std::string>(), /*withAttentions=*/true);
            const auto want = row.at("probs").get<std::vector<float>>();
            for (size_t c = 0; c < want.size(); ++c) QVERIFY(std::abs(p.probabilities[c] - want[c]) < 2e-2);
            QVERIFY(std::abs(p.probabilities[0] + p.probabilities[1] - 1) < 1e-3);
            QVERIFY(p.attentions.has_value());
        }
    }

    void paddedBatchMatchesTransformers() {
        const auto expected = fixtures::readJson("reference/tiny-bert-cola/expected/predict_batched.json");
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-cola"), Task::SequenceClassification);
        torch::NoGradGuard noGrad;
        auto toTensor = [](const nlohmann::json& j) { return torch::tensor(j.get<std::vector<std::vector<int64_t>>>().front()); };
        (void)toTensor;
        auto matrix = [](const nlohmann::json& j) {
            std::vector<torch::Tensor> rows;
            for (const auto& r : j) rows.push_back(torch::tensor(r.get<std::vector<int64_t>>()));
            return torch::stack(rows);
        };
        ModelInputs inputs{matrix(expected.at("input_ids")), matrix(expected.at("token_type_ids")),
                          matrix(expected.at("attention_mask"))};
        auto logits = model.model->forward(inputs).logits;
        QVERIFY(maxAbsDiff(logits, expected.at("logits")) < kTolerance);

        // The engine's own padding gives the same batch as transformers' padding="longest".
        Predictor predictor(std::make_shared<ModelBundle>(std::move(model)));
        std::vector<std::string> texts;
        for (const auto& row : rows_) texts.push_back(row.at("text").get<std::string>());
        const auto predictions = predictor.predictBatch(texts);
        for (size_t i = 0; i < predictions.size(); ++i) {
            const auto want = expected.at("logits")[i].get<std::vector<float>>();
            for (size_t c = 0; c < want.size(); ++c) QVERIFY(std::abs(predictions[i].logits[c] - want[c]) < kTolerance);
        }
    }

    void maskedLanguageModelMatchesTransformers() {
        const auto expected = fixtures::readJson("reference/tiny-bert-mlm/expected/mlm.json");
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-mlm"));
        QVERIFY(model.task == Task::MaskedLM);
        QVERIFY2(model.report.newlyInitialised.empty(), "the decoder must be tied, not newly initialised");
        torch::NoGradGuard noGrad;
        int checkedMasks = 0;
        for (const auto& sentence : expected.at("sentences")) {
            // The tokenizer must give the same ids as transformers for the same text.
            const auto encoding = model.tokenizer->encode(sentence.at("text").get<std::string>());
            QCOMPARE(encoding.inputIds, sentence.at("input_ids").get<std::vector<int32_t>>());
            ModelInputs inputs{idsTensor(sentence.at("input_ids")), idsTensor(sentence.at("token_type_ids")),
                              idsTensor(sentence.at("attention_mask"))};
            auto logits = model.model->forward(inputs).logits[0];  // [T, V]
            for (const auto& mask : sentence.at("masked")) {
                const auto row = logits[mask.at("position").get<int64_t>()];
                auto [values, ids] = row.topk(5);
                QCOMPARE(std::vector<int64_t>(ids.data_ptr<int64_t>(), ids.data_ptr<int64_t>() + 5),
                         mask.at("top5_ids").get<std::vector<int64_t>>());
                QVERIFY(maxAbsDiff(values, mask.at("top5_logits")) < kTolerance);
                QVERIFY(std::abs(torch::logsumexp(row, 0).item<double>() - mask.at("logsumexp").get<double>()) < kTolerance);
                if (mask.contains("full_logits")) QVERIFY(maxAbsDiff(row, mask.at("full_logits")) < kTolerance);
                ++checkedMasks;
            }
        }
        QVERIFY(checkedMasks >= 5);
    }
};

QTEST_APPLESS_MAIN(TestReferenceModel)
#include "tst_reference_model.moc"
