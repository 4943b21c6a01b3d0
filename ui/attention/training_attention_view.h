// TrainingAttentionView: how attention changed during a run. Each evaluation
// of a run stores the attention of a few probe sentences in the run folder
// (RUN/attention_probes/, see core/training/attention_probes.h); a slider goes
// through those snapshots, step by step, for the chosen probe, layer and head.
// It follows the run that is training (a new snapshot appears after each
// evaluation) and can open any earlier run folder.
#pragma once

#include "training/attention_probes.h"

#include <QWidget>
#include <vector>

class ExplainService;
class HeadsView;
class QComboBox;
class QLabel;
class QPushButton;
class QSlider;

class TrainingAttentionView : public QWidget {
    Q_OBJECT

public:
    explicit TrainingAttentionView(ExplainService* service, QWidget* parent = nullptr);

    void loadRun(const QString& runDir);
    // A training evaluation wrote `probeFile` (RUN/attention_probes/step-N…): reload its run.
    void snapshotWritten(const QString& probeFile);
    QString runDir() const { return runDir_; }
    int snapshotCount() const { return int(snapshots_.size()); }
    void showSnapshot(int index);
    void setProbe(int index);
    QSlider* slider() const { return slider_; }
    HeadsView* heads() const { return heads_; }
    QString stepText() const;

signals:
    void loaded();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void setStatus(const QString& text);
    void redraw();
    void browse();

    ExplainService* service_;
    QString runDir_;
    int pending_ = -1;        // a whole run folder
    int pendingNewest_ = -1;  // one new snapshot of the run shown
    std::vector<bertbench::AttentionProbeSnapshot> snapshots_;
    QLabel *runLabel_, *probeLabel_, *stepLabel_, *status_;
    QPushButton* open_;
    QComboBox* probe_;
    QSlider* slider_;
    HeadsView* heads_;
};
