// RunTableModel: see run_table_model.h.
#include "models/run_table_model.h"

#include "experiments/recorded_metric.h"
#include "experiments/run_index.h"
#include "i18n/engine_messages.h"
#include "session/workbench_types.h"

#include <QDateTime>
#include <QFileInfo>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <cmath>
#include <limits>

using namespace bertbench;

namespace {

QString startedText(const std::string& iso) {
    const auto time = QDateTime::fromString(qs(iso), Qt::ISODate);
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat) : qs(iso);
}

double metricValue(const RunRecord& run) {
    return recordedMetric(run.bestValidation,
                          run.options.is_object() ? run.options.value("metric", std::string("mcc")) : "mcc");
}

}  // namespace

RunTableModel::RunTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void RunTableModel::setRoot(const QString& root) {
    root_ = root;
    refresh();
}

void RunTableModel::refresh() {
    beginResetModel();
    runs_ = indexRuns(ss(root_));
    endResetModel();
}

int RunTableModel::rowOf(const QString& folder) const {
    const QString wanted = QFileInfo(folder).absoluteFilePath();
    for (size_t i = 0; i < runs_.size(); ++i)
        if (QFileInfo(qs(runs_[i].path)).absoluteFilePath() == wanted) return int(i);
    return -1;
}

int RunTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(runs_.size()); }
int RunTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QString RunTableModel::statusText(RunStatus status) {
    switch (status) {
        case RunStatus::Running: return tr("running");
        case RunStatus::Finished: return tr("finished");
        case RunStatus::Stopped: return tr("stopped");
        case RunStatus::Failed: return tr("failed");
        case RunStatus::Unreadable: return tr("unreadable");
    }
    return {};
}

QString RunTableModel::metricText(const RunRecord& run) {
    const double value = metricValue(run);
    if (std::isnan(value)) return {};
    return QStringLiteral("%1 %2").arg(metricLabel(qs(run.options.value("metric", std::string("mcc")))),
                                       QLocale().toString(value, 'f', 3));
}

QString RunTableModel::durationText(double seconds) {
    if (seconds <= 0) return {};
    if (seconds < 9.95) return tr("%1 s").arg(QLocale().toString(seconds, 'f', 1));
    const qint64 s = qRound64(seconds);
    if (s < 60) return tr("%1 s").arg(s);
    if (s < 3600) return tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString RunTableModel::metricLabel(const QString& metric) {
    if (metric == QLatin1String("mcc")) return tr("MCC");
    if (metric == QLatin1String("accuracy")) return tr("accuracy");
    if (metric == QLatin1String("f1")) return tr("F1");
    if (metric == QLatin1String("loss")) return tr("validation loss");
    if (metric == QLatin1String("train_loss")) return tr("training loss");
    return metric;
}

QVariant RunTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid() || index.row() >= rowCount()) return {};
    const auto& run = runs_[size_t(index.row())];
    const bool unreadable = run.status == RunStatus::Unreadable;
    if (role == Qt::ForegroundRole && unreadable) return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
    if (role == Qt::ToolTipRole) {
        if (unreadable) return EngineMessages::translate(qs(run.problem));
        if (index.column() == Data) return tr("%1\ncontent hash %2").arg(qs(run.dataPath), qs(run.dataHash));
        if (index.column() == Model) return qs(run.architecture);
        return qs(run.path);
    }
    if (role == Qt::TextAlignmentRole && index.column() >= Metric)
        return int(Qt::AlignRight | Qt::AlignVCenter);
    const bool sorting = role == Qt::UserRole;
    if (role != Qt::DisplayRole && role != Qt::EditRole && !sorting) return {};
    switch (Column(index.column())) {
        case Name: return qs(run.name);
        case Started: return sorting ? QVariant(qs(run.startedAt)) : QVariant(startedText(run.startedAt));
        case Status: return sorting ? QVariant(int(run.status)) : QVariant(statusText(run.status));
        case Model: return qs(run.family);
        case Data: return QFileInfo(qs(run.dataPath)).fileName();
        case Metric: {
            const double value = metricValue(run);
            if (sorting) return std::isnan(value) ? QVariant(-1e300) : QVariant(value);
            return metricText(run);
        }
        case FinalLoss:
            if (sorting) return run.steps > 0 ? run.finalLoss : 1e300;
            return run.steps > 0 ? QLocale().toString(run.finalLoss, 'f', 4) : QString();
        case Steps:
            if (sorting) return qint64(run.steps);
            return run.totalSteps > 0 ? QStringLiteral("%1 / %2").arg(run.steps).arg(run.totalSteps)
                                      : (run.steps > 0 ? QString::number(run.steps) : QString());
        case Duration: return sorting ? QVariant(run.trainSeconds) : QVariant(durationText(run.trainSeconds));
        case Throughput:
            if (sorting) return run.samplesPerSecond;
            return run.samplesPerSecond > 0 ? QLocale().toString(run.samplesPerSecond, 'f', 0) : QString();
        case ColumnCount: break;
    }
    return {};
}

QVariant RunTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (Column(section)) {
        case Name: return tr("Name");
        case Started: return tr("Started");
        case Status: return tr("Status");
        case Model: return tr("Model");
        case Data: return tr("Data");
        case Metric: return tr("Best validation");
        case FinalLoss: return tr("Final loss");
        case Steps: return tr("Steps");
        case Duration: return tr("Training time");
        case Throughput: return tr("Samples/s");
        case ColumnCount: break;
    }
    return {};
}

Qt::ItemFlags RunTableModel::flags(const QModelIndex& index) const {
    auto flags = QAbstractTableModel::flags(index);
    if (index.isValid() && index.column() == Name && run(index.row()).status != RunStatus::Unreadable)
        flags |= Qt::ItemIsEditable;
    return flags;
}

bool RunTableModel::setData(const QModelIndex& index, const QVariant& value, int role) {
    if (role != Qt::EditRole || index.column() != Name) return false;
    const QString name = value.toString().trimmed();
    auto& run = runs_[size_t(index.row())];
    if (name.isEmpty() || name == qs(run.name)) return false;
    try {
        renameRun(run.path, ss(name));
    } catch (const std::exception& e) {
        emit renameFailed(EngineMessages::translate(qs(e.what())));
        return false;
    }
    run.name = ss(name);
    emit dataChanged(index, index);
    return true;
}
