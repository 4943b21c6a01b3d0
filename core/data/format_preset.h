// The defaults each DatasetFormat stands for, and the formats' names as the
// CLI and the GUI spell them.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "data/import_options.h"

namespace bertbench {

struct FormatPreset {
    bool header = true;
    char delimiter = ',';
    bool quoting = true;
    // Labels the format defines (CoLA: 0/1 are named unacceptable/acceptable as
    // in the reference model's id2label), with the raw values that stand for
    // them. Empty for formats whose labels come from the data.
    std::vector<std::string> labelNames;
    std::vector<std::pair<std::string, std::string>> labelAliases;  // raw value -> label name
};

FormatPreset formatPreset(DatasetFormat format);

struct DefaultColumns {
    ColumnRef text, label;
};
// With a header, columns are found by name: Cola none (it has no names),
// GlueTsv "sentence"/"label", Csv and Tsv "text"/"label". Without one, by
// index: Cola label 1 / text 3, GlueTsv text 0 / label 1 (as SST-2), Csv and
// Tsv label 0 / text 1 (as the original AG News and Yelp files).
DefaultColumns defaultColumns(DatasetFormat format, bool header);

std::string_view formatName(DatasetFormat format);  // "cola", "glue-tsv", "csv", "tsv"
std::optional<DatasetFormat> parseFormatName(std::string_view name);

}  // namespace bertbench
