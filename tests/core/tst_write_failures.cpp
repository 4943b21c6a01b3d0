// Every file the engine writes goes through one atomic writer. Here writes are
// made to fail for real, by a file-size limit (setrlimit RLIMIT_FSIZE: the
// kernel refuses each write past it with EFBIG), by a writer that throws midway,
// and by a read-only filesystem (a tmpfs mounted read-only; root only). After
// each failure: a FileError that names the file and the system's reason, the
// previous good file unchanged, and no temporary file left.
#include "checkpoint/model_folder.h"
#include "checkpoint/safetensors.h"
#include "checkpoint/tokenizer_files.h"
#include "common/atomic_file.h"
#include "common/errors.h"
#include "file_error_of.h"
#include "temp_folder.h"
#include "training/training_checkpoint.h"

#include <QProcess>
#include <QtTest>

#include <csignal>
#include <filesystem>
#include <sys/resource.h>
#include <unistd.h>

using namespace bertbench;
using fixtures::fileErrorOf;
namespace fs = std::filesystem;

namespace {

// While alive, files of this process cannot grow past `bytes`.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previousHandler_ = std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of a signal
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ::setrlimit(RLIMIT_FSIZE, &limit);
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previousHandler_);
    }

private:
    rlimit saved_{};
    void (*previousHandler_)(int) = nullptr;
};

std::string contentOf(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Names in `dir` (recursively) that a write leaves only while it runs.
QStringList temporaries(const std::string& dir) {
    QStringList found;
    for (const auto& entry : fs::recursive_directory_iterator(dir)) {
        const auto name = entry.path().filename().string();
        if (name.find(".partial") != std::string::npos || name.find(".previous") != std::string::npos)
            found << QString::fromStdString(entry.path().string());
    }
    return found;
}

ModelBundle tinyModel() {
    return createPresetModel("tiny", tokenizerForNewModel(fixtures::path("reference/tiny-bert-cola/vocab.txt"), true),
                             {"no", "yes"});
}

}  // namespace

class TestWriteFailures : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void aTextFileTooLargeKeepsThePreviousOne() {
        const fixtures::TempFolder dir("write_failure_text");
        const auto path = dir.file("settings.json");
        writeTextFileAtomically(path, "old");
        QString message;
        {
            const FileSizeLimit limit(4096);
            message = fileErrorOf([&] { writeTextFileAtomically(path, std::string(100000, 'x')); });
        }
        QVERIFY2(message.startsWith(QString::fromStdString(path) + ": writing failed: File too large"),
                 qPrintable(message));
        QCOMPARE(contentOf(path), std::string("old"));
        QVERIFY2(temporaries(dir.path()).isEmpty(), qPrintable(temporaries(dir.path()).join(", ")));
    }

    void aWriterThatThrowsLeavesNothingBehind() {
        const fixtures::TempFolder dir("write_failure_throw");
        const auto path = dir.file("optimizer.pt");
        writeTextFileAtomically(path, "old");
        QVERIFY_EXCEPTION_THROWN(writeFileAtomically(path,
                                                     [](std::ostream& out) {
                                                         out << std::string(10000, 'x');
                                                         throw std::runtime_error("serializer failed");
                                                     }),
                                 std::runtime_error);
        QCOMPARE(contentOf(path), std::string("old"));
        QVERIFY(temporaries(dir.path()).isEmpty());
    }

    void safetensorsTooLargeKeepThePreviousFile() {
        const fixtures::TempFolder dir("write_failure_safetensors");
        const auto path = dir.file("model.safetensors");
        const std::vector<float> small(4, 1.0f), large(100000, 2.0f);
        writeSafetensors(path, {{"w", StDtype::F32, {4}, small.data()}});
        const auto before = contentOf(path);
        QString message;
        {
            const FileSizeLimit limit(8192);
            message = fileErrorOf([&] { writeSafetensors(path, {{"w", StDtype::F32, {100000}, large.data()}}); });
        }
        QVERIFY2(message.contains("File too large") && message.contains("model.safetensors"), qPrintable(message));
        QCOMPARE(contentOf(path), before);
        QVERIFY(temporaries(dir.path()).isEmpty());
    }

    void aModelFolderSaveThatFailsLeavesTheOldFolderLoadable() {
        const fixtures::TempFolder dir("write_failure_model");
        auto model = tinyModel();
        saveModelFolder(model, dir.path());
        const auto config = contentOf(dir.file("config.json"));
        const auto weights = contentOf(dir.file("model.safetensors"));
        torch::NoGradGuard noGrad;
        for (auto& p : model.module().parameters()) p.add_(1.0);
        QString message;
        {
            const FileSizeLimit limit(64 * 1024);  // the weights are ~4 MB
            message = fileErrorOf([&] { saveModelFolder(model, dir.path()); });
        }
        QVERIFY2(message.contains("File too large"), qPrintable(message));
        QCOMPARE(contentOf(dir.file("model.safetensors")), weights);
        QCOMPARE(contentOf(dir.file("config.json")), config);
        QVERIFY(temporaries(dir.path()).isEmpty());
        loadModelFolder(dir.path());  // still whole
    }

    void aCheckpointThatFailsKeepsThePreviousCheckpoint() {
        const fixtures::TempFolder dir("write_failure_checkpoint");
        auto model = tinyModel();
        auto& module = *model.model;
        torch::optim::AdamW optimizer(module.parameters(), torch::optim::AdamWOptions(1e-3));
        const auto checkpoint = dir.file("checkpoint");
        TrainerPosition position;
        position.step = 5;
        saveTrainingCheckpoint(checkpoint, module, optimizer, position);
        const auto state = contentOf(checkpoint + "/trainer_state.json");
        // The limit falls in the weights, then in the optimizer state (which
        // torch's own zip writer once turned into an abort).
        for (const rlim_t limit : {rlim_t(64 * 1024), rlim_t(5 * 1024 * 1024)}) {
            position.step += 5;
            QString message;
            {
                const FileSizeLimit sizeLimit(limit);
                message = fileErrorOf([&] { saveTrainingCheckpoint(checkpoint, module, optimizer, position); });
            }
            QVERIFY2(message.contains("File too large"), qPrintable(message));
            QCOMPARE(contentOf(checkpoint + "/trainer_state.json"), state);
            QVERIFY2(temporaries(dir.path()).isEmpty(), qPrintable(temporaries(dir.path()).join(", ")));
        }
        TrainerPosition loaded;
        QVERIFY(loadTrainingCheckpoint(checkpoint, module, optimizer, loaded));
        QCOMPARE(loaded.step, int64_t(5));
    }

    void aReadOnlyFilesystemIsNamed() {
        if (::geteuid() != 0) QSKIP("mounting a read-only tmpfs needs root (CI runs as root)");
        const fixtures::TempFolder dir("write_failure_read_only");
        const auto mountPoint = dir.file("disk");
        fs::create_directories(mountPoint);
        QCOMPARE(QProcess::execute("mount", {"-t", "tmpfs", "-o", "size=1m,ro", "tmpfs",
                                             QString::fromStdString(mountPoint)}), 0);
        struct Unmount {
            std::string path;
            ~Unmount() { QProcess::execute("umount", {QString::fromStdString(path)}); }
        } unmount{mountPoint};
        const auto message = fileErrorOf([&] { writeTextFileAtomically(mountPoint + "/report.json", "{}"); });
        QVERIFY2(message.contains("Read-only file system") && message.contains("report.json"), qPrintable(message));
    }
};

QTEST_APPLESS_MAIN(TestWriteFailures)
#include "tst_write_failures.moc"
