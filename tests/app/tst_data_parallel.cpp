// Data-parallel training end to end, through bertbench-cli on loopback: two
// processes (started with --nproc, or by hand with torchrun's variables) give
// the single process's per-step loss, learning rate and gradient norm and its
// final weights (1e-5), with and without gradient accumulation, and
// transformers' reference trace; a worker killed mid-run stops the run with a
// message naming it, the checkpoint stays intact and --resume finishes with
// the uninterrupted run's exact curve; a busy port and an unreachable
// rendezvous are messages with exit code 5, in bounded time.
#include "test_paths.h"
#include "checkpoint/state_dict.h"
#include "cli_runner.h"
#include "cola_rows_file.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QProcess>
#include <QtTest>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <csignal>
#include <filesystem>
#include <fstream>
#include <map>

namespace fs = std::filesystem;
using fixtures::TempFolder;
using fixtures::colaRowsFile;
using fixtures::q;

namespace {


// tiny-bert-cola with dropout 0, as transformers computed the trace.
std::string referenceModel(const TempFolder& folder) {
    const auto dir = folder.file("model");
    fs::create_directories(dir);
    for (const char* file : {"vocab.txt", "tokenizer_config.json", "model.safetensors"})
        fs::copy_file(fixtures::path(std::string("reference/tiny-bert-cola/") + file), dir + "/" + file);
    auto config = fixtures::readJson("reference/tiny-bert-cola/config.json");
    config["hidden_dropout_prob"] = 0.0;
    config["attention_probs_dropout_prob"] = 0.0;
    std::ofstream(dir + "/config.json") << config.dump(2);
    return dir;
}

struct StepRecord {
    double loss = 0, lr = 0, gradNorm = 0;
    std::string lossText;  // as written: equal text means bit-equal
};

std::map<int, StepRecord> steps(const std::string& run) {
    std::map<int, StepRecord> records;
    std::ifstream in(run + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        const auto r = nlohmann::json::parse(line, nullptr, false);
        if (r.is_object() && r.value("type", "") == "step")
            records[r.at("step").get<int>()] = {r.at("loss").get<double>(), r.at("lr").get<double>(),
                                                r.at("grad_norm").get<double>(), r.at("loss").dump()};
    }
    return records;
}

std::map<int, std::string> lossTexts(const std::string& run) {
    std::map<int, std::string> texts;
    for (const auto& [step, record] : steps(run)) texts[step] = record.lossText;
    return texts;
}

// A socket listening on a loopback port the kernel chose, for as long as it lives.
class ListeningSocket {
public:
    ListeningSocket() : fd_(socket(AF_INET, SOCK_STREAM, 0)) {
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        socklen_t length = sizeof(address);
        if (bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof(address)) != 0 || listen(fd_, 4) != 0 ||
            getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0)
            qFatal("cannot listen on loopback");
        port_ = ntohs(address.sin_port);
    }
    ~ListeningSocket() { close(fd_); }
    int port() const { return port_; }

private:
    int fd_;
    int port_ = 0;
};

int freePort() { return ListeningSocket().port(); }

QProcessEnvironment rankEnvironment(int rank, int port) {
    auto env = QProcessEnvironment::systemEnvironment();
    env.insert("RANK", QString::number(rank));
    env.insert("LOCAL_RANK", QString::number(rank));
    env.insert("WORLD_SIZE", "2");
    env.insert("LOCAL_WORLD_SIZE", "2");
    env.insert("MASTER_ADDR", "127.0.0.1");
    env.insert("MASTER_PORT", QString::number(port));
    return env;
}

// The children of `pid` (the workers --nproc started).
std::vector<int> childrenOf(qint64 pid) {
    std::vector<int> children;
    for (const auto& entry : fs::directory_iterator("/proc")) {
        const auto name = entry.path().filename().string();
        if (name.find_first_not_of("0123456789") != std::string::npos) continue;
        std::ifstream stat(entry.path() / "stat");
        std::string text((std::istreambuf_iterator<char>(stat)), {});
        const auto close = text.rfind(')');
        if (close == std::string::npos) continue;
        std::istringstream fields(text.substr(close + 2));
        std::string state;
        long parent = 0;
        fields >> state >> parent;
        if (parent == pid) children.push_back(std::stoi(name));
    }
    return children;
}

QStringList killArguments(const std::string& out) {
    return {"train", "--preset", "tiny", "--train", q(fixtures::path("data/cola/in_domain_dev.tsv")), "--format", "cola",
            "--max-steps", "120", "--batch-size", "8", "--checkpoint-steps", "1", "--nproc", "2", "--out", q(out)};
}

}  // namespace

class TestDataParallel : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void twoProcessesTrainAsOne_data() {
        QTest::addColumn<int>("batch");
        QTest::addColumn<int>("accumulation");
        QTest::addColumn<bool>("byHand");
        // Global batch 16 either way: 16 in one pass, or 8 accumulated twice.
        QTest::newRow("--nproc 2, batch 16") << 16 << 1 << false;
        QTest::newRow("torchrun variables, batch 8 x 2 accumulated") << 8 << 2 << true;
    }
    void twoProcessesTrainAsOne() {
        QFETCH(int, batch);
        QFETCH(int, accumulation);
        QFETCH(bool, byHand);
        TempFolder folder("data_parallel_trace");
        const auto model = referenceModel(folder);
        const auto train = colaRowsFile(folder, "train.tsv", 64);
        auto arguments = [&](const std::string& out) {
            return QStringList{"train", "--model", q(model), "--train", q(train), "--format", "cola",
                               "--validation-split", "0", "--epochs", "2", "--batch-size", QString::number(batch),
                               "--gradient-accumulation", QString::number(accumulation), "--lr", "5e-4",
                               "--warmup-steps", "2", "--weight-decay", "0.01", "--max-grad-norm", "1",
                               "--max-length", "128", "--shuffle", "none", "--padding", "dynamic", "--out", q(out)};
        };
        const auto single = folder.file("single"), parallel = folder.file("parallel");
        const auto one = fixtures::cli(arguments(single));
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        if (byHand) {
            const int port = freePort();
            QProcess ranks[2];
            for (int rank = 0; rank < 2; ++rank) {
                ranks[rank].setProcessEnvironment(rankEnvironment(rank, port));
                ranks[rank].start(testpaths::cliPath(), arguments(parallel));
            }
            for (auto& rank : ranks) {
                QVERIFY(rank.waitForFinished(120000));
                QVERIFY2(rank.exitCode() == 0, rank.readAllStandardError().constData());
            }
            QVERIFY(ranks[1].readAllStandardOutput().isEmpty());  // only rank 0 reports
        } else {
            const auto two = fixtures::cli(arguments(parallel) + QStringList{"--nproc", "2"});
            QVERIFY2(two.exitCode == 0, qPrintable(two.err));
            QVERIFY2(two.err.contains("Training in 2 processes"), qPrintable(two.err));
        }

        const auto expected = steps(single), got = steps(parallel);
        QCOMPARE(int(expected.size()), 8);
        QCOMPARE(got.size(), expected.size());
        const auto trace = fixtures::readJson("reference/tiny-bert-cola/expected/train_steps.json").at("steps");
        for (const auto& [step, want] : expected) {
            const auto& have = got.at(step);
            const auto tag = QByteArray("step ") + QByteArray::number(step);
            QVERIFY2(std::abs(have.loss - want.loss) < 1e-5, tag + " loss");
            QVERIFY2(std::abs(have.lr - want.lr) < 1e-12, tag + " lr");
            QVERIFY2(std::abs(have.gradNorm - want.gradNorm) < 1e-5, tag + " grad norm");
            // And transformers' own single-process trace, at the reference tests' tolerance.
            QVERIFY2(std::abs(have.loss - trace[step - 1].at("loss").get<double>()) < 1e-4, tag + " trace loss");
            QVERIFY2(std::abs(have.gradNorm - trace[step - 1].at("grad_norm_before_clip").get<double>()) < 1e-4,
                     tag + " trace grad norm");
        }
        const auto a = bertbench::readStateDict(single + "/best/model.safetensors");
        const auto b = bertbench::readStateDict(parallel + "/best/model.safetensors");
        QCOMPARE(b.size(), a.size());
        // The attention's key bias excepted, as in the reference tests (training_fixtures.h):
        // softmax cancels it, its exact gradient is 0, and AdamW walks on float noise.
        double summedRates = 0;
        for (const auto& [step, record] : got) summedRates += record.lr;
        for (size_t i = 0; i < a.size(); ++i) {
            QCOMPARE(b[i].first, a[i].first);
            const bool keyBias = QByteArray(a[i].first.c_str()).endsWith(".key.bias");
            QVERIFY2((a[i].second - b[i].second).abs().max().template item<double>() < (keyBias ? 2 * summedRates : 1e-5),
                     a[i].first.c_str());
        }
        const auto state = nlohmann::json::parse(std::ifstream(parallel + "/settings.json"));
        QCOMPARE(state.at("world_size").get<int>(), 2);
    }

    void aKilledWorkerStopsTheRunAndResumeFinishesItsCurve() {
        TempFolder folder("data_parallel_kill");
        const auto whole = folder.file("whole"), killed = folder.file("killed");
        const auto uninterrupted = fixtures::cli(killArguments(whole));
        QVERIFY2(uninterrupted.exitCode == 0, qPrintable(uninterrupted.err));
        const auto expected = lossTexts(whole);
        QCOMPARE(int(expected.size()), 120);

        QProcess run;
        run.start(testpaths::cliPath(), killArguments(killed));
        QVERIFY(run.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(steps(killed).size() >= 5, 60000);
        const auto workers = childrenOf(run.processId());
        QCOMPARE(int(workers.size()), 1);
        const auto killedAt = std::chrono::steady_clock::now();
        QCOMPARE(::kill(workers[0], SIGKILL), 0);
        QVERIFY(run.waitForFinished(60000));
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - killedAt).count();
        const auto err = QString::fromUtf8(run.readAllStandardError());
        QCOMPARE(run.exitStatus(), QProcess::NormalExit);
        QVERIFY2(run.exitCode() == 5, qPrintable(err.right(800)));
        QVERIFY2(err.contains("worker rank 1 (pid " + QString::number(workers[0]) + ") was killed by signal 9"),
                 qPrintable(err.right(800)));
        QVERIFY2(err.contains("rank 0 of 2, at step"), qPrintable(err.right(800)));
        QVERIFY2(seconds < 30, qPrintable(QString("stopped %1 s after the kill").arg(seconds)));
        QVERIFY(fs::exists(killed + "/checkpoint/trainer_state.json"));
        const auto state = nlohmann::json::parse(std::ifstream(killed + "/checkpoint/trainer_state.json"));
        QCOMPARE(state.at("world_size").get<int>(), 2);
        QVERIFY(state.at("step").get<int>() >= 4);

        // Another number of processes cannot continue it ...
        auto other = killArguments(killed);
        other[other.indexOf("--nproc") + 1] = "1";
        const auto refused = fixtures::cli(other + QStringList{"--resume"});
        QCOMPARE(refused.exitCode, 2);
        QVERIFY2(refused.err.contains("written by 2 processes") && refused.err.contains("--nproc 2"),
                 qPrintable(refused.err));
        // ... the same number finishes it, on the uninterrupted run's exact curve.
        const auto resumed = fixtures::cli(killArguments(killed) + QStringList{"--resume"});
        QVERIFY2(resumed.exitCode == 0, qPrintable(resumed.err));
        QCOMPARE(lossTexts(killed), expected);
    }

    void aBusyPortIsAMessage() {
        const ListeningSocket squatter;
        TempFolder folder("data_parallel_port");
        auto env = QProcessEnvironment::systemEnvironment();
        env.insert("MASTER_PORT", QString::number(squatter.port()));
        const auto started = std::chrono::steady_clock::now();
        const auto run = fixtures::cli({"train", "--preset", "tiny", "--train", q(colaRowsFile(folder, "t.tsv", 32)),
                                        "--format", "cola", "--max-steps", "2", "--nproc", "2", "--out",
                                        q(folder.file("run"))},
                                       env);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("port " + QString::number(squatter.port()) + " on 127.0.0.1 is already in use"),
                 qPrintable(run.err));
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
    }

    void anUnreachableRendezvousTimesOut() {
        TempFolder folder("data_parallel_alone");
        auto env = rankEnvironment(1, freePort());  // rank 1, and no rank 0 ever opens the port
        env.insert("BERTBENCH_DISTRIBUTED_TIMEOUT", "3");
        const auto started = std::chrono::steady_clock::now();
        const auto run = fixtures::cli({"train", "--preset", "tiny", "--train", q(colaRowsFile(folder, "t.tsv", 32)),
                                        "--format", "cola", "--max-steps", "2", "--out", q(folder.file("run"))},
                                       env);
        QCOMPARE(run.exitCode, 5);
        QVERIFY2(run.err.contains("rank 1 of 2") && run.err.contains("127.0.0.1:"), qPrintable(run.err));
        QVERIFY(std::chrono::steady_clock::now() - started < std::chrono::seconds(60));
    }
};

QTEST_GUILESS_MAIN(TestDataParallel)
#include "tst_data_parallel.moc"
