// Label matching and ordering rules (see label_set.h).
#include "data/label_set.h"

#include <algorithm>
#include <charconv>
#include <numeric>

namespace bertbench {

namespace {
std::string join(const std::vector<std::string>& items) {
    std::string out;
    for (const auto& item : items) out += (out.empty() ? "" : ", ") + item;
    return out;
}

bool areDefaultNames(const std::vector<std::string>& names) {
    for (size_t i = 0; i < names.size(); ++i)
        if (names[i] != "LABEL_" + std::to_string(i)) return false;
    return !names.empty();
}
}  // namespace

std::optional<long long> parseInteger(std::string_view text) {
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (text.empty() || text.front() == '+') return std::nullopt;
    long long value = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
    return value;
}

LabelSet LabelSet::discovered() { return LabelSet(); }

LabelSet LabelSet::fixed(std::vector<std::string> names, std::vector<std::pair<std::string, std::string>> aliases) {
    LabelSet set;
    set.fixed_ = true;
    set.defaultNames_ = areDefaultNames(names);
    set.names_ = std::move(names);
    set.aliases_ = std::move(aliases);
    for (size_t id = 0; id < set.names_.size(); ++id)
        set.nameIds_.emplace(set.names_[id], static_cast<int32_t>(id));  // first wins if a name repeats
    return set;
}

std::optional<int32_t> LabelSet::findFixed(const std::string& raw) const {
    for (const auto& [value, name] : aliases_)
        if (value == raw)
            if (auto it = nameIds_.find(name); it != nameIds_.end()) return it->second;
    if (auto it = nameIds_.find(raw); it != nameIds_.end()) return it->second;
    if (defaultNames_)
        if (auto k = parseInteger(raw); k && *k >= 0 && static_cast<size_t>(*k) < names_.size())
            return static_cast<int32_t>(*k);
    return std::nullopt;
}

std::optional<int32_t> LabelSet::idOf(const std::string& raw) {
    if (auto it = rawIds_.find(raw); it != rawIds_.end()) return it->second;
    std::optional<int32_t> id;
    if (fixed_) {
        id = findFixed(raw);
        if (!id) return std::nullopt;  // not cached: bounded memory however many bad values
    } else {
        if (names_.size() >= kMaxDiscovered) return std::nullopt;
        id = static_cast<int32_t>(names_.size());
        names_.push_back(raw);
    }
    rawIds_.emplace(raw, *id);
    return id;
}

std::vector<int32_t> LabelSet::finish() {
    std::vector<int32_t> finalIds(names_.size());
    if (fixed_) {
        std::iota(finalIds.begin(), finalIds.end(), 0);
        return finalIds;
    }
    std::vector<long long> values;
    for (const auto& name : names_) {
        const auto value = parseInteger(name);
        if (!value) break;
        values.push_back(*value);
    }
    std::vector<std::string> sorted;
    if (values.size() == names_.size()) {
        // Equal integers spelled differently ("1", "01") are one label.
        std::vector<long long> distinct = values;
        std::sort(distinct.begin(), distinct.end());
        distinct.erase(std::unique(distinct.begin(), distinct.end()), distinct.end());
        for (size_t i = 0; i < values.size(); ++i)
            finalIds[i] = static_cast<int32_t>(std::lower_bound(distinct.begin(), distinct.end(), values[i]) -
                                               distinct.begin());
        for (long long value : distinct) sorted.push_back(std::to_string(value));
    } else {
        sorted = names_;  // raw values are distinct already
        std::sort(sorted.begin(), sorted.end());
        for (size_t i = 0; i < names_.size(); ++i)
            finalIds[i] = static_cast<int32_t>(std::lower_bound(sorted.begin(), sorted.end(), names_[i]) -
                                               sorted.begin());
    }
    names_ = std::move(sorted);
    rawIds_.clear();
    return finalIds;
}

std::string LabelSet::expectedValues() const {
    if (aliases_.empty()) return joinedNames();
    std::vector<std::string> values;
    for (const auto& alias : aliases_) values.push_back(alias.first);
    return join(values);
}

std::string LabelSet::joinedNames() const { return join(names_); }

}  // namespace bertbench
