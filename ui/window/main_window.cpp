// MainWindow: construction, pages, settings, first launch and the
// discard-unsaved-training question. Menus and actions: main_window_actions.cpp.
#include "window/main_window.h"

#include "common/json_file.h"

#include "pages/attention_page.h"
#include "attention/comparison_view.h"
#include "session/explain_service.h"
#include "window/bundled_data.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "runtime/blas_library.h"
#include "i18n/language.h"
#include "dialogs/message_dialogs.h"
#include "pages/model_page.h"
#include "pages/predict_page.h"
#include "pages/runs_page.h"
#include "session/prediction_service.h"
#include "pages/train_page.h"
#include "session/session_memory.h"
#include "session/training_controller.h"
#include "checkpoint/hub_cache.h"
#include "i18n/training_presets.h"
#include "widgets/tooltip_wrapper.h"
#include "widgets/vector_icon_engine.h"
#include "session/workbench_session.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDragEnterEvent>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMimeData>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>

MainWindow::MainWindow(const QString& dataset, QWidget* parent) : QMainWindow(parent) {
    setObjectName(QStringLiteral("MainWindow"));
    setWindowIcon(VectorIconEngine::icon(QStringLiteral("app")));
    setAcceptDrops(true);
    qApp->installEventFilter(new ToolTipWrapper(this));  // long help texts wrap instead of spanning the screen

    session_ = new WorkbenchSession(this);
    training_ = new TrainingController(session_, this);
    prediction_ = new PredictionService(session_, this);
    explain_ = new ExplainService(session_, this);

    data_ = new DataPage(session_);
    model_ = new ModelPage(session_, training_);
    hyperparameters_ = new HyperparametersPage;
    train_ = new TrainPage(session_, training_, hyperparameters_);
    evaluate_ = new EvaluatePage(session_);
    predict_ = new PredictPage(prediction_);
    attention_ = new AttentionPage(prediction_, explain_);
    runs_ = new RunsPage(session_, training_, hyperparameters_);
    welcome_ = new WelcomePage;

    sidebar_ = new QListWidget;
    sidebar_->setObjectName(QStringLiteral("sidebar"));
    sidebar_->setIconSize(QSize(28, 28));
    sidebar_->setSpacing(2);
    sidebar_->setFixedWidth(190);
    // A list with focus selects its first row, which would leave the welcome
    // page on the first click into the window; Ctrl+1…8 and clicks switch pages.
    sidebar_->setFocusPolicy(Qt::NoFocus);
    sidebar_->setStyleSheet(QStringLiteral("QListWidget { border: none; background: palette(alternate-base); }"
                                           "QListWidget::item { padding: 8px 6px; }"));
    stack_ = new QStackedWidget;
    const QStringList icons = {"data", "model", "hyperparameters", "train", "evaluate", "predict", "attention", "runs"};
    for (QWidget* page : {static_cast<QWidget*>(data_), static_cast<QWidget*>(model_), static_cast<QWidget*>(hyperparameters_),
                          static_cast<QWidget*>(train_), static_cast<QWidget*>(evaluate_), static_cast<QWidget*>(predict_),
                          static_cast<QWidget*>(attention_), static_cast<QWidget*>(runs_)}) {
        stack_->addWidget(page);
        new QListWidgetItem(VectorIconEngine::icon(icons[stack_->count() - 1]), QString(), sidebar_);
    }
    stack_->addWidget(welcome_);  // index Welcome, after the sidebar's pages
    connect(sidebar_, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row >= 0) stack_->setCurrentIndex(row);
    });
    connect(welcome_, &WelcomePage::chosen, this, &MainWindow::startWith);
    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(sidebar_);
    layout->addWidget(stack_, 1);
    setCentralWidget(central);

    statusModel_ = new QLabel;
    statusProgress_ = new QProgressBar;
    statusProgress_->setMaximumWidth(160);
    statusProgress_->setRange(0, 0);
    statusProgress_->hide();
    statusBar()->addPermanentWidget(statusProgress_);
    statusBar()->addPermanentWidget(statusModel_);
    // Training on the reference BLAS is 20x slower: said once, and back whenever no other message shows.
    if (bertbench::loadedBlasLibrary() == bertbench::BlasLibrary::Reference) {
        auto* warning = new QLabel;
        warning->setObjectName(QStringLiteral("slowBlasWarning"));
        warning->setStyleSheet(QStringLiteral("QLabel { background: #fff4ce; color: #3b2f00; padding: 2px 6px; }"));
        // Never wider than the window has room for: the status bar must not widen the window.
        warning->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        warning->setMinimumWidth(1);
        statusBar()->addWidget(warning, 1);
    }

    createActions();
    createMenus();

    // Errors from every worker end in one place: a dialog with the engine's words.
    connect(session_, &WorkbenchSession::errorOccurred, this,
            [this](const QString& title, const QString& message) { MessageDialogs::showError(this, title, message); });
    connect(prediction_, &PredictionService::failed, this,
            [this](const QString& title, const QString& message) { MessageDialogs::showError(this, title, message); });
    connect(training_, &TrainingController::failed, this,
            [this](const QString& message) {
                statusBar()->clearMessage();
                MessageDialogs::showError(this, tr("Training"), message);
            });
    connect(session_, &WorkbenchSession::statusMessage, this, [this](const QString& m) { statusBar()->showMessage(m, 8000); });
    connect(session_, &WorkbenchSession::busyChanged, statusProgress_, &QWidget::setVisible);
    connect(session_, &WorkbenchSession::modelChanged, this, &MainWindow::updateTitle);
    connect(session_, &WorkbenchSession::modelDirtyChanged, this, &MainWindow::updateTitle);
    connect(session_, &WorkbenchSession::modelSaved, this, [this](const QString& f) {
        rememberRecent(QStringLiteral("recentModels"), f);
        if (closeAfterSave_) {
            closeAfterSave_ = false;  // saved: the next close goes through
            QTimer::singleShot(0, this, &QWidget::close);
        }
    });
    connect(session_, &WorkbenchSession::errorOccurred, this, [this] {
        closeAfterSave_ = false;     // a failed save: the window stays, with its model
        modelAfterImport_.reset();   // a failed import: no model is made for it
    });
    connect(session_, &WorkbenchSession::dataChanged, this, [this] {
        if (!modelAfterImport_) return;
        const NewModelSpec spec = *modelAfterImport_;
        modelAfterImport_.reset();
        session_->createModel(spec.preset, spec.vocabPath, spec.lowercase, spec.seed, spec.family, true);
    });
    connect(hyperparameters_, &HyperparametersPage::optionsChanged, this,
            [this] {
                data_->setMaxLength(int(hyperparameters_->options().maxLength));
                evaluate_->setMaxLength(int(hyperparameters_->options().maxLength));
            });
    connect(training_, &TrainingController::stateChanged, this, &MainWindow::updateActions);
    connect(runs_, &RunsPage::experimentActiveChanged, training_, &TrainingController::setExperimentRunning);
    connect(training_, &TrainingController::stateChanged, this, [this](TrainingController::State state) {
        hyperparameters_->setRunActive(state != TrainingController::State::Idle);
        if (state == TrainingController::State::Paused)
            statusBar()->showMessage(tr("Paused — Resume (Ctrl+P) continues from the same step"));
        else if (state == TrainingController::State::Running && statusBar()->currentMessage().startsWith(tr("Paused")))
            statusBar()->showMessage(tr("Training…"));
        else if (state == TrainingController::State::Stopping)
            statusBar()->showMessage(tr("Stopping after the current step…"));
    });
    connect(training_, &TrainingController::started, this, [this](qint64, qint64, bool maskedLM) {
        statusBar()->showMessage(maskedLM ? tr("Adapting the encoder…") : tr("Training…"));
    });
    connect(training_, &TrainingController::finished, this, [this](const TrainingOutcome& o) {
        statusBar()->showMessage(o.result.completed ? tr("Training finished") : tr("Training stopped"), 8000);
        if (closeAfterSave_ && !saveModel(false)) closeAfterSave_ = false;  // the quit prompt's Save, after the stop
    });
    connect(session_, &WorkbenchSession::discardQuestion, this,
            [this](const QString& question, const std::function<void()>& proceed) {
                if (MessageDialogs::confirm(this, tr("Unsaved model"), question)) proceed();
            });
    connect(session_, &WorkbenchSession::replaceFolderQuestion, this, [this](const QString& folder) {
        if (MessageDialogs::confirm(this, tr("Replace model"),
                                    tr("%1 already holds a model. Replace it with this one?").arg(folder)))
            session_->saveModel(folder, /*replaceConfirmed=*/true);
    });
    connect(training_, &TrainingController::headQuestion, this,
            [this](const QStringList& modelLabels, const QStringList& dataLabels) {
                const auto question = tr("This model predicts %1 classes (%2); the data has %3 (%4). Replace the "
                                         "classifier head? The new head starts untrained.")
                                          .arg(modelLabels.size())
                                          .arg(modelLabels.join(QStringLiteral(", ")))
                                          .arg(dataLabels.size())
                                          .arg(dataLabels.join(QStringLiteral(", ")));
                if (MessageDialogs::confirm(this, tr("Labels do not match"), question)) training_->startWithNewHead();
            });
    connect(session_, &WorkbenchSession::modelChanged, this, &MainWindow::updateActions);
    connect(session_, &WorkbenchSession::dataChanged, this, &MainWindow::updateActions);
    connect(hyperparameters_, &HyperparametersPage::optionsChanged, this, &MainWindow::updateActions);
    connect(data_, &DataPage::fileChosen, this, [this](const QString& p) { rememberRecent(QStringLiteral("recentDatasets"), p); });
    connect(model_, &ModelPage::openFolderRequested, this, &MainWindow::browseModel);
    connect(model_, &ModelPage::saveRequested, this, [this] { saveModel(true); });
    connect(evaluate_, &EvaluatePage::sentenceChosen, this, &MainWindow::sendToPredictAndAttention);
    // One current sentence: typed on either page, shown on both.
    connect(predict_, &PredictPage::sentenceChanged, attention_, &AttentionPage::setSentence);
    connect(attention_, &AttentionPage::sentenceChanged, predict_, &PredictPage::setSentence);
    // The folder a model came from is what its training is best compared with.
    connect(session_, &WorkbenchSession::modelChanged, this,
            [this] { attention_->comparison()->suggestOtherModel(session_->model().folder); });

    readSettings();
    data_->setMaxLength(int(hyperparameters_->options().maxLength));
    evaluate_->setMaxLength(int(hyperparameters_->options().maxLength));
    retranslateUi();
    updateActions();
    updateTitle();
    extractBundledData();
    if (!dataset.isEmpty()) QTimer::singleShot(0, this, [this, dataset] { openDataset(dataset); });
    else if (!reopenLastSession()) showPage(Welcome);
}

MainWindow::~MainWindow() = default;

void MainWindow::extractBundledData() {
    session_->setDefaultVocabPath(BundledData::extract().vocab);
    // The CoLA card opens a pretrained BERT when the user has one; the best is
    // the model the card names, else any BERT encoder in the cache.
    QString pretrained;
    for (const auto& cached : bertbench::findCachedModels(bertbench::hubCacheFolders())) {
        if (cached.family != "BERT") continue;
        const QString name = QString::fromStdString(cached.name);
        if (name.endsWith(QLatin1String("bert-base-uncased")) || pretrained.isEmpty()) pretrained = name;
    }
    welcome_->setPretrainedModel(pretrained);
}

void MainWindow::startWith(WelcomePage::Choice choice) {
    if (choice == WelcomePage::Choice::OwnDataset) return browseDataset();
    if (!confirmDiscardTraining(tr("The current model has training that is not saved. Load the sample and discard it?")))
        return;
    const auto bundled = BundledData::extract();
    const NewModelSpec tiny{QStringLiteral("tiny"), bundled.vocab, true, 42, bertbench::ModelFamily::Bert};
    if (choice == WelcomePage::Choice::TopicSample) {
        hyperparameters_->applyPreset(QStringLiteral("new-model"));
        data_->setFile(bundled.topics, bertbench::DatasetFormat::Csv);
        data_->setValidation(0.1, 2018, true);
        data_->setHoldoutFile({});
        modelAfterImport_ = tiny;  // a new model for the sample's four topics, once they are known
        data_->importFile();
        showPage(Train);
        statusBar()->showMessage(tr("Sample loaded with a new tiny model: press Start (Ctrl+R) to train it"), 15000);
        return;
    }
    hyperparameters_->applyPreset(QStringLiteral("fast-cpu"));
    data_->setFile(bundled.train, bertbench::DatasetFormat::Cola);
    data_->setValidation(0.1, 2018, false);  // the classic CoLA notebook's split
    const QString pretrained = welcome_->pretrainedModel();
    if (pretrained.isEmpty()) modelAfterImport_ = tiny;
    data_->importFile();
    data_->setHoldoutFile(bundled.holdout);
    if (!pretrained.isEmpty()) {
        if (const auto folder = bertbench::cachedModelFolder(pretrained.toStdString(), bertbench::hubCacheFolders()))
            openModelFolder(QString::fromStdString(*folder));
    }
    showPage(Model);
}

bool MainWindow::reopenLastSession() {
    const auto dataset = SessionMemory::lastDataset();
    if (!dataset) return false;
    const auto model = SessionMemory::lastModel();
    data_->importRequest(*dataset);
    data_->setHoldoutFile(SessionMemory::lastHoldout());
    QString modelName = tr("a new tiny model");
    if (model && !model->folder.isEmpty()) {
        session_->openModel(model->folder, true);
        modelName = QFileInfo(model->folder).fileName();
    } else {
        modelAfterImport_ = model && model->created
                                ? *model->created
                                : NewModelSpec{QStringLiteral("tiny"), session_->defaultVocabPath(), true, 42, bertbench::ModelFamily::Bert};
        if (!QFileInfo::exists(modelAfterImport_->vocabPath)) modelAfterImport_->vocabPath = session_->defaultVocabPath();
        modelName = tr("a new %1 model (the last one was not saved)").arg(modelAfterImport_->preset);
    }
    statusBar()->showMessage(tr("Reopened %1 and %2 from the last session").arg(QFileInfo(dataset->path).fileName(), modelName),
                             20000);
    return true;
}

void MainWindow::rememberSession() const {
    if (session_->hasData()) SessionMemory::rememberDataset(session_->data().request);
    SessionMemory::rememberHoldout(session_->holdout().train ? session_->holdout().request.path : QString());
    if (session_->hasModel()) SessionMemory::rememberModel(session_->model());
}

void MainWindow::openDataset(const QString& path) {
    if (path.isEmpty()) return;
    data_->setFile(path);  // preview and guessed columns; the Import button confirms
    showPage(Data);
    statusBar()->showMessage(tr("Check the columns in the preview, then press Import dataset"), 15000);
}

void MainWindow::openModelFolder(const QString& folder) {
    if (folder.isEmpty()) return;
    if (!confirmDiscardTraining(tr("The current model has training that is not saved. Open another model and discard it?")))
        return;
    rememberRecent(QStringLiteral("recentModels"), folder);
    session_->openModel(folder, /*discardConfirmed=*/true);
    showPage(Model);
}

bool MainWindow::confirmDiscardTraining(const QString& question) {
    if (!session_->modelDirty()) return true;
    return MessageDialogs::confirm(this, tr("Unsaved model"), question);
}

void MainWindow::showPage(Page page) {
    if (page == Welcome) {
        sidebar_->setCurrentRow(-1);
        stack_->setCurrentWidget(welcome_);
        return;
    }
    sidebar_->setCurrentRow(int(page));
    stack_->setCurrentIndex(int(page));
}
MainWindow::Page MainWindow::currentPage() const { return Page(stack_->currentIndex()); }
QWidget* MainWindow::page(Page page) const { return stack_->widget(int(page)); }

void MainWindow::sendToPredictAndAttention(const QString& sentence) {
    predict_->setSentence(sentence);
    attention_->setSentence(sentence);
    showPage(Predict);
}

void MainWindow::setLanguage(const QString& code) {
    language_ = code;
    Language::apply(code);  // Qt sends LanguageChange to every widget
}

void MainWindow::closeEvent(QCloseEvent* event) {
    if (closeAfterSave_) return event->ignore();  // saving: the window closes when it is written
    if (session_->modelDirty() || training_->isActive()) {
        const auto choice = MessageDialogs::askToSave(
            this, tr("Unsaved model"),
            training_->isActive() ? tr("A run is training and its model is not saved. Stop the run and save the model "
                                       "before quitting?")
                                  : tr("The model has training that is not saved. Save it before quitting?"));
        if (choice == MessageDialogs::SaveChoice::Cancel) return event->ignore();
        if (choice == MessageDialogs::SaveChoice::Save) {
            // Saving runs on the engine thread (after the run has stopped, if one
            // trains); modelSaved closes the window.
            closeAfterSave_ = true;
            if (training_->isActive()) {
                training_->stop();
                statusBar()->showMessage(tr("Stopping the run, then saving the model…"));
            } else if (!saveModel(false)) {
                closeAfterSave_ = false;
            }
            return event->ignore();
        }
    }
    if (training_->isActive()) training_->stop();
    rememberSession();
    writeSettings();
    event->accept();
}

void MainWindow::changeEvent(QEvent* event) {
    if (event->type() == QEvent::LanguageChange) retranslateUi();
    QMainWindow::changeEvent(event);
}

void MainWindow::dragEnterEvent(QDragEnterEvent* event) {
    if (event->mimeData()->hasUrls() && event->mimeData()->urls().value(0).isLocalFile()) event->acceptProposedAction();
}

void MainWindow::dropEvent(QDropEvent* event) {
    const QString path = event->mimeData()->urls().value(0).toLocalFile();
    // A folder is a model; a file is a dataset.
    if (QFileInfo(path).isDir()) openModelFolder(path);
    else openDataset(path);
    event->acceptProposedAction();
}

void MainWindow::readSettings() {
    QSettings settings;
    restoreGeometry(settings.value(QStringLiteral("window/geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("window/state")).toByteArray());
    if (!settings.contains(QStringLiteral("window/geometry"))) resize(1360, 860);
    language_ = settings.value(QStringLiteral("language")).toString();
    Language::apply(language_);
    const QByteArray json = settings.value(QStringLiteral("training/options")).toByteArray();
    try {
        hyperparameters_->setOptions(json.isEmpty() ? TrainingPresets::options(QStringLiteral("fast-cpu"))
                                                    : bertbench::TrainingOptions::fromJson(bertbench::parseJsonText(json.toStdString(), "settings")));
    } catch (const std::exception&) {
        hyperparameters_->applyPreset(QStringLiteral("fast-cpu"));  // unreadable settings are not worth a dialog
    }
    showPage(Page(std::clamp(settings.value(QStringLiteral("window/page"), 0).toInt(), 0, PageCount - 1)));
    refreshRecentMenus();
}

void MainWindow::writeSettings() const {
    QSettings settings;
    settings.setValue(QStringLiteral("window/geometry"), saveGeometry());
    settings.setValue(QStringLiteral("window/state"), saveState());
    settings.setValue(QStringLiteral("window/page"), currentPage() == Welcome ? int(Data) : int(currentPage()));
    settings.setValue(QStringLiteral("language"), language_);
    settings.setValue(QStringLiteral("training/options"), QByteArray::fromStdString(hyperparameters_->options().toJson().dump()));
}

void MainWindow::rememberRecent(const QString& key, const QString& path) {
    QSettings settings;
    QStringList list = settings.value(key).toStringList();
    list.removeAll(path);
    list.prepend(path);
    while (list.size() > 8) list.removeLast();
    settings.setValue(key, list);
    refreshRecentMenus();
}

void MainWindow::retranslateStatusWarnings() {
    auto* warning = statusBar()->findChild<QLabel*>(QStringLiteral("slowBlasWarning"));
    if (!warning) return;
    warning->setText(tr("Slow: matrix products run on the reference BLAS, about 20 times slower than OpenBLAS. "
                        "Install libopenblas0-openmp."));
    warning->setToolTip(QString::fromStdString(bertbench::loadedBlasFile()));
}

void MainWindow::updateTitle() {
    const QString name = session_->hasModel() ? modelSourceName(session_->model()) : tr("no model");
    setWindowTitle(QStringLiteral("%1[*] — BertBench").arg(name));
    setWindowModified(session_->modelDirty());
    statusModel_->setText(session_->modelDirty() ? tr("Model: %1 (unsaved training)").arg(name) : tr("Model: %1").arg(name));
}
