// PreviewTableModel: see preview_table_model.h.
#include "models/preview_table_model.h"

#include "common/errors.h"
#include "i18n/engine_messages.h"
#include "data/delimited_reader.h"

#include <QColor>
#include <QFont>

PreviewTableModel::PreviewTableModel(QObject* parent) : QAbstractTableModel(parent) {}

void PreviewTableModel::clear() {
    beginResetModel();
    header_.clear();
    rows_.clear();
    lines_.clear();
    columns_ = 0;
    error_.clear();
    endResetModel();
}

void PreviewTableModel::load(const QString& path, char delimiter, bool quoting, bool header, bool skipBadRows,
                             int maxRows) {
    beginResetModel();
    header_.clear();
    rows_.clear();
    lines_.clear();
    columns_ = 0;
    error_.clear();
    try {
        bertbench::DelimitedReaderOptions options;
        options.delimiter = delimiter;
        options.quoting = quoting;
        options.recoverFromErrors = skipBadRows;
        bertbench::DelimitedReader reader(path.toStdString(), options);
        bertbench::DelimitedRecord record;
        bool first = true;
        while (rows_.size() < maxRows && reader.next(record)) {
            if (!record.error.empty()) continue;  // only when recovering: the import skips it too
            QStringList fields;
            for (const auto& f : record.fields) fields << QString::fromUtf8(f.data(), int(f.size()));
            columns_ = std::max(columns_, int(fields.size()));
            if (first && header) {
                header_ = fields;
            } else {
                rows_ << fields;
                lines_ << record.line;
            }
            first = false;
        }
    } catch (const bertbench::Error& e) {
        error_ = EngineMessages::translate(QString::fromUtf8(e.what()));
    } catch (const std::exception& e) {
        error_ = EngineMessages::translate(QString::fromUtf8(e.what()));
    }
    endResetModel();
}

void PreviewTableModel::setRoleColumns(int text, int pair, int label) {
    text_ = text;
    pair_ = pair;
    label_ = label;
    if (columns_ > 0) {
        emit dataChanged(index(0, 0), index(rowCount() - 1, columns_ - 1), {Qt::BackgroundRole, Qt::FontRole});
        emit headerDataChanged(Qt::Horizontal, 0, columns_ - 1);
    }
}

QStringList PreviewTableModel::columnNames() const {
    QStringList names;
    for (int c = 0; c < columns_; ++c)
        names << (c < header_.size() && !header_[c].isEmpty() ? header_[c] : tr("Column %1").arg(c + 1));
    return names;
}

PreviewTableModel::Role PreviewTableModel::roleOf(int column) const {
    if (column == text_) return Role::Text;
    if (column == pair_) return Role::Pair;
    if (column == label_) return Role::Label;
    return Role::None;
}

int PreviewTableModel::rowCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : int(rows_.size()); }

int PreviewTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : columns_; }

QVariant PreviewTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const auto& row = rows_[index.row()];
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        return index.column() < row.size() ? row[index.column()] : QString();
    case Qt::BackgroundRole:
        switch (roleOf(index.column())) {
        case Role::Text: return QColor(226, 236, 250);
        case Role::Pair: return QColor(232, 244, 232);
        case Role::Label: return QColor(252, 240, 214);
        case Role::None: return {};
        }
        return {};
    case Qt::ForegroundRole:
        return roleOf(index.column()) == Role::None ? QVariant() : QVariant(QColor(30, 30, 30));
    default:
        return {};
    }
}

QVariant PreviewTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (role != Qt::DisplayRole && role != Qt::FontRole) return {};
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole && section < lines_.size() ? QVariant(tr("line %1").arg(lines_[section]))
                                                                  : QVariant();
    const QString name = columnNames().value(section);
    const Role r = roleOf(section);
    if (role == Qt::FontRole) {
        QFont f;
        f.setBold(r != Role::None);
        return f;
    }
    switch (r) {
    case Role::Text: return tr("%1 (text)").arg(name);
    case Role::Pair: return tr("%1 (second text)").arg(name);
    case Role::Label: return tr("%1 (label)").arg(name);
    case Role::None: return name;
    }
    return name;
}
