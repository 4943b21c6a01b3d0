// ExampleTableModel: the examples of an evaluated split with the model's
// prediction, its confidence and whether it was right, for the Evaluate
// page's browser. Sorting uses SortRole (numbers as numbers); ExampleFilterModel
// narrows it to mistakes/correct ones and to a text search.
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

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex& sourceParent) const override;

private:
    Show show_ = Show::All;
};
