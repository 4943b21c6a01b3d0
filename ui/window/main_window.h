// MainWindow: the workbench's frame — a sidebar leading through the flow
// (Data → Model → Hyperparameters → Train → Evaluate → Predict → Attention)
// over a page stack, menus with standard shortcuts, a toolbar, status bar
// messages, drag-and-drop of dataset files, settings that persist between
// launches, and a question before unsaved training is thrown away. It owns
// the session and the worker-thread controllers; pages only talk to those.
#pragma once

#include <QMainWindow>
#include <QStringList>

class AttentionPage;
class DataPage;
class EvaluatePage;
class HyperparametersPage;
class ModelPage;
class PredictPage;
class PredictionService;
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
    enum Page { Data, Model, Hyperparameters, Train, Evaluate, Predict, Attention, PageCount };

    // With no dataset given, the bundled CoLA data is imported and a tiny model created.
    explicit MainWindow(const QString& dataset = {}, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showPage(Page page);
    Page currentPage() const;
    QWidget* page(Page page) const;
    void openDataset(const QString& path);
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

protected:
    void closeEvent(QCloseEvent* event) override;
    void changeEvent(QEvent* event) override;
    void dragEnterEvent(QDragEnterEvent* event) override;
    void dropEvent(QDropEvent* event) override;

private:
    void createActions();
    void createMenus();
    void retranslateUi();
    void loadBundledData();
    void readSettings();
    void writeSettings() const;
    void rememberRecent(const QString& key, const QString& path);
    void refreshRecentMenus();
    void updateActions();
    void updateTitle();
    bool confirmDiscardTraining(const QString& question);
    void browseDataset();
    void browseModel();
    void saveModel(bool askFolder);
    void showPreferences();
    void showAbout();
    void sendToPredictAndAttention(const QString& sentence);

    WorkbenchSession* session_;
    TrainingController* training_;
    PredictionService* prediction_;

    QListWidget* sidebar_;
    QStackedWidget* stack_;
    DataPage* data_;
    ModelPage* model_;
    HyperparametersPage* hyperparameters_;
    TrainPage* train_;
    EvaluatePage* evaluate_;
    PredictPage* predict_;
    AttentionPage* attention_;
    QLabel* statusModel_;
    QProgressBar* statusProgress_;

    QMenu *fileMenu_, *recentDataMenu_, *recentModelMenu_, *trainingMenu_, *viewMenu_, *settingsMenu_, *helpMenu_;
    QToolBar* toolbar_;
    QAction *openDataAct_, *openModelAct_, *saveModelAct_, *saveModelAsAct_, *quitAct_;
    QAction *startAct_, *pauseAct_, *stopAct_, *evaluateAct_;
    QAction *preferencesAct_, *aboutAct_, *aboutQtAct_;
    QList<QAction*> pageActs_;
    QString language_;
};
