// importDataset(): one pass over the file through DelimitedReader, each row
// checked and either stored as an Example or recorded as skipped; label ids
// are settled once the whole file has been seen (unless there are no labels).
// The reader always recovers from quoting errors, so that a malformed row of
// any kind reaches one place here, which fails or skips it as skipBadRows says.
#include "data/dataset_import.h"

#include <optional>
#include <string_view>

#include "common/errors.h"
#include "common/strings.h"
#include "data/column_layout.h"
#include "data/delimited_reader.h"
#include "data/format_preset.h"
#include "data/label_set.h"
#include "tokenizer/unicode_text.h"
#include "tokenizer/utf8_repair.h"

namespace bertbench {

namespace {

// Rows read before the example vector is reserved from the bytes-per-row seen
// so far, so a large file does not grow it by doubling (and copying) ~20 times.
constexpr size_t kRowsBeforeReserve = 1024;

// Ends the message of a malformed row that failed an import, naming the option
// by its GUI and its CLI name.
constexpr const char* kSkipBadRowsHint =
    "; turn on skip bad rows (--skip-bad-rows) to import the rest and list such rows";

// A value quoted for a message, cut short: a wrongly chosen label column can
// hold whole paragraphs.
std::string quoted(std::string_view value) {
    constexpr size_t kMaxShown = 40;
    if (value.size() <= kMaxShown) return "\"" + std::string(value) + "\"";
    return "\"" + std::string(value.substr(0, kMaxShown)) + "...\"";
}

class Importer {
public:
    Importer(const std::string& path, const ImportOptions& options, ImportReport& report)
        : path_(path), options_(options), report_(report), preset_(formatPreset(options.format)),
          header_(options.header.value_or(preset_.header)), labels_(makeLabelSet()) {
        if (options.unlabelled && !options.labelNames.empty())
            throw UsageError("an unlabelled import cannot also fix a label set (" + labels_.joinedNames() + ")");
    }

    Dataset run();

private:
    LabelSet makeLabelSet() const;
    DelimitedReaderOptions readerOptions() const;
    ColumnLayout readLayout(DelimitedReader& reader, DelimitedRecord& record);
    std::string malformedReason(const DelimitedRecord& record) const;
    std::string addRow(const DelimitedRecord& record);
    std::string missingColumn(size_t fieldCount) const;
    std::string extraColumns(size_t fieldCount) const;
    void skip(long line, std::string reason);
    void reserveFrom(const DelimitedReader& reader);
    void settleLabels();
    [[noreturn]] void throwNoUsableRows() const;

    const std::string& path_;
    const ImportOptions& options_;
    ImportReport& report_;
    FormatPreset preset_;
    bool header_;
    LabelSet labels_;
    ColumnLayout columns_;
    size_t headerWidth_ = 0;  // the header's fields; 0 without a header
    Dataset dataset_;
    std::string labelKey_;  // reused so label lookups do not allocate per row
};

LabelSet Importer::makeLabelSet() const {
    if (!options_.labelNames.empty()) return LabelSet::fixed(options_.labelNames, preset_.labelAliases);
    if (!preset_.labelNames.empty()) return LabelSet::fixed(preset_.labelNames, preset_.labelAliases);
    return LabelSet::discovered();
}

DelimitedReaderOptions Importer::readerOptions() const {
    DelimitedReaderOptions reader;
    reader.delimiter = options_.delimiter.value_or(preset_.delimiter);
    reader.quoting = options_.quoting.value_or(preset_.quoting);
    reader.recoverFromErrors = true;
    if (options_.progress)
        reader.progress = [progress = options_.progress](uint64_t done, uint64_t total) {
            return progress(total > 0 ? static_cast<double>(done) / static_cast<double>(total) : 1.0);
        };
    return reader;
}

ColumnLayout Importer::readLayout(DelimitedReader& reader, DelimitedRecord& record) {
    if (!header_) return resolveColumns(options_, nullptr, path_, 0);
    if (!reader.next(record)) throw FileError(path_, "the file is empty; a header row was expected");
    // A header is not a row that can be skipped: without it no column is known.
    if (!record.error.empty()) throw FileError(path_, record.error, record.line);
    std::vector<std::string> names;
    for (const auto& field : record.fields) names.emplace_back(trimmedAscii(field));
    headerWidth_ = names.size();
    return resolveColumns(options_, &names, path_, record.line);
}

Dataset Importer::run() {
    DelimitedReader reader(path_, readerOptions());
    DelimitedRecord record;
    columns_ = readLayout(reader, record);
    dataset_.source = path_;
    dataset_.hasPairs = columns_.textPair.used();

    while (reader.next(record)) {
        if (++report_.rowsRead == kRowsBeforeReserve) reserveFrom(reader);
        std::string reason = malformedReason(record);
        if (!reason.empty() && !options_.skipBadRows) throw FileError(path_, reason + kSkipBadRowsHint, record.line);
        if (reason.empty()) reason = addRow(record);
        if (!reason.empty()) skip(record.line, std::move(reason));
    }
    report_.blankLines = reader.blankLines();
    if (dataset_.examples.empty()) throwNoUsableRows();

    report_.rowsLoaded = dataset_.examples.size();
    if (!options_.unlabelled) {
        settleLabels();
        report_.classCounts = countClasses(dataset_);
    }
    return std::move(dataset_);
}

void Importer::skip(long line, std::string reason) {
    if (report_.skipped.size() < ImportReport::kMaxSkippedDetails) report_.skipped.push_back({line, std::move(reason)});
    ++report_.rowsSkipped;
}

// Why the row cannot be read as a row of this file at all (see skipBadRows),
// or an empty string.
std::string Importer::malformedReason(const DelimitedRecord& record) const {
    if (!record.error.empty()) return record.error;
    const size_t fieldCount = record.fields.size();
    if (fieldCount < columns_.width()) return missingColumn(fieldCount);
    if (headerWidth_ > 0 && fieldCount > headerWidth_) return extraColumns(fieldCount);
    return {};
}

// For a row malformedReason() let through: returns why the row was skipped,
// or an empty string when it became an example.
std::string Importer::addRow(const DelimitedRecord& record) {
    const auto& fields = record.fields;
    const std::string& text = fields[static_cast<size_t>(columns_.text.index)];
    const std::string* pair = columns_.textPair.used() ? &fields[static_cast<size_t>(columns_.textPair.index)] : nullptr;
    if (trimmedAscii(text).empty()) return "empty text";
    if (pair && trimmedAscii(*pair).empty()) return "empty second text";
    if (!isValidUtf8(text) || (pair && !isValidUtf8(*pair))) return "the text is not valid UTF-8";
    if (options_.unlabelled) {
        dataset_.examples.push_back(Example{text, pair ? *pair : std::string(), 0, record.line});
        return {};
    }

    const std::string_view rawLabel = trimmedAscii(fields[static_cast<size_t>(columns_.label.index)]);
    if (rawLabel.empty()) return "empty label";
    // The same policy as for texts: a row whose label is not UTF-8 is skipped and
    // reported with its line (it could not be shown or written to settings.json).
    if (!isValidUtf8(rawLabel)) return "the label is not valid UTF-8";
    labelKey_.assign(rawLabel);
    const std::optional<int32_t> id = labels_.idOf(labelKey_);
    if (!id) {
        if (!options_.labelNames.empty())
            throw FileError(path_, "unknown label " + quoted(rawLabel) + "; the model knows: " + labels_.joinedNames(),
                            record.line);
        if (labels_.isFixed()) return "label " + quoted(rawLabel) + " is not one of " + labels_.expectedValues();
        throw FileError(path_,
                        "the label column " + columns_.label.description + " has more than " +
                            std::to_string(LabelSet::kMaxDiscovered) + " distinct values; is it the right column?",
                        record.line);
    }
    dataset_.examples.push_back(Example{text, pair ? *pair : std::string(), *id, record.line});
    return {};
}

std::string Importer::missingColumn(size_t fieldCount) const {
    const std::pair<const ResolvedColumn*, const char*> roles[] = {
        {&columns_.text, "text"}, {&columns_.textPair, "second text"}, {&columns_.label, "label"}};
    std::string missing;
    for (const auto& [column, role] : roles)
        if (column->used() && static_cast<size_t>(column->index) >= fieldCount)
            missing += (missing.empty() ? "" : ", ") + std::string(role) + " column " + column->description;
    return "only " + std::to_string(fieldCount) + (fieldCount == 1 ? " column" : " columns") + "; missing the " +
           missing;
}

std::string Importer::extraColumns(size_t fieldCount) const {
    return std::to_string(fieldCount) + " columns, more than the header's " + std::to_string(headerWidth_) +
           " (is there an unquoted delimiter in a text?)";
}

void Importer::reserveFrom(const DelimitedReader& reader) {
    if (reader.totalBytes() == 0 || reader.bytesParsed() == 0) return;
    const double rowsPerByte = static_cast<double>(report_.rowsRead) / static_cast<double>(reader.bytesParsed());
    dataset_.examples.reserve(static_cast<size_t>(rowsPerByte * static_cast<double>(reader.totalBytes()) * 1.05) + 64);
}

void Importer::settleLabels() {
    const std::vector<int32_t> finalIds = labels_.finish();
    if (!labels_.isFixed())
        for (Example& example : dataset_.examples) example.label = finalIds[static_cast<size_t>(example.label)];
    dataset_.labelNames = labels_.names();
}

void Importer::throwNoUsableRows() const {
    if (report_.rowsRead == 0)
        throw FileError(path_, header_ ? "no data rows after the header" : "the file has no rows");
    const SkippedRow& first = report_.skipped.front();
    throw FileError(path_, "no usable rows; " + std::to_string(report_.rowsSkipped) + " skipped: first at line " +
                               std::to_string(first.line) + ": " + first.reason);
}

}  // namespace

Dataset importDataset(const std::string& path, const ImportOptions& options, ImportReport* report) {
    ImportReport local;
    ImportReport& target = report ? *report : local;
    target = ImportReport();
    return Importer(path, options, target).run();
}

}  // namespace bertbench
