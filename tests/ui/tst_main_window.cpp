// Drives the real main window: bundled CoLA import, preview and report;
// a few training steps of the tiny preset with the event loop's longest stall
// measured; stop; prediction; attention; German menus; a broken model folder's
// error dialog; a screenshot of every page (build folder, screenshots/).
#include "test_paths.h"
#include "plots/attention_map_plot.h"
#include "pages/attention_page.h"
#include "plots/confusion_matrix_plot.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "fresh_window.h"
#include "window/main_window.h"
#include "dialogs/message_dialogs.h"
#include "pages/predict_page.h"
#include "models/preview_table_model.h"
#include "plots/probability_bars_plot.h"
#include "pages/train_page.h"
#include "plots/training_charts_plot.h"
#include "session/training_controller.h"
#include "i18n/training_presets.h"
#include "session/workbench_session.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

// The longest gap between ticks of a 10 ms timer while `until` is false.
qint64 longestStall(const std::function<bool()>& until, int timeoutMs) {
    QElapsedTimer clock, sinceTick;
    clock.start();
    sinceTick.start();
    qint64 worst = 0;
    QTimer ticker;
    ticker.setInterval(10);
    QObject::connect(&ticker, &QTimer::timeout, [&] {
        worst = std::max(worst, sinceTick.restart());
    });
    ticker.start();
    while (!until() && clock.elapsed() < timeoutMs) QTest::qWait(5);
    return worst;
}

void screenshot(QWidget* window, const QString& name) {
    QTest::qWait(150);  // let posted layout requests settle, as they would before a user looks
    QDir().mkpath(QString(testpaths::screenshotDir()));
    window->grab().save((QString(testpaths::screenshotDir()) + QStringLiteral("/")) + name + QStringLiteral(".png"));
}

QMessageBox* errorDialog() {
    for (auto* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w); box && box->objectName() == QLatin1String("errorDialog") && box->isVisible())
            return box;
    return nullptr;
}

}  // namespace

class TestMainWindow : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        window_ = openFreshWindow(QStringLiteral("BertBenchTest"));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
    }

    void cleanupTestCase() { window_.reset(); }

    void importsBundledCola() {
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && session->holdout().train, 60000);
        QCOMPARE(session->data().train->examples.size() + session->data().validation->examples.size(), size_t(8551));
        QCOMPARE(session->data().validation->examples.size(), size_t(856));
        QCOMPARE(session->labelNames(), QStringList({"unacceptable", "acceptable"}));
        QVERIFY(window_->dataPage()->previewModel()->rowCount() > 10);
        QCOMPARE(window_->dataPage()->previewModel()->columnCount(), 4);
        auto* summary = window_->findChild<QLabel*>(QStringLiteral("importSummary"));
        QVERIFY(summary && summary->text().contains(QStringLiteral("8551")));
        window_->showPage(MainWindow::Data);
        screenshot(window_.get(), QStringLiteral("1-data"));
        window_->showPage(MainWindow::Model);
        screenshot(window_.get(), QStringLiteral("2-model"));
        window_->showPage(MainWindow::Hyperparameters);
        screenshot(window_.get(), QStringLiteral("3-hyperparameters"));
    }

    void trainsWhileTheWindowStaysResponsive() {
        auto options = TrainingPresets::options(QStringLiteral("fast-cpu"));
        options.maxSteps = 200;  // stopped below, long before
        options.batchSize = 16;
        // Gradual unfreezing every 3 steps: its stages are marked on the learning-rate chart.
        options.gradualUnfreezing = bertbench::GradualUnfreezing::Layers;
        options.unfreezeUnit = bertbench::UnfreezeUnit::Steps;
        options.unfreezeInterval = 3;
        window_->hyperparametersPage()->setOptions(options);
        window_->showPage(MainWindow::Train);
        auto* charts = window_->trainPage()->charts();
        window_->trainPage()->start();
        QTRY_VERIFY_WITH_TIMEOUT(charts->loss().size() >= 3, 60000);
        // Predictions are served during training, between two steps.
        bool answeredWhileTraining = false;
        auto connection = connect(window_->predictPage(), &PredictPage::predicted, this,
                                  [&] { answeredWhileTraining = window_->training()->isActive(); });
        window_->predictPage()->setSentence(QStringLiteral("The boy ate the apple."));
        QTRY_VERIFY_WITH_TIMEOUT(answeredWhileTraining, 20000);
        disconnect(connection);
        const int early = charts->loss().size();
        const qint64 stall = longestStall([&] { return charts->loss().size() >= early + 5; }, 60000);
        QVERIFY(charts->loss().size() >= early + 5);
        qInfo() << "longest event-loop stall while training:" << stall << "ms";
        QVERIFY2(stall < 200, qPrintable(QStringLiteral("stalled %1 ms").arg(stall)));
        charts->redrawNow();
        QVERIFY(charts->drawnLossPoints() >= early);
        QVERIFY(!charts->unfreezeMarkers().isEmpty());
        QCOMPARE(charts->unfreezeMarkers().front().x(), 4.0);  // layer 1 joins at step 4
        screenshot(window_.get(), QStringLiteral("4-train"));
        window_->trainPage()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!window_->training()->isActive(), 30000);
        QVERIFY(window_->session()->modelDirty());
    }

    void evaluates() {
        window_->showPage(MainWindow::Evaluate);
        auto* session = window_->session();
        QSignalSpy evaluated(session, &WorkbenchSession::evaluated);
        session->evaluate(QStringLiteral("validation"), 0);
        QVERIFY(evaluated.wait(60000));
        QTest::qWait(100);
        screenshot(window_.get(), QStringLiteral("5-evaluate"));

        // What the page shows is the evaluation of the validation split.
        auto* page = window_->evaluatePage();
        const auto outcome = evaluated.first().first().value<EvaluationOutcome>();
        const auto& metrics = outcome.result.metrics;
        const auto validationSize = int64_t(session->data().validation->examples.size());
        QCOMPARE(metrics.count, validationSize);
        const auto& matrix = page->matrix()->matrix();
        QCOMPARE(matrix, metrics.confusion);
        QCOMPARE(page->matrix()->labels(), QStringList({"unacceptable", "acceptable"}));
        int64_t total = 0, correct = 0;
        for (size_t i = 0; i < matrix.size(); ++i)
            for (size_t j = 0; j < matrix[i].size(); ++j) {
                total += matrix[i][j];
                if (i == j) correct += matrix[i][j];
            }
        QCOMPARE(total, validationSize);
        QVERIFY(qAbs(double(correct) / double(total) - metrics.accuracy) < 1e-12);
        QCOMPARE(page->metricsTable()->rowCount(), 3);  // two classes and the macro average
        QCOMPARE(page->metricsTable()->item(2, 4)->text(), QString::number(validationSize));
        QVERIFY2(page->summaryText().contains(QString::number(metrics.accuracy, 'f', 4)), qPrintable(page->summaryText()));
    }

    void predictsASentence() {
        window_->showPage(MainWindow::Predict);
        auto* page = window_->predictPage();
        QSignalSpy spy(page, &PredictPage::predicted);
        page->setSentence(QStringLiteral("The sailors rode the breeze clear of the rocks."));
        QVERIFY(spy.wait(20000));
        const auto& probabilities = page->bars()->probabilities();
        QCOMPARE(probabilities.size(), 2);
        QVERIFY(qAbs(probabilities[0] + probabilities[1] - 1.0f) < 1e-4f);
        QCOMPARE(page->bars()->labels(), QStringList({"unacceptable", "acceptable"}));
        QVERIFY2(page->verdict().contains(QStringLiteral("cceptable — ")), qPrintable(page->verdict()));
        screenshot(window_.get(), QStringLiteral("6-predict"));
    }

    void showsAttention() {
        window_->showPage(MainWindow::Attention);
        auto* page = window_->attentionPage();
        QSignalSpy spy(page, &AttentionPage::shown);
        page->setSentence(QStringLiteral("The sailors rode the breeze."));
        QVERIFY(spy.wait(20000));
        const int n = page->tokenCount();
        QVERIFY(n >= 7);  // [CLS] the sailors rode the breeze . [SEP]
        QCOMPARE(page->map()->mapSize(), QSize(n, n));
        screenshot(window_.get(), QStringLiteral("7-attention"));
        page->setHideSpecialTokens(true);
        QCOMPARE(page->map()->mapSize(), QSize(n - 2, n - 2));
        page->setHideSpecialTokens(false);
    }

    void switchesToGerman() {
        window_->setLanguage(QStringLiteral("de"));
        QStringList titles;
        for (auto* a : window_->menuBar()->actions()) titles << a->text();
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(',')));
        QVERIFY(titles.contains(QStringLiteral("&Hilfe")));
        screenshot(window_.get(), QStringLiteral("8-german"));
        window_->showPage(MainWindow::Hyperparameters);
        screenshot(window_.get(), QStringLiteral("9-german-hyperparameters"));
        window_->showPage(MainWindow::Train);  // the charts of the run above, and "Prozesse" beside Start
        screenshot(window_.get(), QStringLiteral("10-german-train"));
        window_->setLanguage(QStringLiteral("en"));
        titles.clear();
        for (auto* a : window_->menuBar()->actions()) titles << a->text();
        QVERIFY(titles.contains(QStringLiteral("&File")));
    }

    void showsTheEngineErrorForABrokenModel() {
        QTemporaryDir broken;
        QFile config(broken.filePath(QStringLiteral("config.json")));
        QVERIFY(config.open(QIODevice::WriteOnly));
        config.write("{ this is not json");
        config.close();
        window_->openModelFolder(broken.path());
        QTRY_VERIFY_WITH_TIMEOUT(errorDialog() != nullptr, 20000);
        auto* box = errorDialog();
        QVERIFY2(box->text().contains(broken.path()), qPrintable(box->text()));
        box->close();
    }

private:
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestMainWindow)
#include "tst_main_window.moc"
