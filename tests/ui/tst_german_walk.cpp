// German strings on every page: with the window switched to German, every
// visible text of every page (labels, buttons, group titles, combo items,
// placeholders, tabs, table headers, progress texts, chart titles and axes,
// the window title, the status bar, the menus) is checked against the English
// sources of translations/bertbench_de.ts and a short list of unmistakably
// English words; once right after the switch (what retranslation leaves
// behind) and once after training, evaluating and predicting again in German.
// All leftovers are reported at once (and printed). A walk in English first
// proves the check finds English where there is English.
#include "test_paths.h"
#include "fresh_window.h"
#include "english_check.h"

#include "pages/evaluate_page.h"
#include "pages/predict_page.h"
#include "pages/train_page.h"
#include "session/training_controller.h"
#include "session/workbench_session.h"

#include <QSignalSpy>
#include <QtTest>

#include <cstdio>

using namespace germanwalk;

class TestGermanWalk : public QObject {
    Q_OBJECT

private:
    std::unique_ptr<MainWindow> window_;
    QList<Message> messages_;
    const QString typed_ = QStringLiteral("Cats sleep.");

    // Texts that are the user's data, shown as they are in any language.
    QSet<QString> dataTexts() const {
        QSet<QString> texts;
        auto* session = window_->session();
        for (const auto& l : session->labelNames()) texts << readable(l);
        for (const auto& l : session->model().summary.labels) texts << readable(QString::fromStdString(l));
        if (session->holdout().train)
            for (const auto& l : session->holdout().train->labelNames) texts << readable(QString::fromStdString(l));
        for (const auto& c : window_->dataPage()->previewModel()->header()) texts << readable(c);
        texts << typed_ << QStringLiteral("Hunde bellen.");
        // The data's own sentences (the training view lists the first validation texts as probes).
        if (const auto validation = session->split(QStringLiteral("validation")))
            for (const auto& e : validation->examples) texts << readable(QString::fromStdString(e.text));
        for (const QString& path : {session->data().request.path, session->holdout().request.path, session->model().folder})
            if (!path.isEmpty()) texts << QFileInfo(path).fileName() << path;
        return texts;
    }

    // Content on every page: two steps trained, one evaluation, a prediction, attention.
    void fillPages(const QString& sentence) {
        auto* session = window_->session();
        auto options = window_->hyperparametersPage()->options();
        options.maxSteps = 2;
        options.batchSize = 8;
        window_->hyperparametersPage()->setOptions(options);
        window_->showPage(MainWindow::Train);
        QSignalSpy finished(window_->training(), &TrainingController::finished);
        window_->trainPage()->start();
        QVERIFY(finished.wait(120000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        window_->showPage(MainWindow::Evaluate);
        QSignalSpy evaluated(session, &WorkbenchSession::evaluated);
        window_->evaluatePage()->evaluate();
        QVERIFY(evaluated.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session->isBusy(), 30000);

        window_->showPage(MainWindow::Predict);
        QSignalSpy predicted(window_->predictPage(), &PredictPage::predicted);
        auto* edit = window_->predictPage()->findChild<QPlainTextEdit*>(QStringLiteral("sentenceEdit"));
        QVERIFY(edit);
        edit->setFocus();
        edit->clear();
        QTest::keyClicks(edit, sentence);
        QVERIFY(predicted.wait(20000));

        QSignalSpy shown(window_->attentionPage(), &AttentionPage::shown);
        window_->showPage(MainWindow::Attention);
        QVERIFY(shown.wait(20000) || !shown.isEmpty());
    }

    // Walks every page in the current language; fails listing every English text.
    void expectGerman(const QString& what) {
        Walker walker(window_.get());
        walker.walkAllPages();
        QVERIFY2(walker.seen().size() > 100, qPrintable(QString::number(walker.seen().size())));
        if (qEnvironmentVariableIsSet("BERTBENCH_WALK_DUMP"))
            for (const auto& seen : walker.seen())
                std::printf("  seen [%s] %s: \"%s\"\n", qPrintable(seen.page), qPrintable(seen.where), qPrintable(seen.text));
        const auto findings = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/true);
        const QString list = report(findings);
        std::printf("German walk (%s): %d visible texts, %d English leftovers\n%s", qPrintable(what),
                    int(walker.seen().size()), int(findings.size()), qPrintable(list));
        std::fflush(stdout);
        if (!findings.isEmpty())
            QFAIL(qPrintable(QStringLiteral("%1 English text(s) in the German UI (%2):\n%3")
                                 .arg(findings.size())
                                 .arg(what, list)));
    }

private slots:
    void initTestCase() {
        QString error;
        messages_ = translatedMessages((QString(testpaths::sourceDir()) + QStringLiteral("/translations/bertbench_de.ts")), &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY2(messages_.size() > 300, qPrintable(QString::number(messages_.size())));

        window_ = openFreshWindow(QStringLiteral("BertBenchGermanWalkTest"));
        QVERIFY(QTest::qWaitForWindowExposed(window_.get()));
        window_->setLanguage(QStringLiteral("en"));
        auto* session = window_->session();
        QTRY_VERIFY_WITH_TIMEOUT(session->hasData() && session->hasModel() && !session->isBusy(), 60000);
        QTRY_VERIFY_WITH_TIMEOUT(session->holdout().train && !session->isBusy(), 60000);

        fillPages(typed_);
    }

    void cleanupTestCase() {
        if (window_) window_->setLanguage(QStringLiteral("en"));
        window_.reset();
    }

    void theCheckFindsEnglishInEnglish() {
        window_->setLanguage(QStringLiteral("en"));
        QCoreApplication::processEvents();
        Walker walker(window_.get());
        walker.walkAllPages();
        QVERIFY2(walker.seen().size() > 100, qPrintable(QString::number(walker.seen().size())));
        const auto findings = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/false);
        QSet<QString> sources;
        for (const auto& f : findings) sources << f.source;
        QVERIFY2(sources.size() >= 20, qPrintable(QStringLiteral("only %1 English sources found in English:\n%2")
                                                      .arg(sources.size())
                                                      .arg(report(findings))));
        const auto withWords = EnglishCheck(messages_, dataTexts()).check(walker.seen(), /*withWords=*/true);
        QVERIFY(withWords.size() > findings.size());  // the word list catches what no source matches
        qInfo("English walk: %d texts, %d English sources matched, %d with words", int(walker.seen().size()),
              int(sources.size()), int(withWords.size()));
    }

    // Switched while every page shows English content: what retranslation leaves behind.
    void everyVisibleTextIsGerman() {
        window_->setLanguage(QStringLiteral("de"));
        QCoreApplication::processEvents();
        QStringList titles;
        for (auto* a : window_->menuBar()->actions()) titles << a->text();
        QVERIFY2(titles.contains(QStringLiteral("&Datei")), qPrintable(titles.join(',')));
        expectGerman(QStringLiteral("after switching"));
    }

    // Trained, evaluated and predicted again in German: what is English even when made in German.
    void contentMadeInGermanIsGerman() {
        window_->setLanguage(QStringLiteral("de"));
        QCoreApplication::processEvents();
        fillPages(QStringLiteral("Hunde bellen."));
        if (QTest::currentTestFailed()) return;
        expectGerman(QStringLiteral("content made in German"));
    }
};

QTEST_MAIN(TestGermanWalk)
#include "tst_german_walk.moc"
