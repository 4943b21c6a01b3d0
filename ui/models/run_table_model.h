// RunTableModel: the run history as a table — one row per run folder under a
// runs root (core/experiments/run_index), newest first: name (editable: kept
// in the run's run.json), start, status, model, data, best validation metric,
// final loss, steps, training time and throughput. Unreadable folders are
// rows too, greyed, with the reason as their tooltip. Qt::UserRole gives the
// raw value a column sorts by.
#pragma once

#include "experiments/run_record.h"

#include <QAbstractTableModel>
#include <vector>

class RunTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Name, Started, Status, Model, Data, Metric, FinalLoss, Steps, Duration, Throughput, ColumnCount };

    explicit RunTableModel(QObject* parent = nullptr);

    // Reads every run under `root` again.
    void setRoot(const QString& root);
    QString root() const { return root_; }
    void refresh();
    const bertbench::RunRecord& run(int row) const { return runs_.at(size_t(row)); }
    const std::vector<bertbench::RunRecord>& runs() const { return runs_; }
    int rowOf(const QString& folder) const;  // -1 when not listed

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex& index) const override;
    bool setData(const QModelIndex& index, const QVariant& value, int role = Qt::EditRole) override;

    // A status in words, translated ("finished", "stopped", ...).
    static QString statusText(bertbench::RunStatus status);
    // The run's best validation value of the metric it chose ("" without validation).
    static QString metricText(const bertbench::RunRecord& run);
    // A metric's key ("mcc", "accuracy", "f1", "loss", "train_loss") in words, translated.
    static QString metricLabel(const QString& metric);
    // "45 s", "3 min 05 s", "2 h 10 min"; "" for no time.
    static QString durationText(double seconds);

signals:
    void renameFailed(const QString& message);

private:
    QString root_;
    std::vector<bertbench::RunRecord> runs_;
};
