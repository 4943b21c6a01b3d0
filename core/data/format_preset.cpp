// The format presets' table.
#include "data/format_preset.h"

namespace bertbench {

FormatPreset formatPreset(DatasetFormat format) {
    FormatPreset preset;
    switch (format) {
    case DatasetFormat::Cola:
        preset.header = false;
        preset.delimiter = '\t';
        preset.quoting = false;
        preset.labelNames = {"unacceptable", "acceptable"};
        preset.labelAliases = {{"0", "unacceptable"}, {"1", "acceptable"}};
        break;
    case DatasetFormat::GlueTsv:
    case DatasetFormat::Tsv:
        preset.delimiter = '\t';
        preset.quoting = false;  // GLUE's loaders read with csv.QUOTE_NONE too
        break;
    case DatasetFormat::Csv:
        break;
    }
    return preset;
}

DefaultColumns defaultColumns(DatasetFormat format, bool header) {
    switch (format) {
    case DatasetFormat::Cola:
        return {ColumnRef::at(3), ColumnRef::at(1)};
    case DatasetFormat::GlueTsv:
        if (header) return {ColumnRef::named("sentence"), ColumnRef::named("label")};
        return {ColumnRef::at(0), ColumnRef::at(1)};
    case DatasetFormat::Csv:
    case DatasetFormat::Tsv:
        break;
    }
    if (header) return {ColumnRef::named("text"), ColumnRef::named("label")};
    return {ColumnRef::at(1), ColumnRef::at(0)};
}

namespace {
constexpr std::pair<DatasetFormat, std::string_view> kNames[] = {
    {DatasetFormat::Cola, "cola"},
    {DatasetFormat::GlueTsv, "glue-tsv"},
    {DatasetFormat::Csv, "csv"},
    {DatasetFormat::Tsv, "tsv"},
};
}  // namespace

std::string_view formatName(DatasetFormat format) {
    for (const auto& [value, name] : kNames)
        if (value == format) return name;
    return "unknown";
}

std::optional<DatasetFormat> parseFormatName(std::string_view name) {
    for (const auto& [value, spelled] : kNames)
        if (spelled == name) return value;
    return std::nullopt;
}

}  // namespace bertbench
