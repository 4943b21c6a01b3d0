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
        QVERIFY(run.out.contains("samples/s") && run.out.contains("OpenBLAS") && run.out.contains("linear layers on"));
        std::ifstream in(json.toStdString());
        const auto results = nlohmann::json::parse(in);
        QVERIFY(results.at("tokenizer_tokens_per_s").get<double>() > 0);
        for (const auto& [name, model] : results.at("models").items()) {
            for (const char* key : {"matmul_gflops", "matmul_gflops_blas", "matmul_gflops_onednn"})
                QVERIFY2(model.at(key).get<double>() > 0, key);
            // Longest-in-batch on the other backend than the process's, and in bfloat16.
            const char* otherBackend = model.contains("longest_blas") ? "longest_blas" : "longest_onednn";
            for (const char* mode :
                 {"max_length", "longest", otherBackend, "longest_bf16", "longest_checkpointing", "default"}) {
                QVERIFY2(model.at(mode).at("samples_per_s").get<double>() > 0, mode);
                QVERIFY2(model.at(mode).at("epoch_seconds").get<double>() > 0, mode);
                QVERIFY2(model.at(mode).at("gflops").get<double>() > 0, mode);
            }
            QVERIFY(model.at("epoch_speedup_default_vs_notebook").get<double>() > 0);
            QVERIFY(model.at("bf16_speedup_vs_float32").get<double>() > 0);
            const auto& predict = model.at("predict_ms");
            for (const char* key : {"p50", "p95", "p50_attentions", "p50_bf16", "p50_blas"})
                QVERIFY2(predict.at(key).get<double>() > 0, key);
            const auto& batch = model.at("batch_predict");
            QCOMPARE(batch.at("texts").get<int>(), 2000);
            QVERIFY(batch.at("texts_per_s_file_order").get<double>() > 0);
            QVERIFY(batch.at("texts_per_s_shortest_first").get<double>() > 0);
        }
        // The masked-LM seed workflow runs for presets (not for a folder's classifier).
        const auto& tiny = results.at("models").at("tiny").at("masked_lm");
        QCOMPARE(tiny.at("texts").get<int>(), 1000);
        QCOMPARE(tiny.at("batch_size").get<int>(), 8);
        QVERIFY(tiny.at("samples_per_s").get<double>() > 0);
        // The folder given with --model also gets a peak-memory probe.
        const auto folder = results.at("models").at(fixtures::path("reference/tiny-bert-cola"));
        QVERIFY(folder.at("peak_rss_gb").get<double>() > 0.05);
        QVERIFY(folder.at("peak_rss_gb_checkpointing").get<double>() > 0.05);
        // Scale-out: one process, then two with the cores split, both measured.
        const auto scaleOut = results.at("scale_out");
        QCOMPARE(scaleOut.at("preset").get<std::string>(), std::string("tiny"));
        const auto runs = scaleOut.at("runs");
        QVERIFY(runs.size() >= 2);
        QCOMPARE(runs[0].at("processes").get<int>(), 1);
        QCOMPARE(runs[1].at("processes").get<int>(), 2);
        for (const auto& r : runs) QVERIFY(r.at("samples_per_s").get<double>() > 0);
        QCOMPARE(runs[0].at("relative_to_one_process").get<double>(), 1.0);
        QVERIFY(run.out.contains("scale-out: tiny"));
    }
};

QTEST_GUILESS_MAIN(TestBenchSmoke)
#include "tst_bench_smoke.moc"
