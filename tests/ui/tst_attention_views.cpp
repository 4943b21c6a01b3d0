// The Attention page's views on a real model (the reference tiny-bert-cola,
// 2 layers × 4 heads) and CoLA's out-of-domain sentences: heads, 512-token
// maps that thin their labels and zoom, attributions, ablation by clicking
// heads (checked against the session's own masked prediction), importance and
// pruning, comparison with a second model, the training scrubber (from files
// and following a live run, explained while it trains), the minimal pair, and
// PNG + SVG export of every tab.
#include "test_paths.h"
#include "attention/ablation_view.h"
#include "attention/attribution_view.h"
#include "attention/comparison_view.h"
#include "attention/heads_view.h"
#include "attention/minimal_pair_view.h"
#include "attention/training_attention_view.h"
#include "i18n/language.h"
#include "pages/attention_page.h"
#include "plots/attention_map_plot.h"
#include "plots/head_toggle_grid.h"
#include "plots/probability_bars_plot.h"
#include "plots/token_scores_strip.h"
#include "session/explain_service.h"
#include "session/prediction_service.h"
#include "session/session.h"
#include "session/workbench_session.h"
#include "training/attention_probes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QSignalSpy>
#include <QPushButton>
#include <QSlider>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

#include <chrono>
#include <cmath>
#include <future>
#include <memory>

namespace {
const QString kFixtures = QString(testpaths::fixturesDir());

bool close(float a, float b, float tolerance = 1e-5f) { return std::abs(a - b) <= tolerance; }

// Maps whose values tell where they are: (layer, head, from, to) -> a weight in [0, 1].
bertbench::AttentionMaps syntheticMaps(int layers, int heads, int tokens, float shift = 0) {
    bertbench::AttentionMaps maps{layers, heads, tokens, {}};
    maps.values.resize(size_t(layers) * heads * tokens * tokens);
    for (size_t i = 0; i < maps.values.size(); ++i) maps.values[i] = float((i * 7919 + size_t(shift * 1000)) % 1000) / 1000.f;
    return maps;
}
}  // namespace

class TestAttentionViews : public QObject {
    Q_OBJECT

    std::unique_ptr<WorkbenchSession> session_;
    ExplainService* explain_ = nullptr;
    std::unique_ptr<AttentionPage> page_;
    QTemporaryDir temp_;
    const QString sentence_ = QStringLiteral("The sailors rode the breeze clear of the rocks.");

    // The page's sentence, with the page on `tab` (its view computes once shown).
    void show(AttentionPage::Tab tab) {
        page_->showTab(tab);
        QCoreApplication::processEvents();
    }

private Q_SLOTS:
    void initTestCase() {
        QVERIFY(temp_.isValid());
        session_ = std::make_unique<WorkbenchSession>();
        auto* prediction = new PredictionService(session_.get(), session_.get());
        explain_ = new ExplainService(session_.get(), session_.get());
        QSignalSpy ready(session_.get(), &WorkbenchSession::modelChanged);
        session_->openModel(kFixtures + QStringLiteral("/reference/tiny-bert-cola"));
        QVERIFY(ready.wait(30000));
        QSignalSpy imported(session_.get(), &WorkbenchSession::dataChanged);
        ImportRequest request;
        request.path = kFixtures + QStringLiteral("/data/cola/out_of_domain_dev.tsv");
        request.options.format = bertbench::DatasetFormat::Cola;
        request.validationRatio = 0.5;
        session_->importDataset(request);
        QVERIFY(imported.wait(60000));
        QTRY_VERIFY_WITH_TIMEOUT(!session_->isBusy(), 30000);
        QVERIFY(session_->split(QStringLiteral("validation")));

        page_ = std::make_unique<AttentionPage>(prediction, explain_);
        page_->resize(1300, 850);
        page_->show();
        QVERIFY(QTest::qWaitForWindowExposed(page_.get()));
        QSignalSpy shown(page_.get(), &AttentionPage::shown);
        page_->setSentence(sentence_);
        QVERIFY(shown.wait(20000));
    }

    void cleanupTestCase() {
        page_.reset();  // before the session its services belong to
        session_.reset();
    }

    void headsTabShowsEveryLayerAndHead() {
        show(AttentionPage::Heads);
        const int n = page_->tokenCount();
        QVERIFY(n >= 12);  // [CLS] the sailors rode the breeze clear of the rocks . [SEP]
        QCOMPARE(page_->map()->mapSize(), QSize(n, n));
        page_->setHideSpecialTokens(true);
        QCOMPARE(page_->map()->mapSize(), QSize(n - 2, n - 2));
        page_->setHideSpecialTokens(false);
        page_->heads()->choose(1, 2);
        QCOMPARE(page_->heads()->layer(), 1);
        QCOMPARE(page_->heads()->head(), 2);
    }

    // 512 tokens: labels thin out so they never overlap; zoomed in, every token
    // is labelled again; panning stops at the map's edges.
    void longInputsStayReadable() {
        HeadsView view;
        view.resize(1200, 800);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        const int n = 512;
        QStringList tokens;
        for (int i = 0; i < n; ++i) tokens << QStringLiteral("w%1").arg(i);
        QElapsedTimer timer;
        timer.start();
        view.setMaps(syntheticMaps(2, 4, n), tokens, std::vector<bool>(size_t(n), false));
        QCoreApplication::processEvents();
        // Reported, not asserted (timings do not belong in unit tests); the README gives measured figures.
        qInfo("512-token map and grid drawn in %lld ms", static_cast<long long>(timer.elapsed()));
        auto* map = view.map();
        QCOMPARE(map->mapSize(), QSize(n, n));
        const int spacing = QFontMetrics(map->xAxis->tickLabelFont()).height() + 2;
        const int labelled = map->visibleTickLabels(Qt::Horizontal);
        QVERIFY2(labelled > 10 && labelled <= map->axisRect()->width() / spacing + 1, qPrintable(QString::number(labelled)));
        QVERIFY(map->visibleTickLabels(Qt::Vertical) <= map->axisRect()->height() / spacing + 1);

        map->xAxis->setRange(99.5, 119.5);
        map->replot();
        QCOMPARE(map->visibleTickLabels(Qt::Horizontal), 20);
        map->xAxis->setRange(-100, -50);  // dragged past the left edge
        QVERIFY(map->xAxis->range().lower >= -0.5);
        map->xAxis->setRange(-1000, 5000);  // zoomed out past the whole map
        QVERIFY(map->xAxis->range().lower >= -0.5 && map->xAxis->range().upper <= n - 0.5);
        map->xAxis->setRange(10, 30);
        map->showAll();
        QCOMPARE(map->xAxis->range().upper, n - 0.5);

        // BERT-base's 12 × 12 heads at 512 tokens: the thumbnails are pooled, not drawn cell by cell.
        const auto base = syntheticMaps(12, 12, n);
        timer.restart();
        view.setMaps(base, tokens, std::vector<bool>(size_t(n), false));
        QCoreApplication::processEvents();
        qInfo("512-token map and grid of 12 x 12 heads drawn in %lld ms", static_cast<long long>(timer.elapsed()));
        QCOMPARE(map->mapSize(), QSize(n, n));
    }

    void attributionsShadeTokensBySign() {
        QCOMPARE(TokenScoresStrip::colourOf(0, 1), QColor(Qt::white));
        QVERIFY(TokenScoresStrip::colourOf(1, 1).red() > TokenScoresStrip::colourOf(1, 1).blue());
        QVERIFY(TokenScoresStrip::colourOf(-1, 1).blue() > TokenScoresStrip::colourOf(-1, 1).red());

        auto* view = page_->attributions();
        QSignalSpy explained(view, &AttributionView::explained);
        show(AttentionPage::Attributions);  // the sentence is explained once shown
        QVERIFY(explained.wait(60000));
        const auto& a = *view->attribution();
        QCOMPARE(a.method, bertbench::AttributionMethod::IntegratedGradients);
        QCOMPARE(a.steps, 50);
        QCOMPARE(view->strip()->tokens().size(), qsizetype(a.prediction.readableTokens.size()));
        QCOMPARE(view->strip()->scores().size(), qsizetype(a.scores.size()));
        QVERIFY(a.relativeGap().has_value());
        QVERIFY2(*a.relativeGap() < 0.05, qPrintable(view->summary()));
        QVERIFY2(view->summary().contains(QStringLiteral("completeness gap")), qPrintable(view->summary()));
        QVERIFY(!view->strip()->grab().isNull());

        view->setMethod(bertbench::AttributionMethod::AttentionRollout);
        QVERIFY(explained.wait(60000));
        QCOMPARE(view->attribution()->method, bertbench::AttributionMethod::AttentionRollout);
        for (float s : view->attribution()->scores) QVERIFY(s >= 0);
        QVERIFY(view->summary().contains(QStringLiteral("rollout")));

        view->setMethod(bertbench::AttributionMethod::GradientTimesInput);
        QVERIFY(explained.wait(60000));
        view->setClassLabel(QStringLiteral("unacceptable"));
        view->explain();
        QVERIFY(explained.wait(60000));
        QCOMPARE(view->attribution()->classLabel, std::string("unacceptable"));
        view->setClassLabel(QString());
        view->setMethod(bertbench::AttributionMethod::IntegratedGradients);
        QVERIFY(explained.wait(60000));
    }

    // Clicking a head switches it off; the probabilities shown are the
    // session's own prediction under that mask, and all on again restores them.
    void ablationFollowsTheClickedHeads() {
        auto* view = page_->ablation();
        QSignalSpy predicted(view, &AblationView::predicted);
        show(AttentionPage::Ablation);
        QVERIFY(predicted.wait(30000));
        QTRY_VERIFY_WITH_TIMEOUT(view->reference().has_value(), 10000);
        QCOMPARE(view->masked()->probabilities, view->reference()->probabilities);

        auto* grid = view->grid();
        QCOMPARE(grid->layers(), 2);
        QCOMPARE(grid->heads(), 4);
        QTest::mouseClick(grid, Qt::LeftButton, {}, grid->cellRect(0, 1).center());
        QCOMPARE(grid->mask().offCount(), int64_t(1));
        QVERIFY(!grid->mask().on(0, 1));
        QVERIFY(predicted.wait(30000));
        for (int h = 0; h < 4; ++h)
            if (h != 1) grid->toggle(1, h);  // three more of layer 2
        QTRY_VERIFY_WITH_TIMEOUT(predicted.size() >= 3, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(view->masked()->probabilities.size() == 2, 10000);
        // The newest answer is for the newest mask (older ones may have been replaced while waiting).
        QTest::qWait(200);
        bertbench::PredictRequest request;
        request.text = sentence_.toStdString();
        request.headMask = grid->mask();
        const auto direct = session_->engine().predict(request).get().take();
        QCOMPARE(view->masked()->probabilities.size(), direct.probabilities.size());
        for (size_t i = 0; i < direct.probabilities.size(); ++i)
            QVERIFY(close(view->masked()->probabilities[i], direct.probabilities[i]));
        QVERIFY(!close(direct.probabilities[0], view->reference()->probabilities[0], 1e-7f));
        QCOMPARE(view->bars()->probabilities().size(), qsizetype(2));

        QTest::mouseClick(view->findChild<QPushButton*>(QStringLiteral("allHeadsOn")), Qt::LeftButton);
        QCOMPARE(grid->mask().offCount(), int64_t(0));
        QVERIFY(predicted.wait(30000));
        QTest::qWait(200);
        for (size_t i = 0; i < 2; ++i)
            QVERIFY(close(view->masked()->probabilities[i], view->reference()->probabilities[i]));
    }

    void importanceOverlaysTheGrid() {
        auto* view = page_->ablation();
        QSignalSpy measured(view, &AblationView::importanceMeasured);
        view->measureImportance();
        QVERIFY(measured.wait(60000));
        QVERIFY(view->grid()->hasImportance());
        QVERIFY(!view->grid()->grab().isNull());
    }

    // The current model against tiny-bert-mlm (same shape and vocabulary, other weights).
    void comparisonRanksTheChangedHeads() {
        auto* view = page_->comparison();
        QSignalSpy compared(view, &ComparisonView::compared);
        show(AttentionPage::Comparison);
        view->setOtherModel(kFixtures + QStringLiteral("/reference/tiny-bert-mlm"));
        QVERIFY(compared.wait(60000));
        const auto& c = *view->comparison();
        QCOMPARE(view->ranking()->rowCount(), 8);
        QVERIFY(c.ranking.front().divergence > 0);
        for (size_t i = 1; i < c.ranking.size(); ++i) QVERIFY(c.ranking[i - 1].divergence >= c.ranking[i].divergence);
        // The difference shown is this model's weight minus the other's.
        auto* heads = view->heads();
        heads->choose(0, 0);
        QVERIFY(c.first.attentions && c.second.attentions);
        for (int r : {0, 3})
            for (int col : {1, 5}) {
                const float expected = c.second.attentions->at(0, 0, r, col) - c.first.attentions->at(0, 0, r, col);
                QVERIFY(close(float(heads->map()->weightAt(r, col)), expected));
            }
        // A row of the ranking opens its head.
        QTest::mouseClick(view->ranking()->viewport(), Qt::LeftButton, {},
                          view->ranking()->visualItemRect(view->ranking()->item(0, 0)).center());
        QCOMPARE(heads->layer(), c.ranking.front().layer);
        QCOMPARE(heads->head(), c.ranking.front().head);
        view->setShown(ComparisonView::Shown::Other);
        QVERIFY(view->figure() != heads->map());
        view->setShown(ComparisonView::Shown::Difference);
    }

    void comparisonNamesAFolderItCannotUse() {
        auto* view = page_->comparison();
        QSignalSpy failed(explain_, &ExplainService::failed);
        view->setOtherModel(temp_.filePath(QStringLiteral("no-such-model")));
        QVERIFY(failed.wait(30000));
        QVERIFY2(failed.first().at(2).toString().contains(QStringLiteral("no-such-model")),
                 qPrintable(failed.first().at(2).toString()));
    }

    // Snapshots written as a run writes them; the slider walks through them.
    void trainingScrubberWalksThroughSnapshots() {
        const QString run = temp_.filePath(QStringLiteral("written-run"));
        QVERIFY(QDir().mkpath(QString::fromStdString(bertbench::attentionProbesDir(run.toStdString()))));
        const std::vector<std::string> tokens = {"[CLS]", "the", "boy", "ate", "[SEP]"};
        for (int k = 0; k < 3; ++k) {
            bertbench::AttentionProbeSnapshot s;
            s.step = 10 * (k + 1);
            s.epoch = k;
            s.texts = {"the boy ate"};
            s.pairs = {""};
            s.tokens = {tokens};
            s.readableTokens = {tokens};
            s.attentions = {syntheticMaps(2, 4, 5, float(k))};
            bertbench::writeAttentionProbes(bertbench::attentionProbeFile(run.toStdString(), s.step), s);
        }
        auto* view = page_->training();
        QSignalSpy loaded(view, &TrainingAttentionView::loaded);
        show(AttentionPage::Training);
        view->loadRun(run);
        QVERIFY(loaded.wait(10000));
        QCOMPARE(view->snapshotCount(), 3);
        QVERIFY2(view->stepText().startsWith(QStringLiteral("Step 30, epoch 3")), qPrintable(view->stepText()));
        view->showSnapshot(0);
        QVERIFY2(view->stepText().startsWith(QStringLiteral("Step 10, epoch 1")), qPrintable(view->stepText()));
        view->heads()->choose(1, 3);
        const auto expected = syntheticMaps(2, 4, 5, 0);
        QVERIFY(close(float(view->heads()->map()->weightAt(2, 3)), expected.at(1, 3, 2, 3), bertbench::kAttentionProbeStep));
        view->heads()->setHideSpecialTokens(true);  // known by name in the file
        QCOMPARE(view->heads()->map()->mapSize(), QSize(3, 3));
        view->heads()->setHideSpecialTokens(false);
    }

    // While a run trains: an attribution is served between its steps, and
    // the scrubber follows the run's evaluations.
    void worksWhileTheModelTrains() {
        auto* view = page_->attributions();
        QSignalSpy first(view, &AttributionView::explained);
        show(AttentionPage::Attributions);
        // Run on its own, the tab explains its sentence when first shown: that answer comes before the run.
        if (!view->attribution()) QVERIFY(first.wait(60000));
        const QString run = temp_.filePath(QStringLiteral("live-run"));
        bertbench::TrainRequest request;
        request.options.maxSteps = 120;
        request.options.epochs = 8;
        request.options.batchSize = 16;
        request.runDir = run.toStdString();
        QSignalSpy explained(view, &AttributionView::explained);
        QSignalSpy loaded(page_->training(), &TrainingAttentionView::loaded);
        std::future<bertbench::Outcome<bertbench::TrainingResult>> training;
        bool askedDuringTraining = false, answeredDuringTraining = false;
        auto connection = connect(session_.get(), &WorkbenchSession::trainingStep, this, [&] {
            if (askedDuringTraining) return;
            askedDuringTraining = true;
            view->explain();
        });
        auto answered = connect(view, &AttributionView::explained, this, [&] {
            answeredDuringTraining = training.valid() &&
                                     training.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
        });
        training = session_->engine().train(request);
        QVERIFY(explained.wait(60000));
        disconnect(connection);
        disconnect(answered);  // both capture this function's locals
        QVERIFY(askedDuringTraining);
        QVERIFY2(answeredDuringTraining, "the attribution waited for the run to end");
        const auto result = training.get();
        QVERIFY2(result.ok(), result.message().c_str());
        QTRY_VERIFY_WITH_TIMEOUT(page_->training()->runDir() == run, 20000);
        QTRY_VERIFY_WITH_TIMEOUT(page_->training()->snapshotCount() >= 1, 20000);
        session_->refreshModel();
    }

    void minimalPairLinesUpReorderedTokens() {
        auto* view = page_->minimalPair();
        QSignalSpy explained(view, &MinimalPairView::explained);
        show(AttentionPage::MinimalPair);
        view->setSentences(QStringLiteral("The boy ate the apple."), QStringLiteral("Apple the boy ate the."));
        QVERIFY(explained.wait(60000));
        // [CLS] the boy ate the apple . [SEP]: the same tokens in another order, all paired.
        auto* table = view->differences();
        QCOMPARE(table->rowCount(), 8);
        for (int r = 0; r < table->rowCount(); ++r) QVERIFY(table->item(r, 3)->text() != QStringLiteral("—"));
        QCOMPARE(view->strip(0)->scaleLimit(), view->strip(1)->scaleLimit());
        QCOMPARE(view->bars(0)->probabilities().size(), qsizetype(2));

        bertbench::Attribution a, b;
        a.prediction.readableTokens = {"a", "b", "c"};
        a.scores = {1, 2, 3};
        b.prediction.readableTokens = {"C", "d"};
        b.scores = {5, 7};
        const auto pairs = MinimalPairView::pairTokens(a, b);
        QCOMPARE(pairs.size(), qsizetype(4));
        QVERIFY(pairs[2].first && pairs[2].second && *pairs[2].first == 3 && *pairs[2].second == 5);
        QVERIFY(!pairs[0].second && !pairs[3].first && *pairs[3].second == 7);
    }

    void everyTabExportsPngAndSvg() {
        for (auto tab : {AttentionPage::Heads, AttentionPage::Attributions, AttentionPage::Ablation,
                         AttentionPage::Comparison, AttentionPage::Training, AttentionPage::MinimalPair}) {
            show(tab);
            const QString base = temp_.filePath(QStringLiteral("figure-%1").arg(int(tab)));
            QCOMPARE(page_->exportFigure(base + QStringLiteral(".png")), QString());
            const QImage image(base + QStringLiteral(".png"));
            QVERIFY2(!image.isNull() && image.width() > 200, qPrintable(base));
            QCOMPARE(page_->exportFigure(base + QStringLiteral(".svg")), QString());
            QFile svg(base + QStringLiteral(".svg"));
            QVERIFY(svg.open(QIODevice::ReadOnly));
            const QByteArray text = svg.readAll();
            QVERIFY2(text.contains("<svg") && text.size() > 1000, qPrintable(base));
        }
        QVERIFY(page_->exportFigure(temp_.filePath(QStringLiteral("figure.jpg"))).contains(QStringLiteral(".png or .svg")));
        const QString unwritable = temp_.filePath(QStringLiteral("no/such/folder/figure.png"));
        QVERIFY(page_->exportFigure(unwritable).contains(unwritable));
        QVERIFY(!QFile::exists(unwritable));
    }

    // Every tab in German (and a screenshot of each in both languages, for people to look at).
    void everyTabSpeaksGerman() {
        const QStringList names = {"heads", "attributions", "ablation", "comparison", "training", "minimal-pair"};
        QDir().mkpath(QString(testpaths::screenshotDir()));
        auto shoot = [&](const QString& language) {
            for (int tab = 0; tab < page_->tabs()->count(); ++tab) {
                show(AttentionPage::Tab(tab));
                QTest::qWait(100);  // posted layout requests settle, as before a user looks
                const QImage image = page_->grab().toImage();
                if (image.isNull() || image.width() < 1000) return false;
                image.save((QString(testpaths::screenshotDir()) + QStringLiteral("/attention-%1-%2.png")).arg(names[tab], language));
            }
            return true;
        };
        // What a person would have on screen: a comparison, importance and one head off.
        QSignalSpy compared(page_->comparison(), &ComparisonView::compared);
        page_->comparison()->setOtherModel(kFixtures + QStringLiteral("/reference/tiny-bert-mlm"));
        QVERIFY(compared.wait(60000));
        QSignalSpy measured(page_->ablation(), &AblationView::importanceMeasured);
        page_->ablation()->measureImportance();
        QVERIFY(measured.wait(60000));
        QSignalSpy predicted(page_->ablation(), &AblationView::predicted);
        page_->ablation()->grid()->toggle(1, 2);
        QVERIFY(predicted.wait(30000));
        QVERIFY(shoot(QStringLiteral("en")));
        QCOMPARE(Language::apply(QStringLiteral("de")), QStringLiteral("de"));
        QCoreApplication::processEvents();
        QCOMPARE(page_->tabs()->tabText(AttentionPage::Attributions), QStringLiteral("Attributionen"));
        QCOMPARE(page_->tabs()->tabText(AttentionPage::MinimalPair), QStringLiteral("Minimalpaar"));
        QVERIFY2(page_->attributions()->summary().contains(QStringLiteral("Vollständigkeitslücke")),
                 qPrintable(page_->attributions()->summary()));
        QVERIFY(page_->training()->stepText().startsWith(QStringLiteral("Schritt ")));
        QCOMPARE(page_->ablation()->findChild<QPushButton*>(QStringLiteral("allHeadsOn"))->text(),
                 QStringLiteral("Alle Heads an"));
        QVERIFY(shoot(QStringLiteral("de")));
        QCOMPARE(Language::apply(QStringLiteral("en")), QStringLiteral("en"));
        QCoreApplication::processEvents();
        QCOMPARE(page_->tabs()->tabText(AttentionPage::Attributions), QStringLiteral("Attributions"));
        page_->ablation()->grid()->setAllOn();
    }

    // Last: pruning changes the model for good.
    void pruningRemovesTheLeastImportantHeads() {
        auto* view = page_->ablation();
        show(AttentionPage::Ablation);
        QSignalSpy pruned(view, &AblationView::prunedHeads);
        view->prune(2);
        QVERIFY(pruned.wait(60000));
        QVERIFY2(view->pruneReport().startsWith(QStringLiteral("Pruned L")), qPrintable(view->pruneReport()));
        QTRY_VERIFY_WITH_TIMEOUT(session_->modelDirty(), 10000);
        // The grid shows the pruned heads hatched: switching one does nothing.
        QSignalSpy measured(view, &AblationView::importanceMeasured);
        view->measureImportance();
        QVERIFY(measured.wait(60000));
        int prunedCells = 0;
        for (int l = 0; l < 2; ++l)
            for (int h = 0; h < 4; ++h) {
                view->grid()->toggle(l, h);
                if (view->grid()->mask().on(l, h)) ++prunedCells;
                else view->grid()->toggle(l, h);
            }
        QCOMPARE(prunedCells, 2);
    }
};

QTEST_MAIN(TestAttentionViews)
#include "tst_attention_views.moc"
