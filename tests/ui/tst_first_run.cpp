// A new user's first and second launch: the welcome page instead of a loaded
// sample, the topic sample with a new model that suits it, the CoLA card
// opening a pretrained BERT found in a (synthetic) Hugging Face cache, the
// last dataset and model reopened on the next launch, and the quit prompt's
// Save / Discard / Cancel.
#include "fresh_window.h"
#include "hub_cache_layout.h"
#include "temp_folder.h"

#include "pages/hyperparameters_page.h"
#include "pages/train_page.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"
#include "i18n/training_presets.h"

#include <QCommandLinkButton>
#include <QMenu>
#include <QTextDocument>
#include <QSignalSpy>
#include <QStatusBar>
#include <QtTest>

#include <filesystem>

namespace {

QStringList modelLabels(const WorkbenchSession* session) {
    QStringList labels;
    for (const auto& l : session->model().summary.labels) labels << QString::fromStdString(l);
    return labels;
}

void waitUntilLoaded(MainWindow* window) {
    auto* session = window->session();
    QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
}

void trainSteps(MainWindow* window, int steps) {
    auto options = window->hyperparametersPage()->options();
    options.maxSteps = steps;
    options.batchSize = 8;
    window->hyperparametersPage()->setOptions(options);
    QSignalSpy finished(window->training(), &TrainingController::finished);
    window->trainPage()->start();
    QVERIFY(finished.wait(120000));
}

}  // namespace

class TestFirstRun : public QObject {
    Q_OBJECT

private:
    fixtures::TempFolder temp_{"first_run"};
    const QString app_ = QStringLiteral("BertBenchFirstRunTest");

private slots:
    void cleanup() {
        MessageDialogs::setSaveHook([](const QString&) { return MessageDialogs::SaveChoice::Discard; });
        MessageDialogs::setFolderHook({});
    }

    void firstLaunchShowsTheWelcomePage() {
        auto window = openFreshWindow(app_, std::nullopt);
        QCOMPARE(window->currentPage(), MainWindow::Welcome);
        QVERIFY(window->welcomePage()->isVisible());
        QVERIFY(!window->session()->hasData());  // nothing loaded behind the user's back
        QVERIFY(window->welcomePage()->pretrainedModel().isEmpty());  // the test's cache is empty
        // With no pretrained model, the CoLA card says so instead of promising one.
        QVERIFY(window->welcomePage()->button(WelcomePage::Choice::ColaSample)->description().contains(
            QStringLiteral("No BERT model was found")));
    }

    void topicSampleGetsANewModelForItsFourTopics() {
        auto window = openFreshWindow(app_, std::nullopt);
        QTest::mouseClick(window->welcomePage()->button(WelcomePage::Choice::TopicSample), Qt::LeftButton);
        waitUntilLoaded(window.get());
        auto* session = window->session();
        const QStringList topics = {"Business", "Sci/Tech", "Sports", "World"};
        QCOMPARE(toQStringList(session->data().train->labelNames), topics);
        QCOMPARE(modelLabels(session), topics);  // created after the import, with its labels
        QVERIFY(session->model().created && session->model().created->preset == QLatin1String("tiny"));
        QCOMPARE(window->hyperparametersPage()->shownPreset(), QStringLiteral("new-model"));
        QCOMPARE(window->currentPage(), MainWindow::Train);
        QCOMPARE(int(session->data().train->examples.size() + session->data().validation->examples.size()), 7600);
        // Stratified: every topic keeps its quarter in the validation split.
        QCOMPARE(int(session->data().validation->examples.size()), 760);
    }

    void secondLaunchReopensTheLastDatasetAndModel() {
        QString dataset;
        {
            auto window = openFreshWindow(app_, std::nullopt);
            window->startWith(WelcomePage::Choice::TopicSample);
            waitUntilLoaded(window.get());
            dataset = window->session()->data().request.path;
            QVERIFY(window->close());
        }
        MainWindow again;  // the same settings: not wiped this time
        again.show();
        QVERIFY(again.statusBar()->currentMessage().contains(QStringLiteral("Reopened")));
        QVERIFY(again.statusBar()->currentMessage().contains(QStringLiteral("agnews_topics.csv")));
        QVERIFY(again.currentPage() != MainWindow::Welcome);
        waitUntilLoaded(&again);
        QCOMPARE(again.session()->data().request.path, dataset);
        QCOMPARE(again.session()->data().request.options.format, bertbench::DatasetFormat::Csv);
        QVERIFY(again.session()->data().request.stratified);
        QCOMPARE(modelLabels(again.session()).size(), 4);
        again.close();
    }

    void colaCardOpensAPretrainedBertFromTheCache() {
        const auto cache = temp_.file("hub");
        fixtures::cacheModel(cache, "bert-base-uncased", "rev1", "tiny-bert-cola",
                             {"config.json", "vocab.txt", "tokenizer_config.json", "model.safetensors"});
        fixtures::writeMainRef(cache, "bert-base-uncased", "rev1");
        isolateHubCache();
        qputenv("HF_HUB_CACHE", QByteArray::fromStdString(cache));
        clearTestProfile(app_);
        MainWindow window;
        window.show();
        QCOMPARE(window.welcomePage()->pretrainedModel(), QStringLiteral("bert-base-uncased"));
        QVERIFY(window.welcomePage()->button(WelcomePage::Choice::ColaSample)->description().contains(
            QStringLiteral("bert-base-uncased")));
        window.startWith(WelcomePage::Choice::ColaSample);
        waitUntilLoaded(&window);
        QTRY_VERIFY_WITH_TIMEOUT(!window.session()->model().folder.isEmpty(), 30000);
        QCOMPARE(std::filesystem::canonical(window.session()->model().folder.toStdString()),
                 std::filesystem::canonical(cache + "/models--bert-base-uncased/snapshots/rev1"));
        QVERIFY(!window.session()->model().created);
        QCOMPARE(window.currentPage(), MainWindow::Model);
        QCOMPARE(window.session()->data().train->labelNames.size(), size_t(2));
        isolateHubCache();
        window.close();
    }

    void quitPromptOffersSaveDiscardCancel() {
        auto window = openFreshWindow(app_, WelcomePage::Choice::TopicSample);
        waitUntilLoaded(window.get());
        trainSteps(window.get(), 2);
        QVERIFY(window->session()->modelDirty());

        QStringList asked;
        MessageDialogs::setSaveHook([&](const QString& question) {
            asked << question;
            return MessageDialogs::SaveChoice::Cancel;
        });
        QVERIFY(!window->close());  // Cancel: nothing happens
        QVERIFY(window->isVisible());
        QCOMPARE(asked.size(), 1);
        QVERIFY(asked.first().contains(QStringLiteral("not saved")));

        const QString folder = QString::fromStdString(temp_.file("saved-on-quit"));
        MessageDialogs::setSaveHook([](const QString&) { return MessageDialogs::SaveChoice::Save; });
        MessageDialogs::setFolderHook([&](const QString&) { return folder; });
        QVERIFY(!window->close());  // Save: closes once the folder is written
        QTRY_VERIFY_WITH_TIMEOUT(!window->isVisible(), 60000);
        QVERIFY(QFileInfo::exists(folder + "/config.json"));
        QVERIFY(QFileInfo::exists(folder + "/model.safetensors"));
        QVERIFY(!window->session()->modelDirty());
    }

    void recentListsShowFullPathsInTooltips() {
        auto window = openFreshWindow(app_, std::nullopt);
        const QString path = QString::fromStdString(fixtures::path("data/agnews/test.csv"));
        window->openDataset(path);
        QMenu* recent = nullptr;
        for (auto* menu : window->findChildren<QMenu*>())
            for (auto* action : menu->actions())
                if (action->toolTip() == path) recent = menu;
        QVERIFY2(recent, "no recent-datasets entry carries the full path as its tooltip");
        QVERIFY(recent->toolTipsVisible());
    }

    void longToolTipsWrap() {
        // Plain text would be one line across the screen; the window's filter makes it wrapping rich text.
        auto window = openFreshWindow(app_, std::nullopt);
        auto* widget = window->welcomePage();
        const QString longText = QString(QStringLiteral("A long help text that explains a hyperparameter & more. ")).repeated(4);
        widget->setToolTip(longText);
        QVERIFY(Qt::mightBeRichText(widget->toolTip()));
        QVERIFY(widget->toolTip().contains(QStringLiteral("&amp; more")));  // escaped, not lost
        widget->setToolTip(QStringLiteral("Short one"));
        QCOMPARE(widget->toolTip(), QStringLiteral("Short one"));
    }

    void quitPromptDiscardCloses() {
        auto window = openFreshWindow(app_, WelcomePage::Choice::TopicSample);
        waitUntilLoaded(window.get());
        trainSteps(window.get(), 1);
        int asked = 0;
        MessageDialogs::setSaveHook([&](const QString&) {
            ++asked;
            return MessageDialogs::SaveChoice::Discard;
        });
        QVERIFY(window->close());
        QCOMPARE(asked, 1);
    }
};

QTEST_MAIN(TestFirstRun)
#include "tst_first_run.moc"
