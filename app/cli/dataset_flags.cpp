#include "dataset_flags.h"

#include "common/errors.h"
#include "data/format_preset.h"
#include "data/label_set.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace bertbench::cli {

namespace {
// A header name, or a 0-based index (digits only, range-checked: no stoi on user text).
ColumnRef columnFrom(const std::string& text, const char* flag) {
    if (text.empty()) return {};
    if (text.find_first_not_of("0123456789") != std::string::npos) return ColumnRef::named(text);
    constexpr int kMaxColumn = 100000;
    const auto index = parseInteger(text);
    if (!index || *index > kMaxColumn)
        throw UsageError(std::string(flag) + ": column index " + text.substr(0, 20) + " is out of range (0.." +
                         std::to_string(kMaxColumn) + ")");
    return ColumnRef::at(int(*index));
}
}  // namespace

void DatasetFlags::addOptions(CLI::App& command) {
    command
        .add_option("--format", format,
                    unlabelled ? "cola (no header; sentence column 3), glue-tsv, csv or tsv; no label column is needed"
                               : "cola (no header; label column 1, sentence column 3), glue-tsv, csv or tsv")
        ->check(CLI::IsMember({"cola", "glue-tsv", "csv", "tsv"}))
        ->capture_default_str();
    command.add_option("--text-column", textColumn, "The text column: a header name or a 0-based index");
    command.add_option("--text-pair-column", textPairColumn, "A second text column, for sentence pairs");
    command.add_option("--label-column", labelColumn,
                       unlabelled ? "Ignored: masked-LM training reads only the text, so labels play no part"
                                  : "The label column: a header name or a 0-based index");
    auto* withHeader = command.add_flag("--header", header, "The first row names the columns");
    auto* without = command.add_flag("--no-header", noHeader, "The first row is data");
    withHeader->excludes(without);
    command.add_flag("--skip-bad-rows", skipBadRows,
                     "Skip malformed rows (bad quoting, too few columns, more columns than the header) and count "
                     "them in the summary instead of failing");
}

DataRequest DatasetFlags::request(const std::string& path) const {
    DataRequest request;
    request.path = path;
    request.options = importOptions();
    request.validationRatio = 0;
    return request;
}

ImportOptions DatasetFlags::importOptions(const std::vector<std::string>& labelNames) const {
    ImportOptions options;
    options.format = *parseFormatName(format);
    if (header) options.header = true;
    if (noHeader) options.header = false;
    options.skipBadRows = skipBadRows;
    options.textColumn = columnFrom(textColumn, "--text-column");
    options.textPairColumn = columnFrom(textPairColumn, "--text-pair-column");
    if (unlabelled) {
        options.unlabelled = true;
    } else {
        options.labelColumn = columnFrom(labelColumn, "--label-column");
        options.labelNames = labelNames;
    }
    return options;
}

void printImportSummary(const std::string& path, const std::vector<std::string>& labelNames,
                        const ImportReport& report) {
    std::cerr << path << ": " << report.rowsLoaded << " examples";
    if (report.rowsSkipped > 0) {
        std::cerr << ", " << report.rowsSkipped << " rows skipped";
        if (!report.skipped.empty())
            std::cerr << " (first at line " << report.skipped.front().line << ": " << report.skipped.front().reason << ")";
    }
    if (!labelNames.empty()) {
        std::cerr << "; classes:";
        for (size_t i = 0; i < labelNames.size(); ++i)
            std::cerr << ' ' << labelNames[i] << '=' << (i < report.classCounts.size() ? report.classCounts[i] : 0);
    }
    std::cerr << '\n';
}

}  // namespace bertbench::cli
