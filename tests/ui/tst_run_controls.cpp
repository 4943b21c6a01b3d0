// Controls around a run, through the real window on the bundled CoLA with a new
// tiny model: Pause says so in the status bar and really holds the run, the
// Hyperparameters page is read-only (with a note) while a run is active and
// editable again after it; a start the engine refuses (labels the opened
// classifier does not know, head replacement declined) leaves no run folder;
// Predict and Attention share one current sentence, and an example clicked on
// the Evaluate page lands on both with Predict shown.
#include "test_paths.h"
#include "fresh_window.h"

#include "models/example_table_model.h"
#include "plots/attention_map_plot.h"
#include "plots/confusion_matrix_plot.h"
#include "pages/attention_page.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "pages/predict_page.h"
#include "pages/train_page.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include <QAction>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QtTest>

namespace {

QString runsFolder() {
    return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + QStringLiteral("/runs");
}

QStringList runFolders() {
    return QDir(runsFolder()).entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
}

}  // namespace

class TestRunControls : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    QStringList questions_;
    bool replaceHead_ = true;
    QTemporaryDir dir_;

    QAction* action(const char* name) const { return window_->findChild<QAction*>(QLatin1String(name)); }
    QWidget* learningRateEditor() const {
        return window_->hyperparametersPage()->findChild<QWidget*>(QStringLiteral("learning_rate"));
    }
    QLabel* runNote() const { return window_->hyperparametersPage()->findChild<QLabel*>(QStringLiteral("runActiveNote")); }
    QPlainTextEdit* predictSentence() const {
        return window_->predictPage()->findChild<QPlainTextEdit*>(QStringLiteral("sentenceEdit"));
    }
    QLineEdit* attentionSentence() const {
        return window_->attentionPage()->findChild<QLineEdit*>(QStringLiteral("attentionSentence"));
    }

private slots:
    void initTestCase() {
        window_ = openFreshWindow(QStringLiteral("BertBenchRunControlsTest"));
        MessageDialogs::setConfirmHook([this](const QString& question) {
            questions_ << question;
            return question.contains(QStringLiteral("Replace the classifier head")) ? replaceHead_ : true;
        });
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
        QVERIFY(learningRateEditor());
        QVERIFY(runNote());
        QVERIFY(predictSentence());
        QVERIFY(attentionSentence());
    }

    void cleanupTestCase() {
        window_.reset();
        MessageDialogs::setConfirmHook({});
    }

    void pauseHoldsTheRunAndFreezesItsSettings() {
        auto* training = window_->training();
        auto* page = window_->hyperparametersPage();
        QVERIFY(!page->isRunActive());
        QVERIFY(learningRateEditor()->isEnabled());
        auto options = page->options();
        options.maxSteps = 200;  // stopped long before
        options.batchSize = 8;
        page->setOptions(options);

        QSignalSpy steps(training, &TrainingController::step);
        QSignalSpy finished(training, &TrainingController::finished);
        QVERIFY(action("startTraining")->isEnabled());
        action("startTraining")->trigger();
        QVERIFY(steps.wait(60000));
        QVERIFY(page->isRunActive());  // running, not only paused, already locks the form

        action("pauseTraining")->trigger();
        QCOMPARE(training->state(), TrainingController::State::Paused);
        QVERIFY2(window_->statusBar()->currentMessage().contains(QStringLiteral("Paused")),
                 qPrintable(window_->statusBar()->currentMessage()));
        QCOMPARE(action("pauseTraining")->text(), QStringLiteral("&Resume"));
        // Held: a step already under way may still report, then nothing.
        steps.wait(500);
        steps.clear();
        QVERIFY2(!steps.wait(1500), "a step was reported while paused");
        QVERIFY(window_->statusBar()->currentMessage().contains(QStringLiteral("Paused")));

        window_->showPage(MainWindow::Hyperparameters);
        QVERIFY(page->isRunActive());
        QVERIFY(!learningRateEditor()->isEnabled());
        QVERIFY(runNote()->isVisible());
        QVERIFY(!runNote()->text().isEmpty());
        // The form cannot be changed behind the run's back either: a typed value is refused.
        auto* lr = learningRateEditor();
        lr->setFocus();
        QTest::keyClicks(lr, QStringLiteral("9"));
        QCOMPARE(page->options().learningRate, options.learningRate);

        action("pauseTraining")->trigger();  // Resume
        QCOMPARE(training->state(), TrainingController::State::Running);
        QVERIFY(steps.wait(30000));
        QVERIFY2(!window_->statusBar()->currentMessage().contains(QStringLiteral("Paused")),
                 qPrintable(window_->statusBar()->currentMessage()));
        QVERIFY(page->isRunActive());
        QVERIFY(!learningRateEditor()->isEnabled());

        action("stopTraining")->trigger();
        QVERIFY(finished.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!training->isActive(), 30000);
        QVERIFY(!page->isRunActive());
        QVERIFY(learningRateEditor()->isEnabled());
        QVERIFY(!runNote()->isVisible());
        QVERIFY(window_->session()->modelDirty());
        QVERIFY(QFileInfo(training->runDir()).isDir());  // a real run keeps its folder
    }

    // Processes, next to Start, is the options' field: two processes train with
    // the same live charts, pause together, and the spin box is locked meanwhile.
    void twoProcessesTrainFromTheTrainPage() {
        // The workers are bertbench-cli's (this test binary is no BertBench program).
        qputenv("BERTBENCH_WORKER_PROGRAM", testpaths::cliPath());
        auto* training = window_->training();
        auto* page = window_->hyperparametersPage();
        auto* processes = window_->trainPage()->findChild<QSpinBox*>(QStringLiteral("processesBox"));
        QVERIFY(processes);
        processes->setValue(2);
        QCOMPARE(page->options().processes, int64_t(2));
        auto options = page->options();
        options.maxSteps = 12;
        options.batchSize = 8;
        page->setOptions(options);
        QCOMPARE(processes->value(), 2);

        QSignalSpy steps(training, &TrainingController::step);
        QSignalSpy finished(training, &TrainingController::finished);
        QSignalSpy messages(training, &TrainingController::message);
        action("startTraining")->trigger();
        QVERIFY(steps.wait(60000));
        QVERIFY(!processes->isEnabled());
        action("pauseTraining")->trigger();
        QCOMPARE(training->state(), TrainingController::State::Paused);
        steps.wait(500);
        steps.clear();
        QVERIFY2(!steps.wait(1500), "a step was reported while both processes were paused");
        action("pauseTraining")->trigger();
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(!training->isActive(), 30000);
        QVERIFY(processes->isEnabled());
        bool announced = false;
        for (const auto& m : messages) announced = announced || m.at(0).toString().contains("Training in 2 processes");
        QVERIFY(announced);
        QFile file(training->runDir() + QStringLiteral("/settings.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QVERIFY(file.readAll().contains("\"world_size\": 2"));
        processes->setValue(1);
        QCOMPARE(page->options().processes, int64_t(1));
    }

    void predictAndAttentionShareOneSentence() {
        window_->showPage(MainWindow::Predict);
        auto* edit = predictSentence();
        auto* line = attentionSentence();
        const QString first = QStringLiteral("The children sang loudly in the garden.");
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, first);
        QCOMPARE(edit->toPlainText(), first);
        QTRY_COMPARE_WITH_TIMEOUT(line->text(), first, 10000);

        window_->showPage(MainWindow::Attention);
        QSignalSpy predicted(window_->predictPage(), &PredictPage::predicted);
        const QString second = QStringLiteral("A tall ship sailed past the harbour wall.");
        line->setFocus();
        line->selectAll();
        QTest::keyClicks(line, second);
        QCOMPARE(line->text(), second);
        QTest::keyClick(line, Qt::Key_Return);
        QTRY_COMPARE_WITH_TIMEOUT(edit->toPlainText(), second, 10000);
        QVERIFY(predicted.wait(20000) || !predicted.isEmpty());  // the Predict page answered it, too
        QCOMPARE(line->text(), second);  // no echo back
    }

    void anEvaluatedExampleGoesToPredictAndAttention() {
        auto* session = window_->session();
        auto* page = window_->evaluatePage();
        window_->showPage(MainWindow::Evaluate);
        QSignalSpy evaluated(session, &WorkbenchSession::evaluated);
        page->evaluate();
        QVERIFY(evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        auto* view = page->findChild<QTableView*>(QStringLiteral("exampleTable"));
        QVERIFY(view);
        if (view->model()->rowCount() == 0) {  // no mistakes to show: show every example
            for (auto* combo : page->findChildren<QComboBox*>())
                if (combo->count() == 3 && combo->itemText(0) == QStringLiteral("All examples")) combo->setCurrentIndex(0);
        }
        QVERIFY(view->model()->rowCount() > 0);
        auto* proxy = qobject_cast<QSortFilterProxyModel*>(view->model());
        QVERIFY(proxy);
        const int row = std::min(3, view->model()->rowCount() - 1);
        const QModelIndex index = view->model()->index(row, ExampleTableModel::Sentence);
        const QString sentence = page->examples()->sentence(proxy->mapToSource(index).row());
        QVERIFY(!sentence.isEmpty());
        QVERIFY(predictSentence()->toPlainText() != sentence);
        view->scrollTo(index);
        QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());

        QCOMPARE(window_->currentPage(), MainWindow::Predict);
        QCOMPARE(predictSentence()->toPlainText(), sentence);
        QCOMPARE(attentionSentence()->text(), sentence);
        QTRY_VERIFY_WITH_TIMEOUT(window_->predictPage()->lastPrediction().probabilities.size() == 2, 20000);
    }

    void aConfusionCellListsItsExamples() {
        // Evaluated above: a click on a cell narrows the examples to that
        // (true, predicted) pair, and "Show every cell" widens them again.
        auto* page = window_->evaluatePage();
        window_->showPage(MainWindow::Evaluate);
        auto* matrix = page->findChild<ConfusionMatrixPlot*>();
        auto* view = page->findChild<QTableView*>(QStringLiteral("exampleTable"));
        QVERIFY(matrix && view);
        QTRY_VERIFY(!matrix->cellRect(0, 0).isEmpty() && matrix->cellAt(matrix->cellRect(0, 0).center()).first == 0);
        const auto& confusion = matrix->matrix();
        int64_t total = 0;
        for (const auto& row : confusion)
            for (auto v : row) total += v;
        for (auto [i, j] : {std::pair{0, 0}, std::pair{1, 0}, std::pair{0, 1}, std::pair{1, 1}}) {
            QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(i, j).center());
            QCOMPARE(int64_t(view->model()->rowCount()), confusion[size_t(i)][size_t(j)]);
            for (int r = 0; r < view->model()->rowCount(); ++r) {
                const auto index = view->model()->index(r, 0);
                QCOMPARE(index.data(ExampleTableModel::TrueIdRole).toInt(), i);
                QCOMPARE(index.data(ExampleTableModel::PredictedIdRole).toInt(), j);
            }
            auto* note = page->findChild<QLabel*>(QStringLiteral("cellFilterNote"));
            QVERIFY(note && !note->isHidden());
        }
        auto* clear = page->findChild<QPushButton*>(QStringLiteral("clearCellFilter"));
        QVERIFY(clear && !clear->isHidden());
        clear->click();
        QCOMPARE(int64_t(view->model()->rowCount()), total);
        QVERIFY(clear->isHidden());
        // A cell's example still goes to Predict.
        QTest::mouseClick(matrix, Qt::LeftButton, {}, matrix->cellRect(1, 1).center());
        if (view->model()->rowCount() > 0) {
            const QModelIndex index = view->model()->index(0, ExampleTableModel::Sentence);
            QTest::mouseClick(view->viewport(), Qt::LeftButton, {}, view->visualRect(index).center());
            QCOMPARE(window_->currentPage(), MainWindow::Predict);
        }
    }

    void attentionColoursSpanMinToMaxOnRequest() {
        window_->showPage(MainWindow::Attention);
        auto* attention = window_->attentionPage();
        auto* map = attention->map();  // the Heads tab's (other tabs have maps too)
        QVERIFY(map);
        QTRY_VERIFY_WITH_TIMEOUT(map->mapSize().width() > 0, 20000);
        QCOMPARE(map->dataRange().lower, 0.0);
        attention->setColourScaleFromMinimum(true);
        QVERIFY(map->dataRange().lower > 0.0);  // softmax weights are never exactly 0
        QVERIFY(map->dataRange().upper > map->dataRange().lower);
        attention->setColourScaleFromMinimum(false);
        QCOMPARE(map->dataRange().lower, 0.0);
    }

    void aRefusedStartLeavesNoRunFolder() {
        auto* session = window_->session();
        auto* training = window_->training();
        const QStringList before = runFolders();
        QVERIFY2(!before.isEmpty(), "the run above should have left its folder: the count below would prove nothing");

        // A classifier that knows CoLA's two labels, and data with two others.
        const QString folder = (QString(testpaths::fixturesDir()) + QStringLiteral("/reference/tiny-bert-cola"));
        window_->openModelFolder(folder);
        QTRY_COMPARE_WITH_TIMEOUT(session->model().folder, folder, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        QCOMPARE(session->model().summary.labels, std::vector<std::string>({"unacceptable", "acceptable"}));

        QByteArray csv = "text,label\n";
        for (int i = 0; i < 24; ++i)
            csv += QStringLiteral("the %1 ball number %2 rolled away,%1\n")
                       .arg(i % 2 ? QStringLiteral("red") : QStringLiteral("blue"))
                       .arg(i)
                       .toUtf8();
        const QString path = dir_.filePath(QStringLiteral("colours.csv"));
        {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(csv);
        }
        window_->openDataset(path);
        QSignalSpy imported(session, &WorkbenchSession::dataChanged);
        QTest::mouseClick(window_->dataPage()->findChild<QPushButton*>(QStringLiteral("importButton")), Qt::LeftButton);
        QVERIFY(imported.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        auto labels = session->labelNames();
        labels.sort();
        QCOMPARE(labels, QStringList({"blue", "red"}));

        questions_.clear();
        replaceHead_ = false;
        QSignalSpy finished(training, &TrainingController::finished);
        QSignalSpy failed(training, &TrainingController::failed);
        QVERIFY(action("startTraining")->isEnabled());
        action("startTraining")->trigger();
        QTRY_VERIFY_WITH_TIMEOUT(!questions_.isEmpty(), 30000);
        QVERIFY2(questions_.size() == 1 && questions_.first().contains(QStringLiteral("Replace the classifier head")),
                 qPrintable(questions_.join('|')));
        QTRY_COMPARE_WITH_TIMEOUT(training->state(), TrainingController::State::Idle, 30000);
        QVERIFY(!training->isActive());
        QVERIFY(finished.isEmpty());  // nothing trained
        QVERIFY(failed.isEmpty());    // a question, not an error
        QCOMPARE(runFolders(), before);
        QVERIFY2(!QFileInfo::exists(training->runDir()), qPrintable(training->runDir()));
        QCOMPARE(session->model().summary.labels.size(), size_t(2));  // "no" kept the head
        QVERIFY(!window_->hyperparametersPage()->isRunActive());
        QVERIFY(learningRateEditor()->isEnabled());
    }
};

QTEST_MAIN(TestRunControls)
#include "tst_run_controls.moc"
