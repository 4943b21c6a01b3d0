// The delimited reader with each format preset's delimiter and quoting.
#include "fuzz_input.h"

#include "common/errors.h"
#include "data/delimited_reader.h"
#include "data/format_preset.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    using namespace bertbench;
    fuzz::InputBytes input(data, size);
    constexpr DatasetFormat formats[] = {DatasetFormat::Cola, DatasetFormat::GlueTsv, DatasetFormat::Csv,
                                         DatasetFormat::Tsv};
    const auto preset = formatPreset(formats[input.takeChoice(4)]);
    const auto path = fuzz::writeInput(input.rest());
    try {
        DelimitedReader reader(path, {preset.delimiter, preset.quoting, {}});
        DelimitedRecord record;
        long lastLine = 0;
        while (reader.next(record)) {
            if (record.line <= lastLine) __builtin_trap();  // records start on later lines
            lastLine = record.line;
        }
        if (reader.bytesParsed() > input.rest().size()) __builtin_trap();
    } catch (const Error&) {
        // A clear message is the expected outcome for malformed input.
    }
    return 0;
}
