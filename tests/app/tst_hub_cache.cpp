// Finding the models a user already has in the Hugging Face cache, from a cache
// this test builds as huggingface_hub lays it out (snapshots of symlinks into
// blobs/, refs/main), and opening one by name from the CLI.
#include "checkpoint/hub_cache.h"
#include "checkpoint/model_folder.h"
#include "cli_runner.h"
#include "fixtures.h"
#include "hub_cache_layout.h"
#include "temp_folder.h"

#include <QtTest>

#include <filesystem>
#include <fstream>

using namespace bertbench;
namespace fs = std::filesystem;

using fixtures::cacheModel;

class TestHubCache : public QObject {
    Q_OBJECT

private:
    fixtures::TempFolder temp_{"hub_cache"};
    std::string cache_;
    int64_t bertBytes_ = 0;

private Q_SLOTS:
    void initTestCase() {
        cache_ = temp_.file("hub");
        const std::vector<std::string> bert = {"config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors"};
        cacheModel(cache_, "bert-base-uncased", "0ld", "tiny-bert-mlm", {"config.json", "vocab.txt", "model.safetensors"});
        bertBytes_ = cacheModel(cache_, "bert-base-uncased", "a1b2c3", "tiny-bert-cola", bert);
        fixtures::writeMainRef(cache_, "bert-base-uncased", "a1b2c3");
        // No refs/main: the only snapshot is used.
        cacheModel(cache_, "someone--tiny-roberta", "r1", "tiny-roberta-cola",
                   {"config.json", "vocab.json", "merges.txt", "tokenizer_config.json", "model.safetensors"});
        // Skipped: not a BERT-family model; no weights; not a model repository.
        cacheModel(cache_, "gpt2", "g1", "tiny-bert-cola", {"vocab.txt", "model.safetensors"});
        std::ofstream(fs::path(cache_) / "models--gpt2/snapshots/g1/config.json") << R"({"model_type": "gpt2"})";
        cacheModel(cache_, "no-weights", "n1", "tiny-bert-cola", {"config.json", "vocab.txt"});
        fs::create_directories(fs::path(cache_) / "datasets--glue/snapshots/d1");
    }

    void cacheFoldersFollowTransformersPrecedence() {
        const auto home = temp_.file("home");
        fs::create_directories(home + "/.cache/huggingface/hub");
        fs::create_directories(temp_.file("hfhome/hub"));
        const auto folders = hubCacheFolders({{"HF_HUB_CACHE", cache_},
                                              {"HF_HOME", temp_.file("hfhome")},
                                              {"TRANSFORMERS_CACHE", cache_},  // the same folder again: listed once
                                              {"HOME", home}});
        QCOMPARE(folders, (std::vector<std::string>{cache_, temp_.file("hfhome") + "/hub", home + "/.cache/huggingface/hub"}));
        QVERIFY(hubCacheFolders({{"HF_HUB_CACHE", temp_.file("missing")}}).empty());
    }

    void listsTheBertFamilyModelsOnly() {
        const auto models = findCachedModels({cache_});
        QCOMPARE(models.size(), size_t(2));
        const auto& bert = models[0];
        QCOMPARE(bert.name, std::string("bert-base-uncased"));
        QCOMPARE(fs::path(bert.folder).filename().string(), std::string("a1b2c3"));  // refs/main, not the older one
        QCOMPARE(bert.family, std::string("BERT"));
        QVERIFY(bert.classifier);
        QCOMPARE(bert.layers, int64_t(2));
        QCOMPARE(bert.labels, (std::vector<std::string>{"unacceptable", "acceptable"}));
        QCOMPARE(bert.bytes, bertBytes_);
        const auto& roberta = models[1];
        QCOMPARE(roberta.name, std::string("someone/tiny-roberta"));
        QCOMPARE(roberta.family, std::string("RoBERTa"));
        QCOMPARE(roberta.architecture, std::string("RobertaForSequenceClassification"));
    }

    void aCachedSnapshotLoadsAsAModelFolder() {
        const auto folder = cachedModelFolder("bert-base-uncased", {cache_});
        QVERIFY(folder.has_value());
        const auto model = loadModelFolder(*folder);
        QVERIFY(model.report.warnings().empty());
        QVERIFY(!cachedModelFolder("gpt2", {cache_}).has_value());
        QVERIFY(!cachedModelFolder("bert-large-uncased", {cache_}).has_value());
    }

    void theCliOpensACachedModelByName() {
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert("HF_HUB_CACHE", QString::fromStdString(cache_));
        auto run = fixtures::cli({"info", "--model", "someone/tiny-roberta"}, environment);
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QCOMPARE(run.lines().at(0).at("architecture").get<std::string>(), std::string("RobertaForSequenceClassification"));
        // A name that is not cached is a missing folder, named as given; nothing is downloaded.
        run = fixtures::cli({"info", "--model", "bert-large-uncased"}, environment);
        QCOMPARE(run.exitCode, 3);
        QVERIFY2(run.err.contains("bert-large-uncased"), qPrintable(run.err));
    }
};

QTEST_APPLESS_MAIN(TestHubCache)
#include "tst_hub_cache.moc"
