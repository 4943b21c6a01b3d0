// RunsPage: the run history and the experiments on it. A table lists every
// run under the runs folder (the window's own runs, or any folder chosen),
// renamed in place; the runs selected are compared below (curves, settings,
// metrics). A selected run can be reproduced or repeated with three other
// seeds, and a sweep starts from a selected run or from the current model,
// data and Hyperparameters form. Experiments run in a session of their own
// (ExperimentRunner), so the model and data of the other pages stay as they are.
#pragma once

#include <QWidget>

#include <functional>

class ExperimentProgressView;
class ExperimentRunner;
class HyperparametersPage;
class RunCompareView;
class RunTableModel;
class TrainingController;
class WorkbenchSession;
class QLabel;
class QLineEdit;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class SweepDialog;

class RunsPage : public QWidget {
    Q_OBJECT

public:
    RunsPage(WorkbenchSession* session, TrainingController* training, HyperparametersPage* hyperparameters,
             QWidget* parent = nullptr);

    void setRoot(const QString& folder);
    QString root() const;
    void refresh();  // reads the runs folder again; the selection is kept
    // Selects the runs in these folders (and compares them).
    void selectRuns(const QStringList& folders);
    QStringList selectedRuns() const;

    void reproduceSelected();
    void repeatSelected();
    // Opens the sweep dialog, or, with `configure`, hands it over first (tests
    // fill it in and accept it; the window passes nothing and shows it).
    void newSweep(const std::function<void(SweepDialog&)>& configure = {});

    RunTableModel* runs() const { return model_; }
    QTableView* table() const { return view_; }
    QString detailsText() const;  // the selected run's command and runtime
    RunCompareView* compare() const { return compare_; }
    ExperimentProgressView* progress() const { return progress_; }
    ExperimentRunner* runner() const { return runner_; }

signals:
    // An experiment started or ended: the window lets no training start beside it.
    void experimentActiveChanged(bool active);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;

private:
    void retranslateUi();
    void selectionChanged();
    void updateButtons();
    void failed(const QString& message);
    QString selectedRun() const;  // the one readable run selected, or ""

    WorkbenchSession* session_;
    TrainingController* training_;
    HyperparametersPage* hyperparameters_;
    ExperimentRunner* runner_;
    RunTableModel* model_;
    QSortFilterProxyModel* sorted_;
    QLabel *folderLabel_, *details_;
    QLineEdit* folder_;
    QPushButton *browse_, *refresh_, *reproduce_, *repeat_, *sweep_;
    QTableView* view_;
    QTabWidget* tabs_;
    RunCompareView* compare_;
    ExperimentProgressView* progress_;
    bool selectingRuns_ = false;  // selectRuns() at work: not the user's choice
};
