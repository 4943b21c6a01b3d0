// ExampleTableModel and ExampleFilterModel: see example_table_model.h.
#include "models/example_table_model.h"

#include <QLocale>
#include <QColor>

void ExampleTableModel::setOutcome(const EvaluationOutcome& outcome) {
    beginResetModel();
    outcome_ = outcome;
    endResetModel();
}

QString ExampleTableModel::sentence(int row) const {
    if (!outcome_.data || row < 0 || row >= rowCount()) return {};
    return qs(outcome_.data->examples[size_t(row)].text);
}

int ExampleTableModel::rowCount(const QModelIndex& parent) const {
    if (parent.isValid() || !outcome_.data) return 0;
    return int(std::min(outcome_.data->examples.size(), outcome_.result.predicted.size()));
}

int ExampleTableModel::columnCount(const QModelIndex& parent) const { return parent.isValid() ? 0 : ColumnCount; }

QVariant ExampleTableModel::data(const QModelIndex& index, int role) const {
    if (!index.isValid()) return {};
    const auto& ex = outcome_.data->examples[size_t(index.row())];
    const auto& names = outcome_.data->labelNames;
    const int predicted = outcome_.result.predicted[size_t(index.row())];
    const float confidence = outcome_.result.confidence[size_t(index.row())];
    const bool correct = predicted == ex.label;
    auto labelName = [&](int id) { return id >= 0 && size_t(id) < names.size() ? qs(names[size_t(id)]) : QString::number(id); };
    if (role == CorrectRole) return correct;
    if (role == TrueIdRole) return ex.label;
    if (role == PredictedIdRole) return predicted;
    if (role == Qt::DisplayRole || role == SortRole || role == Qt::ToolTipRole) {
        switch (index.column()) {
        case Line: return qlonglong(ex.line);
        case Sentence: return ex.textPair.empty() ? qs(ex.text) : qs(ex.text) + QStringLiteral("  ‖  ") + qs(ex.textPair);
        case TrueLabel: return labelName(ex.label);
        case Predicted: return labelName(predicted);
        case Confidence:
            return role == SortRole ? QVariant(double(confidence)) : QVariant(QLocale().toString(confidence * 100, 'f', 1) + QStringLiteral(" %"));
        case Correct:
            return role == SortRole ? QVariant(int(correct)) : QVariant(correct ? tr("✓ right") : tr("✗ wrong"));
        }
    }
    if (role == Qt::ForegroundRole && index.column() == Correct)
        return correct ? QColor(0x2e, 0x7d, 0x32) : QColor(0xb2, 0x22, 0x22);
    if (role == Qt::TextAlignmentRole && (index.column() == Confidence || index.column() == Line))
        return int(Qt::AlignRight | Qt::AlignVCenter);
    return {};
}

QVariant ExampleTableModel::headerData(int section, Qt::Orientation orientation, int role) const {
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) return {};
    switch (section) {
    case Line: return tr("Line");
    case Sentence: return tr("Sentence");
    case TrueLabel: return tr("True label");
    case Predicted: return tr("Predicted");
    case Confidence: return tr("Confidence");
    case Correct: return tr("Result");
    }
    return {};
}

void ExampleFilterModel::setCell(int trueLabel, int predicted) {
    cellTrue_ = trueLabel;
    cellPredicted_ = predicted;
    invalidateFilter();
}

void ExampleFilterModel::setShow(Show show) {
    show_ = show;
    invalidateFilter();
}

bool ExampleFilterModel::filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const {
    const QModelIndex any = sourceModel()->index(sourceRow, 0, sourceParent);
    const bool correct = any.data(ExampleTableModel::CorrectRole).toBool();
    if (show_ == Show::Mistakes && correct) return false;
    if (show_ == Show::Correct && !correct) return false;
    if (cellTrue_ >= 0 && (any.data(ExampleTableModel::TrueIdRole).toInt() != cellTrue_ ||
                           any.data(ExampleTableModel::PredictedIdRole).toInt() != cellPredicted_))
        return false;
    return QSortFilterProxyModel::filterAcceptsRow(sourceRow, sourceParent);
}
