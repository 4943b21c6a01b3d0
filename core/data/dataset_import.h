// Reading a dataset, labelled or not, from a delimited file (see import_options.h for
// what can be asked), with a report of what was read and what was skipped.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "data/dataset.h"
#include "data/import_options.h"

namespace bertbench {

struct SkippedRow {
    long line = 0;
    std::string reason;
};

struct ImportReport {
    static constexpr size_t kMaxSkippedDetails = 1000;

    size_t rowsRead = 0;     // data rows (not the header, not blank lines)
    size_t rowsLoaded = 0;   // rows that became examples
    size_t rowsSkipped = 0;  // all of them, though `skipped` keeps only the first kMaxSkippedDetails
    std::vector<SkippedRow> skipped;
    long blankLines = 0;              // lines with nothing on them, which hold no row
    std::vector<size_t> classCounts;  // examples per label id; empty for an unlabelled import
};

// Reads `path` as `options` say. A row with an empty text or second text, text
// that is not UTF-8, an empty label or (for a preset's label set, as CoLA's
// 0/1) a label outside the set is skipped and recorded in the report with its
// line and the reason. A malformed row (a quoting error, too few columns, more
// columns than the header) is skipped and recorded the same way with
// options.skipBadRows, and otherwise throws FileError at its line, the message
// ending in a hint to turn that option on. Throws FileError (with the line
// where one applies) for an unreadable file, a malformed header, a header
// lacking a named column, a label outside options.labelNames, or a file
// without one usable row; UsageError for options that contradict each other;
// OperationCancelled when options.progress returns false. With
// options.unlabelled no label is read (see import_options.h), so no row is
// skipped for its label.
Dataset importDataset(const std::string& path, const ImportOptions& options, ImportReport* report = nullptr);

}  // namespace bertbench
