// Where the columns an import needs sit in a row: ImportOptions' ColumnRefs
// (or the format's defaults) resolved against the file's header, if any.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "data/import_options.h"

namespace bertbench {

struct ResolvedColumn {
    int index = -1;           // -1: not used (the pair column, or the label column of an unlabelled import)
    std::string description;  // for messages: "\"sentence\"" or "3 (0-based)"
    bool used() const { return index >= 0; }
};

struct ColumnLayout {
    ResolvedColumn text, textPair, label;
    size_t width() const;  // the fewest fields a row needs
};

// `headerNames` holds the header row's trimmed names, or is null when the file has
// none. A name the header lacks, or an index beyond the header's width, throws
// FileError at headerLine listing the header's columns; a column named in a
// file without a header, or two roles on one column, throws UsageError.
ColumnLayout resolveColumns(const ImportOptions& options, const std::vector<std::string>* headerNames,
                            const std::string& path, long headerLine);

}  // namespace bertbench
