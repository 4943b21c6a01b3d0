// Turns the raw label values of a data file into label ids: either a set
// discovered from the data and sorted once the whole file is read, or a fixed
// set of names given up front (a model's id2label, or a preset's labels).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

namespace bertbench {

class LabelSet {
public:
    // A label column with more distinct values than this is almost surely the
    // wrong column; import stops instead of building a useless classifier.
    static constexpr size_t kMaxDiscovered = 10000;

    // Ids are provisional (order of first sight) until finish().
    static LabelSet discovered();
    // A raw value matches through an alias first (CoLA's "0" -> "unacceptable"),
    // then a name exactly, then, for an integer k where the names are
    // transformers' defaults LABEL_0..LABEL_n-1, the name LABEL_k.
    static LabelSet fixed(std::vector<std::string> names,
                          std::vector<std::pair<std::string, std::string>> aliases = {});

    bool isFixed() const { return fixed_; }

    // The id of a raw (trimmed, non-empty) value. nullopt when a fixed set has
    // no such label, or when a discovered set is already full.
    std::optional<int32_t> idOf(const std::string& raw);

    // Sorts a discovered set (numerically when every value is an integer, so
    // 1..4 become ids 0..3 named "1".."4"; otherwise by bytes) and returns the
    // final id of each provisional id. For a fixed set: the identity. Call it
    // once, after the last idOf().
    std::vector<int32_t> finish();

    const std::vector<std::string>& names() const { return names_; }  // final after finish()
    // The values a file may hold, for messages: the aliases' raw values where
    // there are any ("0, 1"), else the names.
    std::string expectedValues() const;
    std::string joinedNames() const;

private:
    LabelSet() = default;
    std::optional<int32_t> findFixed(const std::string& raw) const;

    bool fixed_ = false;
    bool defaultNames_ = false;  // names are exactly LABEL_0..LABEL_n-1
    std::vector<std::string> names_;
    std::vector<std::pair<std::string, std::string>> aliases_;
    std::unordered_map<std::string, int32_t> nameIds_;  // fixed: name -> id
    std::unordered_map<std::string, int32_t> rawIds_;   // raw value -> id, a cache for fixed sets
};

// A decimal integer with an optional sign, nothing else; nullopt otherwise.
std::optional<long long> parseInteger(std::string_view text);

}  // namespace bertbench
