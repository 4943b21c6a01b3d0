// PreviewTableModel: the first rows of a delimited file as the import options
// would read them, for the Data page's live preview. Rows come from the
// engine's DelimitedReader (the same parser the import uses), so what the user
// sees is what gets imported. The columns chosen as text, pair and label are
// tinted. A file the reader rejects leaves the model empty with errorString().
#pragma once

#include <QAbstractTableModel>
#include <QStringList>
#include <QVector>

class PreviewTableModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum class Role { None, Text, Pair, Label };

    explicit PreviewTableModel(QObject* parent = nullptr);

    // Reads up to maxRows records; with header, the first record names the columns.
    // With skipBadRows, malformed records are left out as the import would
    // leave them out, instead of ending the preview with an error.
    void load(const QString& path, char delimiter, bool quoting, bool header, bool skipBadRows = false,
              int maxRows = 200);
    void clear();
    // -1 for "not shown"
    void setRoleColumns(int text, int pair, int label);

    QString errorString() const { return error_; }
    QStringList columnNames() const;  // header names, or "Column 1"... when there is no header
    bool hasHeader() const { return !header_.isEmpty(); }
    const QStringList& header() const { return header_; }
    const QVector<QStringList>& rows() const { return rows_; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

private:
    Role roleOf(int column) const;

    QStringList header_;
    QVector<QStringList> rows_;
    QVector<long> lines_;
    int columns_ = 0;
    int text_ = -1, pair_ = -1, label_ = -1;
    QString error_;
};
