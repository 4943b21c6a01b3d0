// Applying checkpoints to models: the key conventions transformers accepts
// (bert. prefix or not, gamma/beta, position_ids, tied decoder), half-precision
// files, the missing/unused report, and errors for tensors that do not fit.
#include "test_paths.h"
#include "checkpoint/model_folder.h"
#include "checkpoint/safetensors.h"
#include "checkpoint/state_dict.h"
#include "common/errors.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QtTest>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

const std::string kCola = "reference/tiny-bert-cola";

StateDict referenceWeights() { return readSafetensorsStateDict(fixtures::path(kCola + "/model.safetensors")); }

TaskModel freshClassifier() {
    return makeTaskModel(ModelConfig::fromFile(fixtures::path(kCola + "/config.json")), Task::SequenceClassification);
}

// True when every parameter of model equals the reference tensor of that name.
bool matchesReference(const torch::nn::Module& model, double tolerance = 0) {
    std::map<std::string, torch::Tensor> reference;
    for (auto& [name, tensor] : referenceWeights()) reference[name] = tensor;
    for (const auto& item : model.named_parameters()) {
        auto found = reference.find(item.key());
        if (found == reference.end()) return false;
        if ((item.value() - found->second).abs().max().item<double>() > tolerance) return false;
    }
    return true;
}

void expectFileError(const std::function<void()>& action, const QString& fragment) {
    try {
        action();
        QFAIL("no error");
    } catch (const FileError& e) {
        QVERIFY2(QString(e.what()).contains(fragment), e.what());
    }
}

}  // namespace

class TestStateDict : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void appliesTheReferenceCompletely() {
        auto model = freshClassifier();
        auto report = applyStateDict(*model, referenceWeights(), "ref");
        QVERIFY(report.newlyInitialised.empty());
        QVERIFY(report.unused.empty());
        QVERIFY(report.warnings().empty());
        QVERIFY(matchesReference(*model));
    }

    void safetensorsTensorsBorrowTheMapping() {
        auto weights = referenceWeights();
        // Reading must not copy: the tensors are views of the mapped file.
        QVERIFY(weights.front().second.storage().data_ptr().get_deleter() != nullptr);
        QCOMPARE(weights.size(), size_t(41));
    }

    void acceptsOldAndBareKeyNames() {
        StateDict renamed;
        for (auto& [name, tensor] : referenceWeights()) {
            std::string key = name;
            if (key.rfind("bert.", 0) == 0) key = key.substr(5);  // a bare BertModel checkpoint
            if (key.size() > 16 && key.compare(key.size() - 16, 16, "LayerNorm.weight") == 0)
                key.replace(key.size() - 6, 6, "gamma");
            else if (key.size() > 14 && key.compare(key.size() - 14, 14, "LayerNorm.bias") == 0)
                key.replace(key.size() - 4, 4, "beta");
            renamed.emplace_back(key, tensor);
        }
        renamed.emplace_back("embeddings.position_ids", torch::arange(128).unsqueeze(0));
        auto model = freshClassifier();
        auto report = applyStateDict(*model, renamed, "old");
        QVERIFY2(report.unused.empty(), report.unused.empty() ? "" : report.unused.front().c_str());
        QVERIFY(report.newlyInitialised.empty());
        QVERIFY(matchesReference(*model));
    }

    void halfPrecisionFilesLoadAsFloat_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("tolerance");
        QTest::newRow("F16") << int(StDtype::F16) << 2e-3;
        QTest::newRow("BF16") << int(StDtype::BF16) << 2e-2;
    }
    void halfPrecisionFilesLoadAsFloat() {
        QFETCH(int, dtype);
        QFETCH(double, tolerance);
        const auto st = StDtype(dtype);
        const auto torchType = st == StDtype::F16 ? torch::kFloat16 : torch::kBFloat16;
        std::vector<torch::Tensor> keep;
        std::vector<SafetensorsTensorView> views;
        for (auto& [name, tensor] : referenceWeights()) {
            keep.push_back(tensor.to(torchType).contiguous());
            views.push_back({name, st, keep.back().sizes().vec(), keep.back().data_ptr()});
        }
        TempFolder folder("half");
        writeSafetensors(folder.file("model.safetensors"), views);
        auto model = freshClassifier();
        applyStateDict(*model, readStateDict(folder.file("model.safetensors")), "half");
        QCOMPARE(model->outputLayer()->weight.scalar_type(), torch::kFloat32);
        QVERIFY(matchesReference(*model, tolerance));
        QVERIFY(!matchesReference(*model, 0));  // it really went through half precision
    }

    void reportsMissingAndUnusedLikeTransformers() {
        auto mlmWeights = readStateDict(fixtures::path("reference/tiny-bert-mlm/model.safetensors"));
        auto model = freshClassifier();
        auto report = applyStateDict(*model, mlmWeights, "mlm.safetensors");
        QCOMPARE(report.newlyInitialised,
                 (std::vector<std::string>{"bert.pooler.dense.weight", "bert.pooler.dense.bias", "classifier.weight",
                                           "classifier.bias"}));
        QCOMPARE(report.unused.size(), size_t(5));  // cls.predictions.*
        const auto warnings = report.warnings();
        QCOMPARE(warnings.size(), size_t(2));
        QVERIFY(QString::fromStdString(warnings[1]).contains(
            "Some weights of BertForSequenceClassification were not initialized from the model checkpoint at "
            "mlm.safetensors and are newly initialized: ['bert.pooler.dense.weight'"));
        QVERIFY(QString::fromStdString(warnings[0]).contains("were not used when initializing"));
    }

    void maskedLmDecoderIsTiedToTheEmbeddings() {
        auto model = loadModelFolder(fixtures::path("reference/tiny-bert-mlm"), Task::MaskedLM);
        QVERIFY(model.report.newlyInitialised.empty());
        // An explicit decoder.bias (older files) feeds cls.predictions.bias.
        StateDict weights;
        auto bias = torch::randn({30522});
        for (auto& [name, t] : readStateDict(fixtures::path("reference/tiny-bert-mlm/model.safetensors")))
            if (name != "cls.predictions.bias") weights.emplace_back(name, t);
        weights.emplace_back("cls.predictions.decoder.bias", bias);
        weights.emplace_back("cls.predictions.decoder.weight", torch::zeros({30522, 64}));
        auto report = applyStateDict(*model.model, weights, "old");
        QVERIFY(report.unused.empty());
        QVERIFY(report.newlyInitialised.empty());
        QVERIFY(torch::equal(model.module().named_parameters()["cls.predictions.bias"], bias));
    }

    void tensorsThatDoNotFitAreErrors() {
        auto weights = referenceWeights();
        for (auto& [name, tensor] : weights)
            if (name == "classifier.weight") tensor = torch::zeros({3, 64});
        auto model = freshClassifier();
        expectFileError([&] { applyStateDict(*model, weights, "w.safetensors"); },
                        "tensor 'classifier.weight' has shape [3, 64] but config.json implies [2, 64]");
        StateDict foreign{{"resnet.conv1.weight", torch::zeros({2})}};
        expectFileError([&] { applyStateDict(*model, foreign, "x.bin"); },
                        "none of its 1 tensors belongs to a BertForSequenceClassification model");
    }

    void damagedPytorchFilesAreErrors() {
        TempFolder folder("bin");
        folder.write("legacy.bin", std::string("\x80\x02\x8a\x0a", 4) + "legacy pickle");
        expectFileError([&] { readStateDict(folder.file("legacy.bin")); }, "not a zip-format torch.save file");
        std::ifstream in(fixtures::path(kCola + "/pytorch_model.bin"), std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        folder.write("cut.bin", bytes.substr(0, bytes.size() / 2));
        expectFileError([&] { readStateDict(folder.file("cut.bin")); }, "no zip directory (the file is truncated)");
    }

    void storagesAndViewsBeyondTheFileAreRefused_data() {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        // Found by fuzz_pytorch_state_dict: a 900-byte file whose string length
        // field says 1.8 GB, which LibTorch allocated before reading.
        QTest::newRow("string length") << "string-length-1.8GB.bin" << "a length of 1862272884 bytes reaches past its end";
        // A storage of 100 floats over a 16-byte record: LibTorch reads past the record.
        QTest::newRow("storage") << "view-beyond-storage.bin" << "storage \"0\" claims 400 bytes, but the archive holds 16";
        // A consistent 4-float storage under a 2x50 view: copying it reads past the storage.
        QTest::newRow("view") << "view-beyond-consistent-storage.bin" << "tensor \"classifier.weight\" reaches beyond its storage";
    }

    void storagesAndViewsBeyondTheFileAreRefused() {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        const std::string path = (std::string(testpaths::sourceDir()) + "/fuzz/regressions/pytorch_state_dict/") + file.toStdString();
        expectFileError([&] { readStateDict(path); }, expected);
    }

    void smallValidPytorchFilesLoad() {
        // The fuzzer's seed: two named float tensors in torch.save's zip layout.
        const auto tensors = readStateDict((std::string(testpaths::sourceDir()) + "/fuzz/corpus/pytorch_state_dict/two_tensors"));
        QCOMPARE(tensors.size(), size_t(2));
        QCOMPARE(tensors[1].first, std::string("classifier.weight"));
        QCOMPARE(tensors[1].second.sizes().vec(), (std::vector<int64_t>{2, 4}));
        QCOMPARE(tensors[1].second.sum().item<double>(), 8.0);
    }
};

QTEST_APPLESS_MAIN(TestStateDict)
#include "tst_state_dict.moc"
