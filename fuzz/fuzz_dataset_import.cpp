// The dataset importer: each format, header on or off, labelled or not, a
// fixed label set or discovered labels, columns by name or index, malformed
// rows failing the import or skipped (flag bit 128, clear in the older seeds,
// which so keep their meaning).
#include "fuzz_input.h"

#include "common/errors.h"
#include "data/dataset_import.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    fuzz::InputBytes input(data, size);
    constexpr DatasetFormat formats[] = {DatasetFormat::Cola, DatasetFormat::GlueTsv, DatasetFormat::Csv,
                                         DatasetFormat::Tsv};
    ImportOptions options;
    options.format = formats[input.takeChoice(4)];
    const auto flags = input.takeByte();
    if (flags & 1) options.header = bool(flags & 2);
    options.unlabelled = flags & 4;
    if (flags & 8) options.textColumn = ColumnRef::at(int(input.takeByte()) - 8);
    if (flags & 16) options.labelColumn = ColumnRef::named(std::string(input.takePart()));
    if (flags & 32) options.textPairColumn = ColumnRef::at(int(input.takeByte() % 8));
    if ((flags & 64) && !options.unlabelled) options.labelNames = {"0", "1", "negative", "positive"};
    options.skipBadRows = flags & 128;
    const auto path = fuzz::writeInput(input.rest());
    try {
        ImportReport report;
        const auto dataset = importDataset(path, options, &report);
        if (report.rowsLoaded + report.rowsSkipped != report.rowsRead) __builtin_trap();
        if (report.skipped.size() > ImportReport::kMaxSkippedDetails) __builtin_trap();
        // Recovering from a malformed row must never go back to an earlier line.
        for (size_t i = 1; i < report.skipped.size(); ++i)
            if (report.skipped[i].line <= report.skipped[i - 1].line) __builtin_trap();
        for (size_t i = 1; i < dataset.examples.size(); ++i)
            if (dataset.examples[i].line <= dataset.examples[i - 1].line) __builtin_trap();
    } catch (const Error&) {
    }
    return 0;
}
