// MainWindow: construction, pages, settings, first launch and the
// discard-unsaved-training question. Menus and actions: main_window_actions.cpp.
#include "window/main_window.h"

#include "common/json_file.h"

#include "pages/attention_page.h"
#include "window/bundled_data.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "i18n/language.h"
#include "dialogs/message_dialogs.h"
#include "pages/model_page.h"
#include "pages/predict_page.h"
#include "session/prediction_service.h"
#include "pages/train_page.h"
#include "session/training_controller.h"
#include "i18n/training_presets.h"
#include "widgets/vector_icon_engine.h"
#include "session/workbench_session.h"

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

    session_ = new WorkbenchSession(this);
    training_ = new TrainingController(session_, this);
    prediction_ = new PredictionService(session_, this);

    data_ = new DataPage(session_);
    model_ = new ModelPage(session_, training_);
    hyperparameters_ = new HyperparametersPage;
    train_ = new TrainPage(session_, training_, hyperparameters_);
    evaluate_ = new EvaluatePage(session_);
    predict_ = new PredictPage(prediction_);
    attention_ = new AttentionPage(prediction_);

    sidebar_ = new QListWidget;
    sidebar_->setObjectName(QStringLiteral("sidebar"));
    sidebar_->setIconSize(QSize(28, 28));
    sidebar_->setSpacing(2);
    sidebar_->setFixedWidth(190);
    sidebar_->setStyleSheet(QStringLiteral("QListWidget { border: none; background: palette(alternate-base); }"
                                           "QListWidget::item { padding: 8px 6px; }"));
    stack_ = new QStackedWidget;
    const QStringList icons = {"data", "model", "hyperparameters", "train", "evaluate", "predict", "attention"};
    for (QWidget* page : {static_cast<QWidget*>(data_), static_cast<QWidget*>(model_), static_cast<QWidget*>(hyperparameters_),
                          static_cast<QWidget*>(train_), static_cast<QWidget*>(evaluate_), static_cast<QWidget*>(predict_),
                          static_cast<QWidget*>(attention_)}) {
        stack_->addWidget(page);
        new QListWidgetItem(VectorIconEngine::icon(icons[stack_->count() - 1]), QString(), sidebar_);
    }
    connect(sidebar_, &QListWidget::currentRowChanged, stack_, &QStackedWidget::setCurrentIndex);
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
    connect(session_, &WorkbenchSession::modelSaved, this, [this](const QString& f) { rememberRecent(QStringLiteral("recentModels"), f); });
    connect(training_, &TrainingController::stateChanged, this, &MainWindow::updateActions);
    connect(training_, &TrainingController::started, this, [this](qint64, qint64, bool maskedLM) {
        statusBar()->showMessage(maskedLM ? tr("Adapting the encoder…") : tr("Training…"));
    });
    connect(training_, &TrainingController::finished, this, [this](const TrainingOutcome& o) {
        statusBar()->showMessage(o.result.completed ? tr("Training finished") : tr("Training stopped"), 8000);
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

    readSettings();
    retranslateUi();
    updateActions();
    updateTitle();
    if (dataset.isEmpty()) QTimer::singleShot(0, this, &MainWindow::loadBundledData);
    else QTimer::singleShot(0, this, [this, dataset] {
        loadBundledData();  // the vocabulary for new models
        openDataset(dataset);
    });
}

MainWindow::~MainWindow() = default;

void MainWindow::loadBundledData() {
    const auto bundled = BundledData::extract();
    session_->setDefaultVocabPath(bundled.vocab);
    if (bundled.train.isEmpty() || session_->hasData() || !data_->file().isEmpty()) return;
    data_->setFile(bundled.train, bertbench::DatasetFormat::Cola);
    data_->setValidation(0.1, 2018, false);  // the classic CoLA notebook's split
    data_->importFile();
    data_->setHoldoutFile(bundled.holdout);
}

void MainWindow::openDataset(const QString& path) {
    if (path.isEmpty()) return;
    data_->setFile(path);
    data_->importFile();
    showPage(Data);
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

void MainWindow::showPage(Page page) { sidebar_->setCurrentRow(int(page)); }
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
    if (!confirmDiscardTraining(tr("The model has training that is not saved. Quit and discard it?"))) {
        event->ignore();
        return;
    }
    if (training_->isActive()) training_->stop();
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
    settings.setValue(QStringLiteral("window/page"), int(currentPage()));
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

void MainWindow::updateTitle() {
    QString name = tr("no model");
    if (session_->hasModel())
        name = session_->model().folder.isEmpty() ? QString::fromStdString(session_->model().summary.source)
                                                  : QFileInfo(session_->model().folder).fileName();
    setWindowTitle(QStringLiteral("%1[*] — BertBench").arg(name));
    setWindowModified(session_->modelDirty());
    statusModel_->setText(session_->modelDirty() ? tr("Model: %1 (unsaved training)").arg(name) : tr("Model: %1").arg(name));
}
