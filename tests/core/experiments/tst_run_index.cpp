// The run history reads run folders as they are on disk: finished, stopped,
// failed (no report), running (a live process holds the lock file open),
// damaged or foreign folders (listed as unreadable with the reason, or left
// out), lines a kill cut short; names kept in run.json; and the command that
// runs a recorded run again.
#include "experiments/reproduce_command.h"
#include "experiments/run_index.h"
#include "temp_folder.h"

#include <QtTest>

#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <unistd.h>

using namespace bertbench;
using fixtures::TempFolder;

namespace {

nlohmann::json settings(const std::string& startedAt) {
    return {{"options", {{"learning_rate", 3e-5}, {"batch_size", 16}}},
            {"task", "BertForSequenceClassification"},
            {"model", {{"model_type", "bert"}}},
            {"data", {{"train", "/data/cola.tsv"}, {"train_hash", "0123456789abcdef"}}},
            {"total_steps", 4},
            {"world_size", 1},
            {"started_at", startedAt},
            {"runtime", "LibTorch 1.13"},
            {"source",
             {{"command", "train"},
              {"model", {{"preset", "tiny"}, {"family", "bert"}, {"vocab", "/v/vocab.txt"}, {"lowercase", true}}},
              {"data",
               {{"path", "/data/my cola.tsv"}, {"format", "cola"}, {"validation_path", ""}, {"validation_ratio", 0.1},
                {"split_seed", 2018}, {"stratified", false}}},
              {"test", nullptr},
              {"new_head", false},
              {"adapt_first", false}}}};
}

void write(const std::string& path, const std::string& text) {
    std::filesystem::create_directories(std::filesystem::path(path).parent_path());
    std::ofstream(path) << text;
}

std::string metricsLines() {
    std::string lines;
    for (const auto& row : {nlohmann::json{{"type", "step"}, {"step", 1}, {"loss", 0.7}, {"samples_per_s", 100.0}},
                            nlohmann::json{{"type", "step"}, {"step", 2}, {"loss", 0.6}, {"samples_per_s", 300.0}},
                            nlohmann::json{{"type", "eval"}, {"split", "validation"}, {"step", 2}, {"mcc", 0.25}},
                            nlohmann::json{{"type", "step"}, {"step", 3}, {"loss", 0.5}, {"samples_per_s", 200.0}}})
        lines += row.dump() + "\n";
    return lines + "{\"type\":\"step\",\"step\":4,\"lo";  // cut short by a kill
}

const RunRecord& named(const std::vector<RunRecord>& runs, const std::string& folder) {
    for (const auto& run : runs)
        if (std::filesystem::path(run.path).filename() == folder) return run;
    qFatal("no run %s", folder.c_str());
}

}  // namespace

class TestRunIndex : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void foldersBecomeRecords() {
        TempFolder root("run_index");
        const auto dir = [&](const char* name) { return root.file(name); };
        write(dir("finished") + "/settings.json", settings("2099-12-07T10:00:00Z").dump());
        write(dir("finished") + "/metrics.jsonl", metricsLines());
        write(dir("finished") + "/report.json",
              nlohmann::json{{"completed", true}, {"steps", 4}, {"train_seconds", 12.5},
                             {"validation", {{"mcc", 0.3}, {"accuracy", 0.7}}}}
                  .dump());
        write(dir("stopped") + "/settings.json", settings("2099-12-07T11:00:00Z").dump());
        write(dir("stopped") + "/report.json", nlohmann::json{{"completed", false}, {"steps", 2}}.dump());
        write(dir("failed") + "/settings.json", settings("2099-12-07T09:00:00Z").dump());
        write(dir("damaged") + "/settings.json", "{\"options\": ");
        write(dir("no settings") + "/metrics.jsonl", "");
        std::filesystem::create_directories(dir("foreign"));  // no run files at all: not listed
        write(dir("foreign") + "/notes.txt", "hello");
        write(dir("a file"), "not a folder");

        const auto runs = indexRuns(root.path());
        QCOMPARE(runs.size(), size_t(5));
        QCOMPARE(QString::fromStdString(runs.front().name), QString("stopped"));  // newest first

        const auto& finished = named(runs, "finished");
        QCOMPARE(finished.status, RunStatus::Finished);
        QCOMPARE(finished.steps, int64_t(3));  // the cut line is left out
        QCOMPARE(finished.finalLoss, 0.5);
        QCOMPARE(finished.samplesPerSecond, 200.0);  // the median
        QCOMPARE(finished.bestValidation.at("mcc").get<double>(), 0.3);
        QCOMPARE(finished.lastEvaluation.at("mcc").get<double>(), 0.25);
        QCOMPARE(finished.trainSeconds, 12.5);
        QCOMPARE(finished.dataHash, std::string("0123456789abcdef"));
        QCOMPARE(finished.family, std::string("bert"));
        QVERIFY2(finished.command.find("--train '/data/my cola.tsv'") != std::string::npos, finished.command.c_str());

        QCOMPARE(named(runs, "stopped").status, RunStatus::Stopped);
        QCOMPARE(named(runs, "failed").status, RunStatus::Failed);
        const auto& damaged = named(runs, "damaged");
        QCOMPARE(damaged.status, RunStatus::Unreadable);
        QVERIFY2(damaged.problem.find("damaged") != std::string::npos, damaged.problem.c_str());
        QCOMPARE(named(runs, "no settings").status, RunStatus::Unreadable);
        QCOMPARE(nlohmann::json::parse(damaged.toJson().dump()).at("status"), "unreadable");
    }

    void aLiveLockMeansRunning() {
        TempFolder root("run_index_running");
        const auto run = root.file("live");
        write(run + "/settings.json", settings("2099-12-07T10:00:00Z").dump());
        write(run + "/.lock", std::to_string(::getpid()));
        QCOMPARE(readRunRecord(run).status, RunStatus::Failed);  // the pid lives, but does not hold it open
        const int fd = ::open((run + "/.lock").c_str(), O_RDONLY);
        QVERIFY(fd >= 0);
        QCOMPARE(readRunRecord(run).status, RunStatus::Running);
        ::close(fd);
        QCOMPARE(readRunRecord(run).status, RunStatus::Failed);
    }

    void namesAreKeptBesideTheRun() {
        TempFolder root("run_index_names");
        const auto run = root.file("r1");
        write(run + "/settings.json", settings("2099-12-07T10:00:00Z").dump());
        QCOMPARE(readRunRecord(run).name, std::string("r1"));
        renameRun(run, "lr 3e-5, seed 7");
        QCOMPARE(readRunRecord(run).name, std::string("lr 3e-5, seed 7"));
    }

    void aSweepsTrialsAreRunsNamedAfterTheSweep() {
        TempFolder root("run_index_sweep");
        const auto sweep = root.file("sweep-a");
        write(sweep + "/sweep.json", "{}");
        write(sweep + "/trial-001/settings.json", settings("2099-12-07T10:00:00Z").dump());
        write(sweep + "/trial-002/settings.json", settings("2099-12-07T11:00:00Z").dump());
        write(sweep + "/notes/readme.txt", "not a run");
        renameRun(sweep + "/trial-002", "the fast one");
        const auto runs = indexRuns(root.path());
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0].name, std::string("the fast one"));
        QCOMPARE(runs[1].name, std::string("sweep-a/trial-001"));
    }

    void theCommandRunsTheRecordedRunAgain() {
        auto s = settings("2099-12-07T10:00:00Z");
        s["options"] = {{"learning_rate", 3e-5}, {"batch_size", 16}, {"head_only", true}, {"warmup_steps", 5},
                        {"lora", {{"targets", {"query", "key"}}}}};
        QCOMPARE(reproduceCommand(s, "runs/again"),
                 std::string("bertbench-cli train --preset tiny --vocab /v/vocab.txt --train '/data/my cola.tsv' "
                             "--format cola --validation-split 0.1 --split-seed 2018 --batch-size 16 --lr 3e-05 "
                             "--warmup-steps 5 --head-only --lora-targets query,key --out runs/again"));
        s["source"]["model"] = {{"unavailable", "trained before"}};
        QCOMPARE(reproduceCommand(s), std::string());
        s.erase("source");
        QCOMPARE(reproduceCommand(s), std::string());
    }
};

QTEST_GUILESS_MAIN(TestRunIndex)
#include "tst_run_index.moc"
