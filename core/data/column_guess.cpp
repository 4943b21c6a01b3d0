// guessColumns(): names first, then per-column statistics of the sample (how
// many distinct values, how long, whether they look like class ids), each role
// settled once and the other chosen among the remaining columns.
#include "data/column_guess.h"

#include "common/strings.h"

#include <algorithm>
#include <cstddef>
#include <string_view>
#include <unordered_set>
#include <utility>

namespace bertbench {

namespace {

// Earlier names win when a header has several (QNLI's "question" and "sentence").
const char* const kTextNames[] = {"text",     "sentence", "sentence1", "review",  "content", "description",
                                  "body",     "document", "comment",   "tweet",   "question"};
const char* const kLabelNames[] = {"label",     "labels", "class", "category",  "target",
                                   "sentiment", "topic",  "y",     "gold_label"};

// A label column has few distinct values, each short: longer ones are phrases,
// which a class id hardly is.
constexpr size_t kMaxLabelValues = 20;
constexpr size_t kMaxLabelLength = 40;
constexpr double kMaxLabelMeanLength = 20;
constexpr size_t kMaxIntegerDigits = 3;  // 0/1, 1-5 stars, -1/1; not ids or years

std::string normalizedName(std::string_view name) {
    std::string out(trimmedAscii(name));
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

size_t codePoints(std::string_view text) {
    return static_cast<size_t>(
        std::count_if(text.begin(), text.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isShortInteger(std::string_view value) {
    if (!value.empty() && (value.front() == '-' || value.front() == '+')) value.remove_prefix(1);
    return !value.empty() && value.size() <= kMaxIntegerDigits &&
           std::all_of(value.begin(), value.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Digits with a sign or a decimal point: an id, a score, a year.
bool isNumber(std::string_view value) {
    return !value.empty() && value.find_first_not_of("0123456789+-.") == std::string_view::npos &&
           value.find_first_of("0123456789") != std::string_view::npos;
}

// One token of letters, digits and the joiners class names use ("Sci/Tech",
// "not_entailment"); bytes of 0x80 and up are taken as letters of some script.
bool isWord(std::string_view value) {
    return !value.empty() && std::all_of(value.begin(), value.end(), [](char c) {
               const auto u = static_cast<unsigned char>(c);
               return u >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      c == '_' || c == '-' || c == '.' || c == '/' || c == '&';
           });
}

struct ColumnStats {
    size_t present = 0;  // rows that reach this column
    size_t values = 0;   // of them, non-empty once trimmed
    size_t distinct = 0;
    size_t maxLength = 0;  // code points
    double meanLength = 0;
    bool integers = true, words = true;  // every non-empty value is a short integer, a word
    bool numbers = true;                 // every non-empty value is a number of any length

    bool manyDistinct() const { return values > 0 && distinct * 2 > values; }
    bool fitsLabel() const {
        return values > 0 && values * 2 >= present && distinct <= kMaxLabelValues && distinct * 2 <= values &&
               maxLength <= kMaxLabelLength && meanLength <= kMaxLabelMeanLength;
    }
    int labelKind() const { return integers ? 2 : words ? 1 : 0; }
};

std::vector<ColumnStats> columnStats(const std::vector<std::vector<std::string>>& rows, size_t columns) {
    std::vector<ColumnStats> stats(columns);
    for (size_t c = 0; c < columns; ++c) {
        ColumnStats& s = stats[c];
        std::unordered_set<std::string_view> seen;
        size_t totalLength = 0;
        for (const auto& row : rows) {
            if (c >= row.size()) continue;
            ++s.present;
            const std::string_view value = trimmedAscii(row[c]);
            if (value.empty()) continue;
            ++s.values;
            seen.insert(value);
            const size_t length = codePoints(value);
            totalLength += length;
            s.maxLength = std::max(s.maxLength, length);
            s.integers = s.integers && isShortInteger(value);
            s.words = s.words && isWord(value);
            s.numbers = s.numbers && isNumber(value);
        }
        s.distinct = seen.size();
        if (s.values > 0) s.meanLength = static_cast<double>(totalLength) / static_cast<double>(s.values);
    }
    return stats;
}

template <size_t N>
int findNamed(const std::vector<std::string>& names, const char* const (&wanted)[N]) {
    for (const char* name : wanted) {
        const auto found = std::find(names.begin(), names.end(), name);
        if (found != names.end()) return static_cast<int>(found - names.begin());
    }
    return -1;
}

class Guesser {
public:
    Guesser(const std::vector<std::string>* header, const std::vector<std::vector<std::string>>& rows)
        : header_(header), rows_(rows) {
        columns_ = header ? header->size() : 0;
        for (const auto& row : rows) columns_ = std::max(columns_, row.size());
    }

    ColumnGuess run() {
        if (columns_ == 0) return {-1, -1, "no columns to guess from"};
        if (columns_ == 1) return {0, -1, "one column: the text, no label"};
        std::string textWhy, labelWhy;
        if (header_) {
            std::vector<std::string> names;
            for (const auto& name : *header_) names.push_back(normalizedName(name));
            guess_.text = findNamed(names, kTextNames);
            guess_.label = findNamed(names, kLabelNames);
            if (guess_.text >= 0) textWhy = describe(guess_.text) + " (by name)";
            if (guess_.label >= 0) labelWhy = describe(guess_.label) + " (by name)";
        }
        if (guess_.text < 0 || guess_.label < 0) {
            if (rows_.empty()) {
                if (guess_.text < 0) textWhy = "none (no rows to guess from)";
                if (guess_.label < 0) labelWhy = "none (no rows to guess from)";
            } else {
                stats_ = columnStats(rows_, columns_);
                if (guess_.label < 0) labelWhy = labelByContent();
                if (guess_.text < 0) textWhy = textByContent();
            }
        }
        guess_.why = "text: " + textWhy + "; label: " + labelWhy;
        return guess_;
    }

private:
    std::string describe(int column) const {
        const auto index = static_cast<size_t>(column);
        if (header_ && index < header_->size() && !trimmedAscii((*header_)[index]).empty())
            return "\"" + std::string(trimmedAscii((*header_)[index])) + "\"";
        return "column " + std::to_string(column);
    }

    // Among the columns that fit a label: two or more values before a constant
    // one (a sample from a sorted file may hold one class, but so does a
    // "source" column), then integers, then words, then the leftmost.
    std::string labelByContent() {
        int best = -1;
        auto rank = [this](int c) {
            const ColumnStats& s = stats_[static_cast<size_t>(c)];
            return std::make_pair(s.distinct >= 2, s.labelKind());
        };
        for (int c = 0; c < static_cast<int>(columns_); ++c)
            if (c != guess_.text && stats_[static_cast<size_t>(c)].fitsLabel() && (best < 0 || rank(c) > rank(best)))
                best = c;
        if (best < 0) return "none (no column with few distinct short values)";
        guess_.label = best;
        const ColumnStats& s = stats_[static_cast<size_t>(best)];
        static const char* const kKinds[] = {"short values", "short words", "short integers"};
        return describe(best) + " (by content: " + std::to_string(s.distinct) + " distinct " + kKinds[s.labelKind()] +
               ")";
    }

    // The longest mean length among columns of many distinct values, numeric
    // ones (ids, scores) only when nothing else qualifies; failing all that,
    // the longest column of any values.
    std::string textByContent() {
        auto longest = [this](auto&& qualifies) {
            int best = -1;
            for (int c = 0; c < static_cast<int>(columns_); ++c) {
                const ColumnStats& s = stats_[static_cast<size_t>(c)];
                if (c != guess_.label && s.values > 0 && qualifies(s) &&
                    (best < 0 || s.meanLength > stats_[static_cast<size_t>(best)].meanLength))
                    best = c;
            }
            return best;
        };
        const char* how = "the longest distinct values";
        int best = longest([](const ColumnStats& s) { return s.manyDistinct() && !s.numbers; });
        if (best < 0) best = longest([](const ColumnStats& s) { return s.manyDistinct(); });
        if (best < 0) {
            best = longest([](const ColumnStats&) { return true; });
            how = "the longest values, though few distinct";
        }
        if (best < 0) return "none (every other column is empty)";
        guess_.text = best;
        const auto mean = static_cast<long>(stats_[static_cast<size_t>(best)].meanLength + 0.5);
        return describe(best) + " (by content: " + how + ", " + std::to_string(mean) + " characters on average)";
    }

    const std::vector<std::string>* header_;
    const std::vector<std::vector<std::string>>& rows_;
    size_t columns_ = 0;
    std::vector<ColumnStats> stats_;
    ColumnGuess guess_;
};

}  // namespace

ColumnGuess guessColumns(const std::vector<std::string>* headerNames,
                         const std::vector<std::vector<std::string>>& sampleRows) {
    return Guesser(headerNames, sampleRows).run();
}

}  // namespace bertbench
