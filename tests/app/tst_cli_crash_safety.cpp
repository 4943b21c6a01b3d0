// Training that survives kill -9 at any moment: bertbench-cli train is killed
// with SIGKILL at random moments (while starting, training or writing a
// checkpoint), and after every kill the run folder must hold a complete
// checkpoint (or none yet) and a complete best/ (or none), the next start must
// clean up what the dead process left, and --resume must finish with exactly
// the loss curve of a run that was never interrupted. Also: a second train on
// a folder in use is refused at once.
#include "test_paths.h"
#include "cli_runner.h"
#include "fixtures.h"
#include "temp_folder.h"

#include <QProcess>
#include <QtTest>

#include <filesystem>
#include <random>
#include <thread>
#include <unistd.h>

namespace fs = std::filesystem;

namespace {

QString q(const std::string& s) { return QString::fromStdString(s); }

QStringList trainArguments(const std::string& out) {
    return {"train", "--preset", "tiny", "--train", q(fixtures::path("data/cola/in_domain_dev.tsv")), "--format",
            "cola", "--max-steps", "120", "--batch-size", "8", "--checkpoint-steps", "2", "--out", q(out)};
}

// "step -> loss" of metrics.jsonl, as written (exact text, so equal means bit-equal).
std::map<int, std::string> stepLosses(const std::string& run) {
    std::map<int, std::string> losses;
    std::ifstream in(run + "/metrics.jsonl");
    for (std::string line; std::getline(in, line);) {
        const auto record = nlohmann::json::parse(line, nullptr, false);
        if (record.is_object() && record.value("type", "") == "step")
            losses[record.at("step").get<int>()] = record.at("loss").dump();
    }
    return losses;
}

// A folder the kill left is either absent or has every file it needs.
bool completeOrAbsent(const std::string& dir, std::initializer_list<const char*> files) {
    if (!fs::exists(dir)) return true;
    for (const char* file : files)
        if (!fs::exists(dir + "/" + file)) return false;
    return true;
}

bool holdsPartials(const std::string& run) {
    for (const auto& entry : fs::directory_iterator(run))
        if (entry.path().filename().string().find(".partial-") != std::string::npos) return true;
    return false;
}

}  // namespace

class TestCliCrashSafety : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void killedAtRandomMomentsResumesToTheSameCurve() {
        fixtures::TempFolder folder("cli_kill");
        const auto whole = folder.file("whole");
        const auto uninterrupted = fixtures::cli(trainArguments(whole));
        QVERIFY2(uninterrupted.exitCode == 0, qPrintable(uninterrupted.err));
        const auto expected = stepLosses(whole);
        QCOMPARE(int(expected.size()), 120);

        std::mt19937 random(20261201);
        int kills = 0, partialsSeen = 0;
        // Rounds of kills on fresh folders until 20 kills: a fast machine may
        // finish a round's 120 steps between kills.
        for (int round = 0; round < 6 && kills < 20; ++round) {
            const auto killed = folder.file("killed" + std::to_string(round));
            for (int attempt = 0; attempt < 40 && kills < 20; ++attempt) {
                const bool started = fs::exists(killed + "/settings.json");
                QProcess process;
                process.start(testpaths::cliPath(),
                              trainArguments(killed) + (started ? QStringList{"--resume"} : QStringList{}));
                QVERIFY(process.waitForStarted());
                // Anywhere from start-up to well into training and checkpoint writing.
                const int delay = std::uniform_int_distribution<int>(50, 1300)(random);
                if (process.waitForFinished(delay)) {
                    QVERIFY2(process.exitCode() == 0, qPrintable(process.readAllStandardError()));
                    break;  // it finished before the kill: the run is complete
                }
                process.kill();  // SIGKILL: no handler, no cleanup
                process.waitForFinished();
                ++kills;
                if (!fs::exists(killed)) continue;
                partialsSeen += holdsPartials(killed);
                // The checkpoint is complete; or, killed between the two renames of
                // its swap, it is absent and the previous one is complete.
                const auto checkpoint = killed + "/checkpoint";
                QVERIFY2(completeOrAbsent(fs::exists(checkpoint) ? checkpoint : checkpoint + ".previous",
                                          {"trainer_state.json", "model.safetensors", "optimizer.pt", "rng_state.pt"}),
                         "no complete checkpoint");
                QVERIFY2(completeOrAbsent(killed + "/best", {"config.json", "model.safetensors", "vocab.txt"}),
                         "best/ half written");
            }
            const bool started = fs::exists(killed + "/settings.json");
            const auto finish = fixtures::cli(trainArguments(killed) + (started ? QStringList{"--resume"} : QStringList{}));
            QVERIFY2(finish.exitCode == 0, qPrintable(finish.err));
            QVERIFY(!holdsPartials(killed));  // the starts after the kills cleaned up
            QVERIFY(!fs::exists(killed + "/checkpoint.previous"));
            QCOMPARE(stepLosses(killed), expected);
        }
        QVERIFY2(kills >= 20, qPrintable(QString("only %1 kills").arg(kills)));
        qInfo() << kills << "kills," << partialsSeen << "of them left partial files behind";
    }

    void aFullDiskIsAMessageNotACrash_data() {
        QTest::addColumn<QString>("size");
        // Full at the first checkpoint's weights, in its optimizer state (where
        // torch's own writer used to abort the process), and at the later ones.
        QTest::newRow("3 MB") << "3m";
        QTest::newRow("20 MB") << "20m";
        QTest::newRow("40 MB") << "40m";
        QTest::newRow("100 MB") << "100m";
    }
    void aFullDiskIsAMessageNotACrash() {
        QFETCH(QString, size);
        if (::geteuid() != 0) QSKIP("mounting a small tmpfs needs root (CI runs as root)");
        fixtures::TempFolder folder("cli_full_disk");
        const auto mountPoint = folder.file("disk");
        fs::create_directories(mountPoint);
        QProcess mount;
        mount.start("mount", {"-t", "tmpfs", "-o", "size=" + size, "tmpfs", q(mountPoint)});
        QVERIFY(mount.waitForFinished() && mount.exitCode() == 0);
        struct Unmount {
            std::string path;
            ~Unmount() { QProcess::execute("umount", {QString::fromStdString(path)}); }
        } unmount{mountPoint};

        const auto out = mountPoint + "/run";
        auto arguments = trainArguments(out);
        arguments[arguments.indexOf("120")] = "400";
        QProcess train;
        train.start(testpaths::cliPath(), arguments);
        QVERIFY(train.waitForFinished(300000));
        const auto err = QString::fromUtf8(train.readAllStandardError());
        QCOMPARE(train.exitStatus(), QProcess::NormalExit);  // no abort, no signal
        QVERIFY2(train.exitCode() == 3, qPrintable(err.right(800)));
        QVERIFY2(err.contains("No space left on device (the disk is full)"), qPrintable(err.right(800)));
        QVERIFY(!holdsPartials(out));  // nothing half-written stays behind
        QVERIFY(completeOrAbsent(out + "/checkpoint", {"trainer_state.json", "model.safetensors", "optimizer.pt"}));
        QVERIFY(completeOrAbsent(out + "/best", {"config.json", "model.safetensors", "vocab.txt"}));
    }

    void aFolderInUseIsRefusedAtOnce() {
        fixtures::TempFolder folder("cli_in_use");
        const auto out = folder.file("run");
        auto arguments = trainArguments(out);
        arguments[arguments.indexOf("120")] = "400";  // long enough to still run below
        QProcess first;
        first.start(testpaths::cliPath(), arguments);
        QVERIFY(first.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(fs::exists(out + "/metrics.jsonl") && !stepLosses(out).empty(), 60000);
        const auto second = fixtures::cli(trainArguments(out) + QStringList{"--resume"});
        QCOMPARE(second.exitCode, 2);
        QVERIFY2(second.err.contains("in use by another training process (pid " + QString::number(first.processId())),
                 qPrintable(second.err));
        first.kill();
        first.waitForFinished();
        // The kernel dropped the dead process's lock: the folder is free again.
        const auto after = fixtures::cli(trainArguments(out) + QStringList{"--resume", "--max-steps", "400"});
        QVERIFY2(!after.err.contains("in use"), qPrintable(after.err));
    }
};

QTEST_GUILESS_MAIN(TestCliCrashSafety)
#include "tst_cli_crash_safety.moc"
