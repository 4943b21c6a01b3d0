// bertbench-cli bench --quick as a smoke test: it runs to the end and reports
// every measurement. No timing is asserted (machines are noisy); the numbers
// only have to exist and be positive.
#include "cli_runner.h"
#include "fixtures.h"

#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

class TestBenchSmoke : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void quickBenchReportsEveryMeasurement() {
        QTemporaryDir dir;
        const auto json = dir.filePath("bench.json");
        const auto run = fixtures::cli({"bench", "--quick", "--presets", "tiny", "--model",
                                        QString::fromStdString(fixtures::path("reference/tiny-bert-cola")), "--json",
                                        json});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        QVERIFY(run.out.contains("samples/s") && run.out.contains("OpenBLAS"));
        std::ifstream in(json.toStdString());
        const auto results = nlohmann::json::parse(in);
        QVERIFY(results.at("tokenizer_tokens_per_s").get<double>() > 0);
        for (const auto& [name, model] : results.at("models").items()) {
            QVERIFY2(model.at("matmul_gflops").get<double>() > 0, name.c_str());
            for (const char* mode : {"max_length", "longest", "default"}) {
                QVERIFY2(model.at(mode).at("samples_per_s").get<double>() > 0, mode);
                QVERIFY2(model.at(mode).at("epoch_seconds").get<double>() > 0, mode);
                QVERIFY2(model.at(mode).at("gflops").get<double>() > 0, mode);
            }
            QVERIFY(model.at("epoch_speedup_default_vs_notebook").get<double>() > 0);
            const auto& predict = model.at("predict_ms");
            for (const char* key : {"p50", "p95", "p50_attentions", "p50_bf16"}) QVERIFY2(predict.at(key).get<double>() > 0, key);
        }
        // The folder given with --model also gets a peak-memory probe.
        const auto folder = results.at("models").at(fixtures::path("reference/tiny-bert-cola"));
        QVERIFY(folder.at("peak_rss_gb").get<double>() > 0.05);
    }
};

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_bench_smoke.moc"
