// Resolving ColumnRefs to field indices, with messages that show the user the
// columns the file actually has.
#include "data/column_layout.h"

#include <algorithm>

#include "common/errors.h"
#include "data/format_preset.h"

namespace bertbench {

namespace {
// The header for a message: a bounded prefix, however wide or long the header
// is (a 100,000-column header must not become a megabyte of message).
std::string listColumns(const std::vector<std::string>& names) {
    constexpr size_t kMaxNames = 20, kMaxLength = 40;
    std::string out;
    for (size_t i = 0; i < names.size() && i < kMaxNames; ++i) {
        const auto& name = names[i];
        out += (i ? ", \"" : "\"") + (name.size() > kMaxLength ? name.substr(0, kMaxLength) + "..." : name) + "\"";
    }
    if (names.size() > kMaxNames) out += " and " + std::to_string(names.size() - kMaxNames) + " more";
    return out;
}

std::string indexDescription(int index) { return std::to_string(index) + " (0-based)"; }

class Resolver {
public:
    Resolver(const std::vector<std::string>* header, const std::string& path, long headerLine)
        : header_(header), path_(path), headerLine_(headerLine) {}

    ResolvedColumn resolve(const ColumnRef& ref, const char* role) const {
        if (!ref.name.empty() && ref.index >= 0)
            throw UsageError(std::string("the ") + role + " column is given both by name and by index; give one");
        if (!ref.name.empty()) return byName(ref.name, role);
        if (header_ && static_cast<size_t>(ref.index) >= header_->size())
            throw FileError(path_,
                            std::string("the ") + role + " column " + indexDescription(ref.index) + " is beyond the header's " +
                                std::to_string(header_->size()) + " columns: " + listColumns(*header_),
                            headerLine_);
        return {ref.index, indexDescription(ref.index)};
    }

private:
    ResolvedColumn byName(const std::string& name, const char* role) const {
        if (!header_)
            throw UsageError(std::string("the ") + role + " column is given by name (\"" + name +
                             "\") but the file has no header row; give its 0-based index");
        const auto first = std::find(header_->begin(), header_->end(), name);
        if (first == header_->end())
            throw FileError(path_,
                            std::string("no ") + role + " column \"" + name + "\"; the header has " +
                                listColumns(*header_),
                            headerLine_);
        if (std::find(first + 1, header_->end(), name) != header_->end())
            throw FileError(path_, "the header names more than one column \"" + name + "\"; give the " + role +
                                       " column by index",
                            headerLine_);
        return {static_cast<int>(first - header_->begin()), "\"" + name + "\""};
    }

    const std::vector<std::string>* header_;
    const std::string& path_;
    long headerLine_;
};
}  // namespace

size_t ColumnLayout::width() const {
    return static_cast<size_t>(std::max({text.index, textPair.index, label.index})) + 1;
}

ColumnLayout resolveColumns(const ImportOptions& options, const std::vector<std::string>* headerNames,
                            const std::string& path, long headerLine) {
    const DefaultColumns defaults = defaultColumns(options.format, headerNames != nullptr);
    const Resolver resolver(headerNames, path, headerLine);
    ColumnLayout layout;
    layout.text = resolver.resolve(options.textColumn.isSet() ? options.textColumn : defaults.text, "text");
    if (!options.unlabelled)
        layout.label = resolver.resolve(options.labelColumn.isSet() ? options.labelColumn : defaults.label, "label");
    if (options.textPairColumn.isSet()) layout.textPair = resolver.resolve(options.textPairColumn, "second text");

    auto requireDistinct = [](const ResolvedColumn& a, const char* roleA, const ResolvedColumn& b, const char* roleB) {
        if (a.used() && a.index == b.index)
            throw UsageError(std::string("the ") + roleA + " and " + roleB + " columns are the same column " +
                             a.description);
    };
    requireDistinct(layout.text, "text", layout.label, "label");
    requireDistinct(layout.textPair, "second text", layout.text, "text");
    requireDistinct(layout.textPair, "second text", layout.label, "label");
    return layout;
}

}  // namespace bertbench
