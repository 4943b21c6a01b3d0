// ExampleTableModel: the examples of an evaluated split with the model's
// prediction, its confidence and whether it was right, for the Evaluate
// page's browser. Sorting uses SortRole (numbers as numbers); ExampleFilterModel
// narrows it to mistakes/correct ones, to one confusion-matrix cell and to a
// text search.
#pragma once

#include "session/workbench_types.h"

#include <QAbstractTableModel>
#include <QSortFilterProxyModel>

class ExampleTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column { Line, Sentence, TrueLabel, Predicted, Confidence, Correct, ColumnCount };
    static constexpr int SortRole = Qt::UserRole + 1;
    static constexpr int CorrectRole = Qt::UserRole + 2;
    static constexpr int TrueIdRole = Qt::UserRole + 3;       // label ids, for the confusion-matrix cell filter
    static constexpr int PredictedIdRole = Qt::UserRole + 4;

    using QAbstractTableModel::QAbstractTableModel;

    void setOutcome(const EvaluationOutcome& outcome);
    QString sentence(int row) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    EvaluationOutcome outcome_;
};

class ExampleFilterModel : public QSortFilterProxyModel {
    Q_OBJECT

public:
    enum class Show { All, Mistakes, Correct };
    using QSortFilterProxyModel::QSortFilterProxyModel;

    void setShow(Show show);
    // Only the examples of one confusion-matrix cell; -1, -1 = every cell.
    void setCell(int trueLabel, int predicted);
    bool hasCell() const { return cellTrue_ >= 0; }

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show show_ = Show::All;
    int cellTrue_ = -1, cellPredicted_ = -1;
};
