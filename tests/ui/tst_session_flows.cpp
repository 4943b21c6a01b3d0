// The session's refusals as a person meets them in the window: a question
// first, then the request again or nothing at all. Saving over a model folder,
// replacing a model with unsaved training, training a classifier on labels it
// does not know; Stop that Esc never triggers; and the CLI and the GUI writing
// the same settings.json for the same choices.
#include "test_paths.h"
#include "cli_runner.h"
#include "dialogs/message_dialogs.h"
#include "fixtures.h"
#include "fresh_window.h"
#include "i18n/training_presets.h"
#include "pages/hyperparameters_page.h"
#include "pages/train_page.h"
#include "plots/training_charts_plot.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include <QAction>
#include <QFile>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include <fstream>

namespace {

nlohmann::json readJson(const QString& path) {
    std::ifstream in(path.toStdString());
    return nlohmann::json::parse(in);
}

}  // namespace

class TestSessionFlows : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    QStringList questions_;
    bool answer_ = true;

    // Trains the current model for `steps` steps with the fast-cpu preset.
    void trainSteps(int steps) {
        auto options = TrainingPresets::options(QStringLiteral("fast-cpu"));
        options.maxSteps = steps;
        options.batchSize = 16;
        window_->hyperparametersPage()->setOptions(options);
        QSignalSpy finished(window_->training(), &TrainingController::finished);
        window_->trainPage()->start();
        QVERIFY(finished.wait(60000));
    }

private slots:
    void initTestCase() {
        window_ = openFreshWindow(QStringLiteral("BertBenchSessionFlowsTest"));
        MessageDialogs::setConfirmHook([this](const QString& question) {
            questions_ << question;
            return answer_;
        });
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
    }

    void cleanupTestCase() {
        window_.reset();
        MessageDialogs::setConfirmHook({});
    }

    void cliAndGuiWriteTheSameSettings() {
        trainSteps(2);
        const auto gui = readJson(window_->training()->runDir() + "/settings.json");
        QTemporaryDir dir;
        const auto run = fixtures::cli({"train", "--preset", "tiny", "--train", window_->session()->data().request.path,
                                        "--format", "cola", "--hyperparameters-preset", "fast-cpu", "--max-steps", "2",
                                        "--batch-size", "16", "--out", dir.filePath("run")});
        QVERIFY2(run.exitCode == 0, qPrintable(run.err));
        const auto cli = readJson(dir.filePath("run/settings.json"));
        QCOMPARE(QString::fromStdString(cli.at("options").dump()), QString::fromStdString(gui.at("options").dump()));
        QCOMPARE(cli.at("data").at("train_hash"), gui.at("data").at("train_hash"));
        QCOMPARE(cli.at("data").at("validation_hash"), gui.at("data").at("validation_hash"));
    }

    void replacingAModelWithUnsavedTrainingAsks() {
        auto* session = window_->session();
        QVERIFY(session->modelDirty());  // trained above, never saved
        const auto before = session->model().summary.parameters;
        questions_.clear();
        answer_ = false;
        session->createModel(QStringLiteral("mini"), session->defaultVocabPath(), true, 1);
        QTRY_VERIFY_WITH_TIMEOUT(!questions_.isEmpty(), 30000);
        QVERIFY2(questions_.first().contains(QStringLiteral("not saved")), qPrintable(questions_.first()));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QCOMPARE(session->model().summary.parameters, before);  // "no" kept the trained model
        QVERIFY(session->modelDirty());
    }

    void savingOverAModelFolderAsks() {
        auto* session = window_->session();
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("model"));
        QSignalSpy saved(session, &WorkbenchSession::modelSaved);
        session->saveModel(folder);
        QVERIFY(saved.wait(30000));
        QVERIFY(!session->modelDirty());
        QFile stale(folder + "/pytorch_model.bin");
        QVERIFY(stale.open(QIODevice::WriteOnly));
        stale.write("older weights of the user's");
        stale.close();

        questions_.clear();
        answer_ = false;
        session->saveModel(folder);
        QTRY_VERIFY_WITH_TIMEOUT(!questions_.isEmpty(), 30000);
        QVERIFY2(questions_.first().contains(folder), qPrintable(questions_.first()));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QVERIFY(QFile::exists(folder + "/pytorch_model.bin"));  // "no" wrote nothing

        answer_ = true;
        session->saveModel(folder);
        QVERIFY(saved.wait(30000));
        QVERIFY(!QFile::exists(folder + "/pytorch_model.bin"));  // replaced as a whole, as confirmed
    }

    void stopIsNeverEscape() {
        auto* stop = window_->findChild<QAction*>(QStringLiteral("stopTraining"));
        QVERIFY(stop);
        QVERIFY(!stop->shortcuts().isEmpty());
        for (const auto& shortcut : stop->shortcuts()) QVERIFY(shortcut != QKeySequence(Qt::Key_Escape));
    }

    void labelsTheModelDoesNotKnowAskForANewHead() {
        auto* session = window_->session();
        QSignalSpy ready(session, &WorkbenchSession::modelChanged);
        session->openModel(QString(testpaths::fixturesDir()) + "/reference/tiny-bert-cola", /*discardConfirmed=*/true);
        QVERIFY(ready.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QCOMPARE(session->model().summary.labels, std::vector<std::string>({"unacceptable", "acceptable"}));

        QSignalSpy imported(session, &WorkbenchSession::dataChanged);
        ImportRequest request;
        request.path = QString(testpaths::fixturesDir()) + "/data/agnews/test.csv";
        request.options.format = bertbench::DatasetFormat::Csv;
        request.options.textColumn = bertbench::ColumnRef::named("description");
        request.validationRatio = 0.1;
        session->importDataset(request);
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QCOMPARE(session->labelNames().size(), 4);
        // The folder keeps its own labels: opening it did not take the data's.
        QCOMPARE(session->model().summary.labels.size(), size_t(2));

        questions_.clear();
        answer_ = true;
        QSignalSpy finished(window_->training(), &TrainingController::finished);
        auto options = TrainingPresets::options(QStringLiteral("fast-cpu"));
        options.maxSteps = 2;
        window_->hyperparametersPage()->setOptions(options);
        window_->trainPage()->start();
        QVERIFY(finished.wait(60000));
        QVERIFY2(questions_.size() == 1 && questions_.first().contains(QStringLiteral("predicts 2 classes")) &&
                     questions_.first().contains(QStringLiteral("Replace the classifier head")),
                 qPrintable(questions_.join('|')));
        QTRY_COMPARE_WITH_TIMEOUT(session->model().summary.labels.size(), size_t(4), 10000);
        QVERIFY(session->modelDirty());
    }
};

QTEST_MAIN(TestSessionFlows)
#include "tst_session_flows.moc"
