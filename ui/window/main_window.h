// MainWindow: the workbench's frame — a sidebar leading through the flow
// (Data → Model → Hyperparameters → Train → Evaluate → Predict → Attention,
// then Runs: the history and experiments)
// over a page stack, menus with standard shortcuts, a toolbar, status bar
// messages, drag-and-drop of dataset files, settings that persist between
// launches, and a question before unsaved training is thrown away. It owns
// the session and the worker-thread controllers; pages only talk to those.
#pragma once

#include "pages/welcome_page.h"
#include "session/workbench_types.h"

#include <QMainWindow>
#include <QPointer>
#include <QStringList>
#include <optional>

class AttentionPage;
class HelpDialog;
class DataPage;
class EvaluatePage;
class HyperparametersPage;
class ModelPage;
class PredictPage;
class RunsPage;
class PredictionService;
class ExplainService;
class TrainPage;
class TrainingController;
class WorkbenchSession;
class QLabel;
class QListWidget;
class QMenu;
class QProgressBar;
class QStackedWidget;

class MainWindow : public QMainWindow {
    Q_OBJECT

public:
    // Welcome is not in the sidebar: the first launch's start page, and Help → Welcome.
    enum Page { Data, Model, Hyperparameters, Train, Evaluate, Predict, Attention, Runs, PageCount, Welcome = PageCount };

    // With a dataset, it is shown in the Data page's preview. Without one, the
    // last session's dataset and model are reopened; on a first launch (or when
    // they are gone) the welcome page offers the bundled samples.
    explicit MainWindow(const QString& dataset = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    QWidget* page(Page page) const;
    // Shows `path` in the Data page's preview with guessed columns; the user imports.
    void openDataset(const QString& path);
    // A welcome page choice: a bundled sample loaded with a model that suits it,
    // or the user's own file.
    void startWith(WelcomePage::Choice choice);
    void showHelp(const QString& page = {});
    void openModelFolder(const QString& folder);  // asks before discarding unsaved training
    void setLanguage(const QString& code);        // "" = system

    WorkbenchSession* session() const { return session_; }
    TrainingController* training() const { return training_; }
    DataPage* dataPage() const { return data_; }
    ModelPage* modelPage() const { return model_; }
    HyperparametersPage* hyperparametersPage() const { return hyperparameters_; }
    TrainPage* trainPage() const { return train_; }
    EvaluatePage* evaluatePage() const { return evaluate_; }
    PredictPage* predictPage() const { return predict_; }
    AttentionPage* attentionPage() const { return attention_; }
    RunsPage* runsPage() const { return runs_; }
    WelcomePage* welcomePage() const { return welcome_; }

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void retranslateStatusWarnings();
    void extractBundledData();
    bool reopenLastSession();
    void rememberSession() const;
    void createModelAfterImport(const NewModelSpec& spec);
    void readSettings();
    void writeSettings() const;
    void rememberRecent(const QString& key, const QString& path);
    void refreshRecentMenus();
    void updateActions();
    void updateTitle();
    bool confirmDiscardTraining(const QString& question);
    void browseDataset();
    void browseModel();
    // False when no folder was chosen; the save itself finishes later (modelSaved).
    bool saveModel(bool askFolder);
    void showPreferences();
    void showAbout();
    void sendToPredictAndAttention(const QString& sentence);

    WorkbenchSession* session_;
    TrainingController* training_;
    PredictionService* prediction_;
    ExplainService* explain_;

    QListWidget* sidebar_;
    QStackedWidget* stack_;
    DataPage* data_;
    ModelPage* model_;
    HyperparametersPage* hyperparameters_;
    TrainPage* train_;
    EvaluatePage* evaluate_;
    PredictPage* predict_;
    AttentionPage* attention_;
    RunsPage* runs_;
    WelcomePage* welcome_;
    QLabel* statusModel_;
    QProgressBar* statusProgress_;

    QMenu *fileMenu_, *recentDataMenu_, *recentModelMenu_, *trainingMenu_, *viewMenu_, *settingsMenu_, *helpMenu_;
    QToolBar* toolbar_;
    QAction *openDataAct_, *openModelAct_, *saveModelAct_, *saveModelAsAct_, *quitAct_;
    QAction *startAct_, *pauseAct_, *stopAct_, *evaluateAct_;
    QAction *preferencesAct_, *helpAct_, *welcomeAct_, *aboutAct_, *aboutQtAct_;
    QList<QAction*> pageActs_;
    QString language_;
    std::optional<NewModelSpec> modelAfterImport_;  // made once the pending import is in
    QPointer<HelpDialog> help_;
    bool closeAfterSave_ = false;                   // the quit prompt's Save: close once it is written
};
