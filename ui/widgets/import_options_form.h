// ImportOptionsForm: the Data page's "How to read it" box — format preset,
// delimiter, header, quoting and the text, second-text and label columns.
// It tints the chosen columns in the shared preview model and turns the
// choices into the engine's ImportOptions; it never reads the file itself:
// readingChanged() tells the page that the preview must be read again.
#pragma once

#include "data/import_options.h"

#include <QGroupBox>

class PreviewTableModel;
class QCheckBox;
class QComboBox;
class QLabel;

class ImportOptionsForm : public QGroupBox {
    Q_OBJECT

public:
    explicit ImportOptionsForm(PreviewTableModel* preview, QWidget* parent = nullptr);

    bertbench::DatasetFormat format() const;
    // Selects the format and resets delimiter, header, quoting and columns to its defaults.
    void setFormat(bertbench::DatasetFormat format);
    char delimiter() const;
    bool header() const;
    bool quoting() const;
    // Everything but the label names and the progress callback.
    bertbench::ImportOptions options() const;
    // The reading options of `options` (format, delimiter, header, quoting, skip
    // bad rows); the columns follow with setColumns() once the preview is read.
    void setReading(const bertbench::ImportOptions& options);
    void setColumns(const bertbench::ImportOptions& options);
    // For a newly chosen file: each role whose format default is not in the
    // preview gets the column guessed from names and content (never an error
    // for a default the file lacks). Returns the note shown under the columns.
    QString guessMissingColumns();
    // Refills the column choices from the preview's columns, keeping what can be kept.
    void refreshColumnChoices();

signals:
    void readingChanged();  // format, delimiter, header or quoting: the preview is stale

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslateUi();
    void updateRoleColumns();
    int resolvedColumn(QComboBox* combo, const bertbench::ColumnRef& fallback) const;
    void selectColumn(QComboBox* combo, const bertbench::ColumnRef& column);

    PreviewTableModel* preview_;
    QLabel *presetLabel_, *delimiterLabel_, *textLabel_, *pairLabel_, *labelLabel_;
    QComboBox* preset_;
    QComboBox* delimiter_;
    QCheckBox* header_;
    QCheckBox* quoting_;
    QCheckBox* skipBadRows_;
    QLabel* guessNote_;
    QComboBox *textColumn_, *pairColumn_, *labelColumn_;
};
