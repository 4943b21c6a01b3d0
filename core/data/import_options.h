// What importDataset() should read from a file: its format preset, the columns
// holding the text(s) and the label (or that there is none), and optionally the
// label set a model already has (when importing evaluation data for it).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace bertbench {

enum class DatasetFormat {
    Cola,     // CoLA raw release: TSV, no header; label in column 1, sentence in column 3
    GlueTsv,  // GLUE-style TSV with a header; "sentence" and "label" columns
    Csv,      // RFC 4180 CSV with a header; "text" and "label" columns
    Tsv,      // TSV with a header (quotes are literal); "text" and "label" columns
};

// A column, by header name or by 0-based index; neither set = the format's default
// (for textPairColumn: no second text).
struct ColumnRef {
    std::string name;
    int index = -1;

    static ColumnRef named(std::string columnName) { return {std::move(columnName), -1}; }
    static ColumnRef at(int columnIndex) { return {{}, columnIndex}; }
    bool isSet() const { return !name.empty() || index >= 0; }
};

struct ImportOptions {
    DatasetFormat format = DatasetFormat::Csv;
    std::optional<bool> header;     // unset: the format's default (see formatPreset)
    std::optional<char> delimiter;  // unset: ',' for Csv, '\t' otherwise
    std::optional<bool> quoting;    // unset: on for Csv, off for the TSV formats
    ColumnRef textColumn, textPairColumn, labelColumn;

    // No label column (masked-LM training reads only the text): labelColumn and
    // the format's default label column are ignored, every example gets label 0
    // and the dataset has no label names. Contradicts a non-empty labelNames.
    bool unlabelled = false;

    // A fixed label set (a model's id2label, in id order). Empty: labels are
    // taken from the data. When set, a label the set lacks is an error, not a
    // skipped row, because evaluating on it would be meaningless.
    std::vector<std::string> labelNames;

    // What a malformed row does: a quoting error, fewer fields than the
    // columns the import needs, or (with a header) more fields than the header
    // has, which usually means an unquoted delimiter inside a text. false: the
    // import fails with a FileError naming the line. true: the row is skipped
    // and listed in ImportReport::skipped like a row with an empty text, and
    // reading goes on at the next line. Rows that parse but hold no usable
    // example (empty text, a bad label, ...) are skipped either way.
    bool skipBadRows = false;

    // Fraction of the file read so far, from 0 to 1; returning false cancels
    // the import with OperationCancelled.
    std::function<bool(double fraction)> progress;
};

}  // namespace bertbench
