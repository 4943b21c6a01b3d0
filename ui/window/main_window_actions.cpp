// MainWindow, second half: actions, menus, toolbar, their translations and
// the dialogs they open.
#include "window/main_window.h"

#include "checkpoint/hub_cache.h"
#include "dialogs/open_model_dialog.h"

#include "dialogs/about_dialog.h"
#include "dialogs/help_dialog.h"
#include "dialogs/message_dialogs.h"
#include "pages/data_page.h"
#include "pages/evaluate_page.h"
#include "pages/hyperparameters_page.h"
#include "dialogs/settings_dialog.h"
#include "pages/train_page.h"
#include "session/training_controller.h"
#include "widgets/vector_icon_engine.h"
#include "session/workbench_session.h"

#include <QAction>
#include <QApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QListWidget>
#include <QMenu>
#include <QMenuBar>
#include <QSettings>
#include <QStatusBar>
#include <QToolBar>

void MainWindow::createActions() {
    auto make = [this](const char* name, const char* icon) {
        auto* a = new QAction(this);
        a->setObjectName(QString::fromLatin1(name));
        if (icon) a->setIcon(VectorIconEngine::icon(QString::fromLatin1(icon)));
        return a;
    };
    openDataAct_ = make("openDataset", "open");
    openDataAct_->setShortcut(QKeySequence::Open);
    connect(openDataAct_, &QAction::triggered, this, &MainWindow::browseDataset);
    openModelAct_ = make("openModel", "open-model");
    openModelAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    connect(openModelAct_, &QAction::triggered, this, &MainWindow::browseModel);
    saveModelAct_ = make("saveModel", "save");
    saveModelAct_->setShortcut(QKeySequence::Save);
    connect(saveModelAct_, &QAction::triggered, this, [this] { saveModel(false); });
    saveModelAsAct_ = make("saveModelAs", nullptr);
    saveModelAsAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    connect(saveModelAsAct_, &QAction::triggered, this, [this] { saveModel(true); });
    quitAct_ = make("quit", nullptr);
    quitAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_Q));
    quitAct_->setMenuRole(QAction::QuitRole);
    connect(quitAct_, &QAction::triggered, this, &QWidget::close);

    startAct_ = make("startTraining", "start");
    startAct_->setShortcuts({QKeySequence(Qt::CTRL | Qt::Key_R), QKeySequence(Qt::Key_F5)});
    connect(startAct_, &QAction::triggered, this, [this] {
        showPage(Train);
        train_->start();
    });
    pauseAct_ = make("pauseTraining", "pause");
    pauseAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    connect(pauseAct_, &QAction::triggered, train_, &TrainPage::togglePause);
    stopAct_ = make("stopTraining", "stop");
    // Not Esc: that clears filter boxes and closes pop-ups, and must never stop a run.
    stopAct_->setShortcuts({QKeySequence(Qt::SHIFT | Qt::Key_F5), QKeySequence(Qt::CTRL | Qt::Key_Period)});
    connect(stopAct_, &QAction::triggered, train_, &TrainPage::stop);
    evaluateAct_ = make("evaluate", "evaluate");
    evaluateAct_->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    connect(evaluateAct_, &QAction::triggered, this, [this] {
        showPage(Evaluate);
        evaluate_->evaluate();
    });

    const char* icons[] = {"data", "model", "hyperparameters", "train", "evaluate", "predict", "attention", "runs"};
    for (int i = 0; i < PageCount; ++i) {
        auto* a = make(nullptr, icons[i]);
        a->setObjectName(QStringLiteral("page%1").arg(i));
        a->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(a, &QAction::triggered, this, [this, i] { showPage(Page(i)); });
        pageActs_ << a;
    }
    preferencesAct_ = make("preferences", "settings");
    preferencesAct_->setShortcut(QKeySequence::Preferences);
    preferencesAct_->setMenuRole(QAction::PreferencesRole);
    connect(preferencesAct_, &QAction::triggered, this, &MainWindow::showPreferences);
    helpAct_ = make("userGuide", nullptr);
    helpAct_->setShortcut(QKeySequence::HelpContents);  // F1
    connect(helpAct_, &QAction::triggered, this, [this] { showHelp(); });
    welcomeAct_ = make("welcomePage", nullptr);
    connect(welcomeAct_, &QAction::triggered, this, [this] { showPage(Welcome); });
    aboutAct_ = make("about", nullptr);
    connect(aboutAct_, &QAction::triggered, this, &MainWindow::showAbout);
    aboutQtAct_ = make("aboutQt", nullptr);
    connect(aboutQtAct_, &QAction::triggered, qApp, &QApplication::aboutQt);
}

void MainWindow::createMenus() {
    fileMenu_ = menuBar()->addMenu(QString());
    fileMenu_->addAction(openDataAct_);
    recentDataMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addSeparator();
    fileMenu_->addAction(openModelAct_);
    recentModelMenu_ = fileMenu_->addMenu(QString());
    fileMenu_->addAction(saveModelAct_);
    fileMenu_->addAction(saveModelAsAct_);
    fileMenu_->addSeparator();
    fileMenu_->addAction(quitAct_);
    trainingMenu_ = menuBar()->addMenu(QString());
    trainingMenu_->addActions({startAct_, pauseAct_, stopAct_});
    trainingMenu_->addSeparator();
    trainingMenu_->addAction(evaluateAct_);
    viewMenu_ = menuBar()->addMenu(QString());
    viewMenu_->addActions(pageActs_);
    settingsMenu_ = menuBar()->addMenu(QString());
    settingsMenu_->addAction(preferencesAct_);
    helpMenu_ = menuBar()->addMenu(QString());
    helpMenu_->addAction(helpAct_);
    helpMenu_->addAction(welcomeAct_);
    helpMenu_->addSeparator();
    helpMenu_->addAction(aboutAct_);
    helpMenu_->addAction(aboutQtAct_);
    for (auto* m : {fileMenu_, trainingMenu_, viewMenu_, settingsMenu_, helpMenu_}) m->setObjectName(QStringLiteral("menu"));

    toolbar_ = addToolBar(QString());
    toolbar_->setObjectName(QStringLiteral("mainToolbar"));
    toolbar_->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolbar_->setIconSize(QSize(22, 22));
    toolbar_->addActions({openDataAct_, openModelAct_, saveModelAct_});
    toolbar_->addSeparator();
    toolbar_->addActions({startAct_, pauseAct_, stopAct_});
    toolbar_->addSeparator();
    toolbar_->addAction(evaluateAct_);
}

void MainWindow::retranslateUi() {
    retranslateStatusWarnings();
    fileMenu_->setTitle(tr("&File"));
    recentDataMenu_->setTitle(tr("Recent &datasets"));
    recentModelMenu_->setTitle(tr("Recent &models"));
    trainingMenu_->setTitle(tr("&Training"));
    viewMenu_->setTitle(tr("&View"));
    settingsMenu_->setTitle(tr("&Settings"));
    helpMenu_->setTitle(tr("&Help"));
    toolbar_->setWindowTitle(tr("Main toolbar"));
    openDataAct_->setText(tr("&Open dataset…"));
    openDataAct_->setStatusTip(tr("Import a TSV or CSV file"));
    openModelAct_->setText(tr("Open &model…"));
    openModelAct_->setStatusTip(tr("Open a Hugging Face model folder"));
    saveModelAct_->setText(tr("&Save model"));
    saveModelAct_->setStatusTip(tr("Save the model as a Hugging Face folder"));
    saveModelAsAct_->setText(tr("Save model &as…"));
    quitAct_->setText(tr("&Quit"));
    startAct_->setText(tr("&Start training"));
    pauseAct_->setText(training_->state() == TrainingController::State::Paused ? tr("&Resume") : tr("&Pause"));
    stopAct_->setText(tr("S&top"));
    evaluateAct_->setText(tr("&Evaluate"));
    const QStringList pages = {tr("Data"), tr("Model"), tr("Hyperparameters"), tr("Train"),
                               tr("Evaluate"), tr("Predict"), tr("Attention"), tr("Runs")};
    for (int i = 0; i < PageCount; ++i) {
        pageActs_[i]->setText(pages[i]);
        sidebar_->item(i)->setText(QStringLiteral("%1  %2").arg(i + 1).arg(pages[i]));
    }
    preferencesAct_->setText(tr("&Preferences…"));
    helpAct_->setText(tr("User &guide"));
    welcomeAct_->setText(tr("&Welcome page"));
    aboutAct_->setText(tr("&About BertBench"));
    aboutQtAct_->setText(tr("About &Qt"));
    refreshRecentMenus();
    updateTitle();
    // A transient message in the old language would linger; a lasting state is said again.
    statusBar()->clearMessage();
    if (training_->state() == TrainingController::State::Paused)
        statusBar()->showMessage(tr("Paused — Resume (Ctrl+P) continues from the same step"));
}

void MainWindow::refreshRecentMenus() {
    QSettings settings;
    auto fill = [&](QMenu* menu, const QString& key, bool models) {
        menu->clear();
        for (const QString& path : settings.value(key).toStringList()) {
            auto* a = menu->addAction(QFileInfo(path).fileName(), this, [this, path, models] {
                if (models) openModelFolder(path);
                else openDataset(path);
            });
            a->setStatusTip(path);
            a->setToolTip(path);
        }
        menu->setToolTipsVisible(true);  // the full path: names alone are often alike (train.tsv)
        if (menu->isEmpty()) menu->addAction(tr("(none)"))->setEnabled(false);
    };
    fill(recentDataMenu_, QStringLiteral("recentDatasets"), false);
    fill(recentModelMenu_, QStringLiteral("recentModels"), true);
}

void MainWindow::updateActions() {
    const auto state = training_->state();
    const bool idle = state == TrainingController::State::Idle;
    startAct_->setEnabled(training_->canStart() && session_->hasData() && session_->hasModel() &&
                          hyperparameters_->isValid());
    pauseAct_->setEnabled(state == TrainingController::State::Running || state == TrainingController::State::Paused);
    pauseAct_->setText(state == TrainingController::State::Paused ? tr("&Resume") : tr("&Pause"));
    pauseAct_->setIcon(VectorIconEngine::icon(state == TrainingController::State::Paused ? QStringLiteral("start")
                                                                                          : QStringLiteral("pause")));
    stopAct_->setEnabled(state == TrainingController::State::Running || state == TrainingController::State::Paused);
    for (auto* a : {saveModelAct_, saveModelAsAct_, evaluateAct_}) a->setEnabled(idle && session_->hasModel());
    openModelAct_->setEnabled(idle);
}

void MainWindow::browseDataset() {
    const QString path = QFileDialog::getOpenFileName(this, tr("Open dataset"), QFileInfo(data_->file()).absolutePath(),
                                                      tr("Delimited text (*.tsv *.csv *.txt);;All files (*)"));
    openDataset(path);
}

void MainWindow::browseModel() {
    QStringList cacheFolders;
    for (const auto& folder : bertbench::hubCacheFolders()) cacheFolders << QString::fromStdString(folder);
    OpenModelDialog dialog(cacheFolders, QSettings().value(QStringLiteral("recentModels")).toStringList(), this);
    if (dialog.exec() == QDialog::Accepted) openModelFolder(dialog.folder());
}

bool MainWindow::saveModel(bool askFolder) {
    if (!session_->hasModel()) return false;
    QString folder = session_->model().folder;
    if (askFolder || folder.isEmpty()) folder = MessageDialogs::chooseFolder(this, tr("Save model into folder"));
    if (folder.isEmpty()) return false;
    session_->saveModel(folder);  // a folder holding a model is a question first
    return true;
}

void MainWindow::showPreferences() {
    SettingsDialog dialog(language_, this);
    if (dialog.exec() == QDialog::Accepted && dialog.language() != language_) setLanguage(dialog.language());
}

void MainWindow::showAbout() { AboutDialog(this).exec(); }

void MainWindow::showHelp(const QString& page) {
    // F1 opens the guide at the page the user is looking at.
    static const char* const kTopics[] = {"data.html",     "model.html",   "hyperparameters.html", "index.html",
                                          "evaluate.html", "predict.html", "predict.html",         "runs.html",
                                          "index.html"};
    static_assert(sizeof kTopics / sizeof *kTopics == Welcome + 1, "a help topic for every page");
    const QString topic = page.isEmpty() ? QString::fromLatin1(kTopics[int(currentPage())]) : page;
    if (!help_) {
        help_ = new HelpDialog(language_, this);
        help_->setAttribute(Qt::WA_DeleteOnClose);
    }
    help_->showTopic(topic);
    help_->show();
    help_->raise();
    help_->activateWindow();
}
