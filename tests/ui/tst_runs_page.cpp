// The Runs page through the real window, on the bundled CoLA with a new tiny
// model and 3 steps per run: the sweep dialog checks what is typed; a 2×2
// sweep started from the current model and data shows its progress (runs
// done, best so far, time left), keeps training from starting beside it, is
// stopped and continued, and ends ranked with a point per run in the scatter;
// the history lists its runs and a damaged folder, and a rename sticks; the
// compare view overlays the selected runs by step and by epoch, highlights the
// options that differ, and exports CSV, PNG and SVG; Repeat with 3 seeds shows
// the mean and spread; Reproduce finds the curve identical. Screenshots of the
// page in English and German go to the build's screenshots/ folder.
#include "test_paths.h"
#include "fresh_window.h"

#include "dialogs/sweep_dialog.h"
#include "experiments/experiment_progress_view.h"
#include "experiments/run_compare_view.h"
#include "models/run_table_model.h"
#include "pages/hyperparameters_page.h"
#include "pages/runs_page.h"
#include "plots/run_curves_plot.h"
#include "plots/sweep_scatter_plot.h"
#include "session/experiment_runner.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include <QAction>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPushButton>
#include <QSignalSpy>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QtTest>

namespace {

void screenshot(QWidget* window, const QString& name) {
    QTest::qWait(150);  // let posted layout requests settle, as they would before a user looks
    QDir().mkpath(QString(testpaths::screenshotDir()));
    QVERIFY(window->grab().save((QString(testpaths::screenshotDir()) + QStringLiteral("/")) + name + QStringLiteral(".png")));
}

QJsonObject readJson(const QString& path) {
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

int rowNamed(const QTableWidget* table, const QString& header) {
    for (int r = 0; r < table->rowCount(); ++r)
        if (table->verticalHeaderItem(r) && table->verticalHeaderItem(r)->text() == header) return r;
    return -1;
}

}  // namespace

class TestRunsPage : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    RunsPage* page_ = nullptr;
    QString sweepDir_;

    QString trial(int n) const { return sweepDir_ + QStringLiteral("/trial-%1").arg(n, 3, 10, QLatin1Char('0')); }
    QAction* startAction() const { return window_->findChild<QAction*>(QStringLiteral("startTraining")); }
    QTabWidget* tabs() const { return page_->findChild<QTabWidget*>(QStringLiteral("runsTabs")); }

    // Waits for the runner's experiment to end.
    bool waitForExperiment(int timeoutMs = 120000) {
        QSignalSpy finished(page_->runner(), &ExperimentRunner::finished);
        return page_->runner()->isActive() ? finished.wait(timeoutMs) : true;
    }

private slots:
    void initTestCase() {
        window_ = openFreshWindow(QStringLiteral("BertBenchRunsPageTest"));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
        auto options = window_->hyperparametersPage()->options();
        options.maxSteps = 3;
        options.batchSize = 8;
        window_->hyperparametersPage()->setOptions(options);
        page_ = window_->runsPage();
        QVERIFY(page_);
        window_->showPage(MainWindow::Runs);
        QCOMPARE(page_->root(), TrainingController::runsRoot());
        sweepDir_ = QDir(page_->root()).filePath(QStringLiteral("sweep-test"));
    }

    void cleanupTestCase() { window_.reset(); }

    void theSweepDialogChecksWhatIsTyped() {
        SweepDialog dialog(window_->hyperparametersPage()->options(), QStringLiteral("base"), sweepDir_);
        QVERIFY(dialog.plan().empty());
        QVERIFY(!dialog.problem().isEmpty());  // nothing ticked yet
        dialog.setValues("learning_rate", QStringLiteral("1e-4, abc"));
        QVERIFY(dialog.plan().empty());
        QVERIFY2(dialog.problem().contains(QStringLiteral("abc")), qPrintable(dialog.problem()));
        dialog.setValues("learning_rate", QStringLiteral("1e-4, 1e-3"));
        dialog.setValues("batch_size", QStringLiteral("8, 16"));
        QCOMPARE(dialog.plan().size(), size_t(4));
        QCOMPARE(dialog.plan()[1].options.batchSize, int64_t(16));
        QCOMPARE(dialog.plan()[2].options.learningRate, 1e-3);
        QCOMPARE(dialog.plan()[0].options.maxSteps, int64_t(3));  // the rest from the base
        dialog.setValues("batch_size", QStringLiteral("8, 0"));  // below the option's range
        QVERIFY(dialog.plan().empty());
        dialog.setValues("batch_size", QStringLiteral("8, 16"));
        dialog.setRandom(2, 7);
        QCOMPARE(dialog.plan().size(), size_t(2));
    }

    void aSweepShowsItsProgressStopsAndContinues() {
        auto* runner = page_->runner();
        auto* progress = page_->progress();
        bool startBlocked = true, etaShown = false, bestShown = false;
        QObject guard;  // the connections below end with this function, however it ends
        connect(runner, &ExperimentRunner::trialFinished, &guard, [&](int index) {
            startBlocked = startBlocked && !startAction()->isEnabled();
            bestShown = bestShown || progress->bestText().contains(QStringLiteral("Best so far"));
            Q_UNUSED(index);
        });
        connect(runner, &ExperimentRunner::stepDone, &guard, [&] {
            if (!runner->results().empty()) etaShown = etaShown || progress->etaText().contains(QStringLiteral("left"));
        });
        // Stopped as the second run starts; it is resumed by Continue.
        auto stopper = connect(runner, &ExperimentRunner::trialStarted, &guard, [&](int index) {
            if (index == 1) runner->stop();
        });
        page_->selectRuns({});
        page_->newSweep([&](SweepDialog& dialog) {
            dialog.setValues("learning_rate", QStringLiteral("1e-4, 1e-3"));
            dialog.setValues("batch_size", QStringLiteral("8, 16"));
            dialog.setFolder(sweepDir_);
            dialog.accept();
        });
        QVERIFY(runner->isActive());
        QVERIFY(!startAction()->isEnabled());  // no training beside an experiment
        QVERIFY(waitForExperiment());
        disconnect(stopper);
        QVERIFY(runner->stopped());
        QCOMPARE(runner->results().size(), size_t(1));
        QVERIFY2(progress->headline().contains(QStringLiteral("stopped after 1 of 4")), qPrintable(progress->headline()));
        auto* continueButton = progress->findChild<QPushButton*>(QStringLiteral("experimentContinue"));
        QVERIFY(continueButton && continueButton->isVisible());
        QVERIFY(startAction()->isEnabled());  // free again between experiments

        continueButton->click();
        QVERIFY(runner->isActive());
        QVERIFY(waitForExperiment());
        QVERIFY(!runner->stopped());
        QCOMPARE(runner->results().size(), size_t(4));
        QVERIFY2(progress->headline().contains(QStringLiteral("finished")), qPrintable(progress->headline()));
        QVERIFY(startBlocked);
        QVERIFY(bestShown);
        QVERIFY(etaShown);
        QCOMPARE(progress->progress()->value(), progress->progress()->maximum());
        QCOMPARE(progress->ranking()->rowCount(), 4);
        // Ranked best first by the runs' metric.
        const QString metric = QString::fromStdString(runner->results().front().metric);
        const bool higherIsBetter = metric != QLatin1String("loss") && metric != QLatin1String("train_loss");
        for (int r = 1; r < 4; ++r) {
            const double above = QLocale().toDouble(progress->ranking()->item(r - 1, 2)->text());
            const double below = QLocale().toDouble(progress->ranking()->item(r, 2)->text());
            QVERIFY(higherIsBetter ? above >= below : above <= below);
        }
        QCOMPARE(progress->scatter()->pointCount(), 4);
        // Each trial is a run of its own with its combination.
        QCOMPARE(readJson(trial(2) + "/settings.json")["options"].toObject()["batch_size"].toInt(), 16);
        QCOMPARE(readJson(trial(3) + "/settings.json")["options"].toObject()["learning_rate"].toDouble(), 1e-3);
        QCOMPARE(tabs()->currentWidget(), progress);
        screenshot(window_.get(), QStringLiteral("runs-sweep-en"));
    }

    void theHistoryListsRunsAndDamagedFolders() {
        QDir().mkpath(page_->root() + "/damaged");
        QFile damaged(page_->root() + "/damaged/settings.json");
        QVERIFY(damaged.open(QIODevice::WriteOnly));
        damaged.write("{\"options\": ");
        damaged.close();
        page_->refresh();
        auto* runs = page_->runs();
        QCOMPARE(runs->rowCount(), 5);
        const int row = runs->rowOf(page_->root() + "/damaged");
        QVERIFY(row >= 0);
        QCOMPARE(runs->data(runs->index(row, RunTableModel::Status)).toString(), QStringLiteral("unreadable"));
        QVERIFY(!runs->data(runs->index(row, RunTableModel::Name), Qt::ToolTipRole).toString().isEmpty());
        QVERIFY(!(runs->flags(runs->index(row, RunTableModel::Name)) & Qt::ItemIsEditable));
        const int first = runs->rowOf(trial(1));
        QCOMPARE(runs->data(runs->index(first, RunTableModel::Name)).toString(), QStringLiteral("sweep-test/trial-001"));
        QCOMPARE(runs->data(runs->index(first, RunTableModel::Status)).toString(), QStringLiteral("finished"));
        QCOMPARE(runs->data(runs->index(first, RunTableModel::Steps)).toString(), QStringLiteral("3 / 3"));
        // One run selected: the command that runs it again, and where it ran.
        page_->selectRuns({trial(1)});
        QVERIFY2(page_->detailsText().contains(QStringLiteral("bertbench-cli train --preset tiny")) &&
                     page_->detailsText().contains(QStringLiteral("LibTorch")),
                 qPrintable(page_->detailsText()));
    }

    void aRenameIsKept() {
        auto* runs = page_->runs();
        QVERIFY(runs->setData(runs->index(runs->rowOf(trial(1)), RunTableModel::Name), QStringLiteral("first trial")));
        QCOMPARE(readJson(trial(1) + "/run.json")["name"].toString(), QStringLiteral("first trial"));
        page_->refresh();
        QCOMPARE(runs->data(runs->index(runs->rowOf(trial(1)), RunTableModel::Name)).toString(), QStringLiteral("first trial"));
    }

    void theCompareViewOverlaysTheSelectedRuns() {
        page_->selectRuns({trial(1), trial(4)});
        auto* compare = page_->compare();
        QCOMPARE(compare->runCount(), 2);
        QCOMPARE(compare->plot()->graphCount(), 2);
        QCOMPARE(compare->plot()->graph(0)->name(), QStringLiteral("first trial"));
        QCOMPARE(compare->plot()->graph(0)->dataCount(), 3);

        compare->setSmoothing(0);
        compare->setAxis(bertbench::CurveAxis::Step);
        QCOMPARE(compare->curves().x, std::vector<double>({1, 2, 3}));
        compare->setAxis(bertbench::CurveAxis::Epoch);
        QVERIFY(compare->curves().x.back() > 0 && compare->curves().x.back() < 0.5);  // 3 small steps of a large epoch

        auto* settings = compare->settingsTable();
        const int lr = rowNamed(settings, QStringLiteral("learning_rate"));
        const int seed = rowNamed(settings, QStringLiteral("seed"));
        QVERIFY(lr >= 0 && seed >= 0);
        QVERIFY(settings->item(lr, 0)->font().bold());
        QVERIFY(settings->item(lr, 0)->background().color() != settings->item(seed, 0)->background().color());
        QVERIFY(!settings->item(seed, 0)->font().bold());
        compare->setOnlyDifferences(true);
        QCOMPARE(settings->rowCount(), 2);  // learning rate and batch size
        compare->setOnlyDifferences(false);
        QVERIFY(compare->metricsTable()->rowCount() > 5);

        compare->setAxis(bertbench::CurveAxis::Step);
        QTemporaryDir out;
        QCOMPARE(compare->saveCsv(out.filePath("curves.csv")), QString());
        QFile csv(out.filePath("curves.csv"));
        QVERIFY(csv.open(QIODevice::ReadOnly));
        QCOMPARE(csv.readLine().trimmed(), QByteArray("step,first trial,sweep-test/trial-004"));
        QCOMPARE(csv.readAll().count('\n'), 3);
        for (const char* name : {"chart.png", "chart.svg"}) {
            QCOMPARE(compare->saveFigure(out.filePath(name)), QString());
            QVERIFY(QFileInfo(out.filePath(name)).size() > 1000);
        }
        QVERIFY(!compare->saveFigure(out.filePath("chart.bmp")).isEmpty());  // PNG or SVG only
        window_->resize(1400, 1000);
        tabs()->setCurrentWidget(compare);
        screenshot(window_.get(), QStringLiteral("runs-compare-en"));
    }

    void repeatingWithSeedsShowsTheSpread() {
        page_->selectRuns({trial(1)});
        auto* repeat = page_->findChild<QPushButton*>(QStringLiteral("runsRepeat"));
        QVERIFY(repeat && repeat->isEnabled());
        repeat->click();
        QVERIFY(page_->runner()->isActive());
        QVERIFY(waitForExperiment());
        const auto& results = page_->runner()->results();
        QCOMPARE(results.size(), size_t(3));
        QStringList seeds;
        for (const auto& r : results)
            seeds << QString::number(readJson(QString::fromStdString(r.runDir) + "/settings.json")["options"].toObject()["seed"].toInt());
        const int seed = readJson(trial(1) + "/settings.json")["options"].toObject()["seed"].toInt();
        QCOMPARE(seeds, QStringList({QString::number(seed + 1), QString::number(seed + 2), QString::number(seed + 3)}));
        const QString spread = page_->progress()->spreadText();
        QVERIFY2(spread.contains(QStringLiteral("±")) && spread.contains(QStringLiteral("over 3 seed")), qPrintable(spread));
        // The repeats are in the history, beside the run; the result stays in view.
        QVERIFY(page_->runs()->rowOf(QString::fromStdString(results.front().runDir)) >= 0);
        QCOMPARE(tabs()->currentWidget(), page_->progress());
        screenshot(window_.get(), QStringLiteral("runs-seeds-en"));
    }

    void reproducingFindsTheCurveIdentical() {
        page_->selectRuns({trial(2)});
        auto* reproduce = page_->findChild<QPushButton*>(QStringLiteral("runsReproduce"));
        QVERIFY(reproduce && reproduce->isEnabled());
        reproduce->click();
        QVERIFY(waitForExperiment());
        const QString verdict = page_->progress()->reproductionText();
        QVERIFY2(verdict.startsWith(QStringLiteral("Identical")), qPrintable(verdict));
        // The reproduction is selected beside its original.
        QCOMPARE(page_->selectedRuns().size(), 2);
        QCOMPARE(page_->compare()->plot()->graphCount(), 2);
        QCOMPARE(tabs()->currentWidget(), page_->progress());  // the verdict stays in view
        QCOMPARE(page_->progress()->progress()->value(), page_->progress()->progress()->maximum());
        screenshot(window_.get(), QStringLiteral("runs-reproduce-en"));
    }

    void theGermanPageIsTranslated() {
        window_->setLanguage(QStringLiteral("de"));
        QCOMPARE(tabs()->tabText(0), QStringLiteral("Vergleich"));
        QCOMPARE(page_->runs()->headerData(RunTableModel::Name, Qt::Horizontal).toString(), QStringLiteral("Name"));
        QCOMPARE(page_->findChild<QPushButton*>(QStringLiteral("runsRepeat"))->text(),
                 QStringLiteral("Mit 3 Seeds wiederholen"));
        page_->selectRuns({trial(1), trial(2), trial(4)});
        tabs()->setCurrentIndex(0);
        screenshot(window_.get(), QStringLiteral("runs-compare-de"));
        tabs()->setCurrentIndex(1);
        screenshot(window_.get(), QStringLiteral("runs-experiment-de"));
        window_->setLanguage(QStringLiteral("en"));
    }
};

QTEST_MAIN(TestRunsPage)
#include "tst_runs_page.moc"
