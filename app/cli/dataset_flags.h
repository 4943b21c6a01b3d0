// The dataset options train, eval and mlm share: --format, columns, header,
// --skip-bad-rows.
#pragma once

#include "data/dataset_import.h"
#include "session/session_types.h"

#include <string>

namespace CLI {
class App;
}

namespace bertbench::cli {

struct DatasetFlags {
    std::string format = "cola";
    std::string textColumn, textPairColumn, labelColumn;  // a header name or a 0-based index
    bool header = false, noHeader = false;
    bool skipBadRows = false;  // ImportOptions::skipBadRows
    // Read no labels (mlm): --label-column is accepted but ignored. Set before addOptions().
    bool unlabelled = false;

    void addOptions(CLI::App& command);
    // ImportOptions for these flags; labelNames fixes the label set (evaluation files).
    ImportOptions importOptions(const std::vector<std::string>& labelNames = {}) const;
    // A session request for `path` read with these flags, nothing split off.
    DataRequest request(const std::string& path) const;
};

// Prints a one-line summary of an import (rows, skipped, classes if labelled) to stderr.
void printImportSummary(const std::string& path, const std::vector<std::string>& labelNames,
                        const ImportReport& report);

}  // namespace bertbench::cli
