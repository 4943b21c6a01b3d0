// Attention-head pruning as transformers' prune_heads does it, for every family:
// a pruned model computes what the whole model computes with those heads masked
// (logits and attentions), saves pruned_heads and the reduced tensors, loads
// them back, composes pruning by original head numbers, and refuses what would
// leave a layer without heads or name heads the model does not have.
#include "checkpoint/model_folder.h"
#include "checkpoint/safetensors.h"
#include "common/errors.h"
#include "file_error_of.h"
#include "fixtures.h"
#include "inference/head_mask_tensor.h"
#include "inference/predictor.h"
#include "model/adaptable_linear.h"
#include "model/head_pruning.h"
#include "model/input_batch.h"
#include "temp_folder.h"

#include <QtTest>

#include <memory>

using namespace bertbench;

namespace {

constexpr double kTolerance = 1e-5;

// The tiny reference models have 2 layers of 4 heads over H = 64 (D = 16).
constexpr int64_t kLayers = 2, kHeads = 4, kHidden = 64, kHeadDim = 16;
const HeadsByLayer kPruned{{0, {1}}, {1, {0, 2}}};

const std::vector<std::string> kSentences = {
    "The book was written by John.",
    "Him went to the store yesterday quickly.",
    "What did you say that Mary bought?",
};

ModelBundle loadFixture(const std::string& folder) {
    return loadModelFolder(fixtures::path("reference/" + folder), Task::SequenceClassification);
}

// A grid over the original heads with `off` switched off (and everything else on).
HeadMask maskWithout(const HeadsByLayer& off) {
    auto mask = HeadMask::allOn(kLayers, kHeads);
    for (const auto& [layer, heads] : off)
        for (const auto head : heads) mask.set(layer, head, false);
    return mask;
}

// Logits [B, C] for kSentences (padded into one batch, so the padding mask is used too).
torch::Tensor logitsOf(ModelBundle& model, const HeadMask& mask = {}) {
    torch::NoGradGuard noGrad;
    std::vector<Encoding> encodings;
    for (const auto& text : kSentences) encodings.push_back(model.tokenizer->encode(text, 64));
    std::vector<TokenSequence> sequences;
    for (const auto& e : encodings) sequences.push_back(sequenceOf(e));
    ForwardOptions options;
    options.headMask = headMaskTensor(mask, kLayers, kHeads, torch::kCPU);
    return model.model->forward(padBatch(sequences, model.tokenizer->padId()), options).logits;
}

double maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
    if (a.sizes() != b.sizes()) return std::numeric_limits<double>::infinity();
    return (a - b).abs().max().item<double>();
}

AttentionMaps attentionsOf(const ModelBundle& model, const HeadMask& mask = {}) {
    Predictor predictor(std::make_shared<ModelBundle>(model));
    PredictRequest request;
    request.text = kSentences[1];
    request.withAttentions = true;
    request.headMask = mask;
    return *predictor.predict(request).attentions;
}

std::vector<int64_t> shapeOf(TaskModelImpl& model, const std::string& name) {
    return model.named_parameters()[name].sizes().vec();
}

std::vector<int64_t> savedShape(const std::string& file, const std::string& name) {
    SafetensorsFile weights(file);
    for (const auto& entry : weights.entries())
        if (entry.name == name) return entry.shape;
    return {};
}

// The parameter names of layer `layer`'s query projection and attention output.
struct AttentionNames {
    std::string query, output;
};
AttentionNames attentionNames(const TaskModelImpl& model, int64_t layer) {
    const auto prefix = model.names().layer + std::to_string(layer) + ".attention.";
    if (model.config().family == ModelFamily::DistilBert) return {prefix + "q_lin.weight", prefix + "out_lin.weight"};
    return {prefix + "self.query.weight", prefix + "output.dense.weight"};
}

QString usageErrorOf(const std::function<void()>& call) {
    try {
        call();
    } catch (const UsageError& e) {
        return QString::fromStdString(e.what());
    } catch (const std::exception& e) {
        return QStringLiteral("not a UsageError: ") + e.what();
    }
    return QStringLiteral("no error");
}

}  // namespace

class TestHeadPruning : public QObject {
    Q_OBJECT

private:
    static void familyRows() {
        QTest::addColumn<QString>("folder");
        QTest::newRow("bert") << "tiny-bert-cola";
        QTest::newRow("distilbert") << "tiny-distilbert-cola";
        QTest::newRow("roberta") << "tiny-roberta-cola";
    }

private Q_SLOTS:
    void fixturesHaveTheAssumedSizes() {
        for (const char* folder : {"tiny-bert-cola", "tiny-distilbert-cola", "tiny-roberta-cola"}) {
            const auto model = loadFixture(folder);
            QCOMPARE(model.config.numHiddenLayers, kLayers);
            QCOMPARE(model.config.numAttentionHeads, kHeads);
            QCOMPARE(model.config.hiddenSize, kHidden);
            QVERIFY(model.config.prunedHeads.empty());
        }
    }

    void prunedModelIsTheMaskedModel_data() { familyRows(); }
    void prunedModelIsTheMaskedModel() {
        QFETCH(QString, folder);
        auto model = loadFixture(folder.toStdString());
        const auto masked = logitsOf(model, maskWithout(kPruned));
        const auto maskedAttentions = attentionsOf(model, maskWithout(kPruned));
        QVERIFY(maxDiff(logitsOf(model), masked) > 1e-3);  // the heads matter

        pruneHeads(*model.model, model.config, kPruned);
        QCOMPARE(model.config.prunedHeads, kPruned);
        QCOMPARE(model.model->config().prunedHeads, kPruned);
        QCOMPARE(model.config.headsInLayer(0), int64_t(3));
        QCOMPARE(model.config.headsInLayer(1), int64_t(2));
        QCOMPARE(shapeOf(*model.model, attentionNames(*model.model, 0).query),
                 (std::vector<int64_t>{3 * kHeadDim, kHidden}));
        QCOMPARE(shapeOf(*model.model, attentionNames(*model.model, 1).output),
                 (std::vector<int64_t>{kHidden, 2 * kHeadDim}));
        QVERIFY2(maxDiff(logitsOf(model), masked) < kTolerance, "pruned logits differ from the masked model's");

        // The attention grid keeps the original heads: pruned ones are all zero,
        // the others are the masked model's (which zeroes the same heads).
        const auto maps = attentionsOf(model);
        QCOMPARE(maps.layers, int(kLayers));
        QCOMPARE(maps.heads, int(kHeads));
        QCOMPARE(maps.values.size(), maskedAttentions.values.size());
        for (const auto& [layer, heads] : kPruned)
            for (const auto head : heads)
                for (int i = 0; i < maps.tokens; ++i)
                    for (int j = 0; j < maps.tokens; ++j) QCOMPARE(maps.at(int(layer), int(head), i, j), 0.0f);
        float largest = 0;
        for (size_t i = 0; i < maps.values.size(); ++i)
            largest = std::max(largest, std::abs(maps.values[i] - maskedAttentions.values[i]));
        QVERIFY2(largest < kTolerance, "attentions differ from the masked model's");
    }

    void savedPrunedModelLoadsBack_data() { familyRows(); }
    void savedPrunedModelLoadsBack() {
        QFETCH(QString, folder);
        auto model = loadFixture(folder.toStdString());
        const auto masked = logitsOf(model, maskWithout(kPruned));
        pruneHeads(*model.model, model.config, kPruned);
        fixtures::TempFolder saved("head_pruning_" + folder.toStdString());
        saveModelFolder(model, saved.path());

        const auto config = fixtures::readJsonFile(saved.file("config.json"));
        QVERIFY(config.contains("pruned_heads"));
        QCOMPARE(config.at("pruned_heads"), nlohmann::json::parse(R"({"0": [1], "1": [0, 2]})"));
        QCOMPARE(savedShape(saved.file("model.safetensors"), attentionNames(*model.model, 0).query),
                 (std::vector<int64_t>{(kHeads - 1) * kHeadDim, kHidden}));
        QCOMPARE(savedShape(saved.file("model.safetensors"), attentionNames(*model.model, 1).output),
                 (std::vector<int64_t>{kHidden, (kHeads - 2) * kHeadDim}));

        auto reloaded = loadModelFolder(saved.path());
        QVERIFY(reloaded.report.newlyInitialised.empty());
        QVERIFY(reloaded.report.unused.empty());
        QCOMPARE(reloaded.config.prunedHeads, kPruned);
        QCOMPARE(reloaded.model->config().prunedHeads, kPruned);
        QVERIFY2(maxDiff(logitsOf(reloaded), masked) < kTolerance, "reloaded logits differ");

        // A head mask over the original grid reaches the remaining heads; the
        // factors of pruned heads are not used (here 1, where the whole model has 0).
        auto whole = loadFixture(folder.toStdString());
        HeadsByLayer more = kPruned;
        more[0].push_back(3);
        auto mask = maskWithout({{0, {3}}});
        QVERIFY2(maxDiff(logitsOf(reloaded, mask), logitsOf(whole, maskWithout(more))) < kTolerance,
                 "the head mask of a pruned model differs from the whole model's");
        QVERIFY(maxDiff(logitsOf(reloaded, mask), masked) > 1e-4);
    }

    void pruningTwiceComposes_data() { familyRows(); }
    void pruningTwiceComposes() {
        QFETCH(QString, folder);
        auto model = loadFixture(folder.toStdString());
        const HeadsByLayer all{{0, {1, 3}}, {1, {0}}};
        const auto masked = logitsOf(model, maskWithout(all));

        pruneHeads(*model.model, model.config, {{0, {1}}});
        // Original numbers: head 3 is still "3" after head 1 went; 1 again and
        // the repeat are ignored.
        pruneHeads(*model.model, model.config, {{0, {3, 1, 3}}, {1, {0}}});
        QCOMPARE(model.config.prunedHeads, all);
        QCOMPARE(model.model->config().prunedHeads, all);
        QCOMPARE(shapeOf(*model.model, attentionNames(*model.model, 0).query),
                 (std::vector<int64_t>{2 * kHeadDim, kHidden}));
        QVERIFY2(maxDiff(logitsOf(model), masked) < kTolerance, "twice-pruned logits differ");

        pruneHeads(*model.model, model.config, {{0, {1}}, {1, {}}});  // nothing left to do
        QCOMPARE(model.config.prunedHeads, all);
        QVERIFY(maxDiff(logitsOf(model), masked) < kTolerance);
    }

    void refusedPruningChangesNothing() {
        auto model = loadFixture("tiny-bert-cola");
        const auto before = logitsOf(model);
        auto refused = [&](const HeadsByLayer& heads) {
            return usageErrorOf([&] { pruneHeads(*model.model, model.config, heads); });
        };
        QVERIFY(refused({{1, {0, 1, 2, 3}}}).contains("every head of layer 1"));
        QVERIFY(refused({{0, {1}}, {2, {0}}}).contains("layer 2"));
        QVERIFY(refused({{0, {1}}, {1, {4}}}).contains("head 4"));
        QVERIFY(refused({{0, {-1}}}).contains("head -1"));
        QVERIFY(model.config.prunedHeads.empty());
        QVERIFY(maxDiff(logitsOf(model), before) == 0);

        // The last head, in a second step.
        pruneHeads(*model.model, model.config, {{1, {0, 1}}});
        QVERIFY(refused({{1, {2, 3}}}).contains("at least one head per layer must remain"));
        QCOMPARE(model.config.prunedHeads, (HeadsByLayer{{1, {0, 1}}}));
        QCOMPARE(shapeOf(*model.model, attentionNames(*model.model, 1).query),
                 (std::vector<int64_t>{2 * kHeadDim, kHidden}));

        // A config that is not the model's is refused.
        auto other = model.config;
        other.prunedHeads.clear();
        QVERIFY(usageErrorOf([&] { pruneHeads(*model.model, other, {{0, {0}}}); }).contains("not the model's"));
    }

    // LoRA adapters on the projections lose the same features as their layers.
    void adaptersArePrunedWithTheirLayers_data() { familyRows(); }
    void adaptersArePrunedWithTheirLayers() {
        QFETCH(QString, folder);
        auto model = loadFixture(folder.toStdString());
        torch::manual_seed(7);
        for (const auto& item : model.module().named_modules())
            if (auto* linear = item.value()->as<AdaptableLinearImpl>();
                linear && item.key().find(".attention.") != std::string::npos)
                linear->addAdapter(/*rank=*/4, /*alpha=*/8, /*dropout=*/0.0);
        {
            torch::NoGradGuard noGrad;
            for (auto& item : model.module().named_parameters())
                if (item.key().find("lora_B") != std::string::npos) item.value().normal_(0.0, 0.1);
        }
        const auto masked = logitsOf(model, maskWithout(kPruned));
        pruneHeads(*model.model, model.config, kPruned);
        const auto names = attentionNames(*model.model, 0);
        const auto base = names.query.substr(0, names.query.size() - std::string("weight").size());
        QCOMPARE(shapeOf(*model.model, base + "lora_B"), (std::vector<int64_t>{3 * kHeadDim, 4}));
        const auto out = names.output.substr(0, names.output.size() - std::string("weight").size());
        QCOMPARE(shapeOf(*model.model, out + "lora_A"), (std::vector<int64_t>{4, 3 * kHeadDim}));
        QVERIFY(model.module().named_parameters()[base + "lora_B"].requires_grad());  // still trainable
        QVERIFY2(maxDiff(logitsOf(model), masked) < kTolerance, "pruned adapted logits differ");

        // Saved with the adapters folded in, it loads as the same model.
        fixtures::TempFolder saved("head_pruning_lora_" + folder.toStdString());
        saveModelFolder(model, saved.path());
        auto reloaded = loadModelFolder(saved.path());
        QVERIFY2(maxDiff(logitsOf(reloaded), masked) < kTolerance, "reloaded adapted logits differ");
    }

    // A pruned model still trains, and a head mask's gradient (head importance)
    // reaches the remaining heads only, even when pruned under InferenceMode.
    void prunedModelStillTrains() {
        auto model = loadFixture("tiny-distilbert-cola");
        const auto names = attentionNames(*model.model, 0);
        model.module().named_parameters()[names.output].set_requires_grad(false);
        {
            torch::InferenceMode inference;
            pruneHeads(*model.model, model.config, kPruned);
        }
        auto parameters = model.module().named_parameters();
        QVERIFY(!parameters[names.output].requires_grad());
        QVERIFY(parameters[names.query].requires_grad());

        const auto encoding = model.tokenizer->encode(kSentences[0], 64);
        auto mask = torch::ones({kLayers, kHeads}, torch::requires_grad());
        ForwardOptions options;
        options.headMask = mask;
        model.model->forward(padBatch({sequenceOf(encoding)}, model.tokenizer->padId()), options)
            .logits.sum()
            .backward();
        QCOMPARE(parameters[names.query].grad().sizes().vec(), (std::vector<int64_t>{3 * kHeadDim, kHidden}));
        for (int64_t layer = 0; layer < kLayers; ++layer)
            for (int64_t head = 0; head < kHeads; ++head) {
                const auto& gone = kPruned.at(layer);
                const bool remains = std::find(gone.begin(), gone.end(), head) == gone.end();
                QCOMPARE(mask.grad()[layer][head].item<float>() != 0.0f, remains);
            }
    }

    void configReadsAndWritesPrunedHeads() {
        auto j = fixtures::readJson("reference/tiny-bert-cola/config.json");
        QVERIFY(!ModelConfig::fromJson(j).toJson().contains("pruned_heads"));  // none: left out, as transformers does
        j["pruned_heads"] = nlohmann::json::parse(R"({"1": [2, 0, 2], "0": []})");
        const auto config = ModelConfig::fromJson(j);
        QCOMPARE(config.prunedHeads, (HeadsByLayer{{1, {0, 2}}}));
        QCOMPARE(config.remainingHeads(1), (std::vector<int64_t>{1, 3}));
        QCOMPARE(config.headsInLayer(0), kHeads);
        QCOMPARE(config.toJson().at("pruned_heads"), nlohmann::json::parse(R"({"1": [0, 2]})"));
    }

    void badPrunedHeadsInConfigAreFileErrors_data() {
        QTest::addColumn<QString>("prunedHeads");
        QTest::addColumn<QString>("fragment");
        QTest::newRow("layer out of range") << R"({"2": [0]})" << "names a layer the model does not have";
        QTest::newRow("negative layer") << R"({"-1": [0]})" << "names a layer the model does not have";
        QTest::newRow("head out of range") << R"({"0": [4]})" << "names head 4";
        QTest::newRow("every head") << R"({"1": [3, 2, 1, 0]})" << "prunes every head of the layer";
        QTest::newRow("layer not a number") << R"({"first": [0]})" << "non-numeric layer";
        QTest::newRow("heads not a list") << R"({"0": 1})" << "must be a list of head numbers";
        QTest::newRow("head not a number") << R"({"0": ["1"]})" << "not a head number";
        QTest::newRow("not an object") << R"([[0, 1]])" << "must be an object";
    }
    void badPrunedHeadsInConfigAreFileErrors() {
        QFETCH(QString, prunedHeads);
        QFETCH(QString, fragment);
        fixtures::TempFolder folder("head_pruning_bad_config");
        folder.copyFrom("reference/tiny-bert-cola", {"vocab.txt", "tokenizer_config.json", "model.safetensors"});
        auto config = fixtures::readJson("reference/tiny-bert-cola/config.json");
        config["pruned_heads"] = nlohmann::json::parse(prunedHeads.toStdString());
        folder.write("config.json", config.dump(2));
        fixtures::expectFileError([&] { loadModelFolder(folder.path()); }, "config.json", fragment);
        fixtures::expectFileError([&] { ModelConfig::fromFile(folder.file("config.json")); }, "config.json",
                                  "pruned_heads");
    }
};

QTEST_GUILESS_MAIN(TestHeadPruning)
#include "tst_head_pruning.moc"
