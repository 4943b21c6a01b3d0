// The flows tst_main_window leaves out, each through the real main window:
// token-length statistics measured with the model's tokenizer on re-import;
// hyperparameters saved to JSON and loaded back, a preset applying its values;
// a small file predicted and exported as CSV; Continue after Stop resuming the
// loss curve where it stopped; masked-LM domain adaptation from the Model page
// leaving a classifier with the dataset's labels; the Preferences dialog
// switching the language.
#include "test_paths.h"
#include "data/token_length_stats.h"
#include "pages/data_page.h"
#include "tokenizer/bert_tokenizer.h"
#include "pages/hyperparameters_page.h"
#include "fresh_window.h"
#include "window/main_window.h"
#include "dialogs/message_dialogs.h"
#include "pages/model_page.h"
#include "pages/predict_page.h"
#include "dialogs/settings_dialog.h"
#include "pages/train_page.h"
#include "plots/training_charts_plot.h"
#include "session/training_controller.h"
#include "i18n/training_presets.h"
#include "session/workbench_session.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QMenuBar>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

namespace {

// Answers the Preferences dialog that exec() is about to show: picks `language` and accepts.
void answerPreferences(const QString& language) {
    auto* poll = new QTimer;
    poll->setInterval(10);
    QObject::connect(poll, &QTimer::timeout, poll, [poll, language] {
        for (auto* w : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<SettingsDialog*>(w);
            if (!dialog || !dialog->isVisible()) continue;
            auto* combo = dialog->findChild<QComboBox*>(QStringLiteral("languageCombo"));
            combo->setCurrentIndex(combo->findData(language));
            dialog->accept();
            poll->deleteLater();
            return;
        }
    });
    poll->start();
}

QStringList menuTitles(QMainWindow* window) {
    QStringList titles;
    for (auto* a : window->menuBar()->actions()) titles << a->text();
    return titles;
}

}  // namespace

class TestWorkbenchFlows : public QObject {
    Q_OBJECT

private slots:
    void initTestCase() {
        window_ = openFreshWindow(QStringLiteral("BertBenchFlowsTest"));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
    }

    void cleanupTestCase() { window_.reset(); }

    void reimportMeasuresWithTheModelsTokenizer() {
        // First launch measures with the default (uncased) vocabulary. With a
        // cased model open, a re-import must measure in that model's tokens,
        // which differ: cased WordPiece splits capitalised words differently.
        auto* session = window_->session();
        const auto before = session->data().lengths;
        QVERIFY(before.count == 8551 && !before.histogram.empty());
        QSignalSpy modelReady(session, &WorkbenchSession::modelChanged);
        const auto casedVocab = QString(testpaths::fixturesDir()) + "/reference/vocab/bert-base-cased-vocab.txt";
        session->createModel(QStringLiteral("tiny"), casedVocab, /*lowercase=*/false, 7);
        QVERIFY(modelReady.wait(60000));
        QSignalSpy imported(session, &WorkbenchSession::dataChanged);
        window_->dataPage()->importFile();
        QVERIFY(imported.wait(60000));
        const auto& after = session->data().lengths;
        QCOMPARE(after.count, before.count);
        QVERIFY(after.mean != before.mean || after.histogram != before.histogram);

        // Exactly what the cased tokenizer gives on the same examples.
        bertbench::TokenizerOptions cased;
        cased.lowercase = false;
        bertbench::Dataset all = *session->data().train;
        for (const auto& e : session->data().validation->examples) all.examples.push_back(e);
        const auto expected = bertbench::computeTokenLengthStats(
            all, bertbench::BertTokenizer::fromFile(casedVocab.toStdString(), cased), {});
        QCOMPARE(after.mean, expected.mean);
        QCOMPARE(after.max, expected.max);
        QCOMPARE(after.histogram, expected.histogram);
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
    }

    void hyperparametersRoundTripThroughJson() {
        auto* page = window_->hyperparametersPage();
        page->applyPreset(QStringLiteral("lora"));
        const auto lora = TrainingPresets::options(QStringLiteral("lora"));
        QVERIFY(lora.lora.rank > 0);
        QCOMPARE(page->options().toJson(), lora.toJson());

        auto options = lora;
        options.epochs = 7;
        options.learningRate = 3e-5;
        options.warmupSteps = 11;
        options.seed = 1234;
        options.lora.targets = {"query", "key", "dense"};
        options.metric = "f1";
        page->setOptions(options);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("training.json"));
        QString error;
        QVERIFY2(page->saveJson(path, &error), qPrintable(error));
        const auto saved = page->options().toJson();
        page->setOptions(bertbench::TrainingOptions{});
        QVERIFY(page->options().toJson() != saved);
        QVERIFY2(page->loadJson(path, &error), qPrintable(error));
        QCOMPARE(page->options().toJson(), saved);
        QCOMPARE(page->options().epochs, int64_t(7));
        QCOMPARE(page->options().lora.targets, std::vector<std::string>({"query", "key", "dense"}));
        QVERIFY(page->isValid());
    }

    void predictsAFileAndExportsCsv() {
        QTemporaryDir dir;
        const QString input = dir.filePath(QStringLiteral("sentences.txt"));
        QFile file(input);
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Text));
        file.write("The boy ate the apple.\n\nApple the ate boy.\nShe said \"hello, world\" twice.\nRun.\n");
        file.close();
        auto* page = window_->predictPage();
        QSignalSpy done(page, &PredictPage::filePredicted);
        page->predictFile(input);
        QVERIFY(done.wait(30000));
        QCOMPARE(page->fileResultCount(), 4);  // the blank line is no sentence

        const QString output = dir.filePath(QStringLiteral("predictions.csv"));
        QString error;
        QVERIFY2(page->exportCsv(output, &error), qPrintable(error));
        QFile csv(output);
        QVERIFY(csv.open(QIODevice::ReadOnly | QIODevice::Text));
        const QStringList lines = QString::fromUtf8(csv.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.value(0), QStringLiteral("text,label,confidence,p_unacceptable,p_acceptable"));
        QCOMPARE(lines.size(), 1 + 4);
        QVERIFY(lines.join(QLatin1Char('\n')).contains(QStringLiteral("\"She said \"\"hello, world\"\" twice.\"")));
        for (int i = 1; i < lines.size(); ++i) {
            // The text may hold commas; the four fields after it never do.
            const QStringList fields = lines[i].split(QLatin1Char(','));
            QVERIFY(fields.size() >= 5);
            bool ok[3];
            const double confidence = fields[fields.size() - 3].toDouble(&ok[0]);
            const double p0 = fields[fields.size() - 2].toDouble(&ok[1]);
            const double p1 = fields[fields.size() - 1].toDouble(&ok[2]);
            QVERIFY2(ok[0] && ok[1] && ok[2], qPrintable(lines[i]));
            QVERIFY2(qAbs(p0 + p1 - 1.0) < 1e-4, qPrintable(lines[i]));
            QCOMPARE(fields[fields.size() - 4], p0 > p1 ? QStringLiteral("unacceptable") : QStringLiteral("acceptable"));
            QVERIFY(qAbs(confidence - std::max(p0, p1)) < 1e-5);
        }
    }

    void continuesAfterStop() {
        auto options = TrainingPresets::options(QStringLiteral("fast-cpu"));
        options.maxSteps = 60;
        options.batchSize = 16;
        window_->hyperparametersPage()->setOptions(options);
        window_->showPage(MainWindow::Train);
        auto* charts = window_->trainPage()->charts();
        auto* training = window_->training();
        window_->trainPage()->start();
        QTRY_VERIFY_WITH_TIMEOUT(charts->loss().size() >= 5, 60000);
        window_->trainPage()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!training->isActive(), 30000);
        QVERIFY(training->canContinue());
        const auto stopped = charts->loss();
        QVERIFY(stopped.size() < 60);

        auto* button = window_->trainPage()->findChild<QPushButton*>(QStringLiteral("continueButton"));
        QVERIFY(button && button->isVisible() && button->isEnabled());
        QTest::mouseClick(button, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(charts->loss().size() >= stopped.size() + 5, 60000);
        window_->trainPage()->stop();
        QTRY_VERIFY_WITH_TIMEOUT(!training->isActive(), 30000);

        // The stopped part is kept as it was, and the curve goes on from the next step.
        const auto& loss = charts->loss();
        for (int i = 0; i < stopped.size(); ++i) QCOMPARE(loss[i], stopped[i]);
        QCOMPARE(loss[stopped.size()].x(), stopped.last().x() + 1);
        for (int i = 1; i < loss.size(); ++i) QVERIFY(loss[i].x() > loss[i - 1].x());
    }

    void adaptsTheEncoderWithMaskedLM() {
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);
        window_->showPage(MainWindow::Model);
        auto* page = window_->modelPage();
        page->findChild<QSpinBox*>(QStringLiteral("adaptSteps"))->setValue(2);
        QSignalSpy finished(window_->training(), &TrainingController::finished);
        QSignalSpy changed(session, &WorkbenchSession::modelChanged);
        QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("adaptButton")), Qt::LeftButton);
        QVERIFY(finished.wait(60000));
        const auto outcome = finished.first().first().value<TrainingOutcome>();
        QVERIFY(outcome.maskedLM);
        QCOMPARE(outcome.result.steps, int64_t(2));
        QTRY_VERIFY_WITH_TIMEOUT(changed.size() > 0, 30000);
        QCOMPARE(QString::fromStdString(session->model().summary.architecture),
                 QStringLiteral("BertForSequenceClassification"));
        QCOMPARE(session->labelNames(), QStringList({"unacceptable", "acceptable"}));
        QCOMPARE(session->model().summary.labels, std::vector<std::string>({"unacceptable", "acceptable"}));
    }

    void preferencesSwitchTheLanguage() {
        auto* preferences = window_->findChild<QAction*>(QStringLiteral("preferences"));
        QVERIFY(preferences);
        answerPreferences(QStringLiteral("de"));
        preferences->trigger();
        QVERIFY2(menuTitles(window_.get()).contains(QStringLiteral("&Datei")), qPrintable(menuTitles(window_.get()).join(',')));
        QCOMPARE(preferences->text(), QStringLiteral("&Einstellungen…"));
        answerPreferences(QStringLiteral("en"));
        preferences->trigger();
        QVERIFY(menuTitles(window_.get()).contains(QStringLiteral("&File")));
    }

private:
    std::unique_ptr<MainWindow> window_;
};

QTEST_MAIN(TestWorkbenchFlows)
#include "tst_workbench_flows.moc"
