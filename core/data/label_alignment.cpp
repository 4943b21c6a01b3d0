#include "data/label_alignment.h"

#include "common/errors.h"
#include "data/label_set.h"

#include <unordered_map>

namespace bertbench {

namespace {

// Model id for each data label id; -1 where it has none.
std::vector<int32_t> modelIdsOf(const std::vector<std::string>& dataLabels, const std::vector<std::string>& modelLabels) {
    std::unordered_map<std::string, int32_t> byName;
    for (size_t id = 0; id < modelLabels.size(); ++id) byName.emplace(modelLabels[id], int32_t(id));
    std::vector<int32_t> ids;
    ids.reserve(dataLabels.size());
    for (const auto& name : dataLabels) {
        if (auto it = byName.find(name); it != byName.end()) {
            ids.push_back(it->second);
        } else if (auto k = parseInteger(name); k && *k >= 0 && size_t(*k) < modelLabels.size()) {
            ids.push_back(int32_t(*k));
        } else {
            ids.push_back(-1);
        }
    }
    return ids;
}

std::string quoted(const std::string& text, size_t limit = 80) {
    return "\"" + (text.size() > limit ? text.substr(0, limit) + "..." : text) + "\"";
}

}  // namespace

std::string joinLabelNames(const std::vector<std::string>& names, size_t limit) {
    std::string out;
    for (size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", " : "") + quoted(names[i], 40);
    if (names.size() > limit) out += " and " + std::to_string(names.size() - limit) + " more";
    return out;
}

std::optional<UnknownLabel> firstUnknownLabel(const Dataset& data, const std::vector<std::string>& modelLabels) {
    const auto ids = modelIdsOf(data.labelNames, modelLabels);
    for (const auto& example : data.examples) {
        const auto label = size_t(example.label);
        if (label >= ids.size()) return UnknownLabel{std::to_string(example.label), example.line};
        if (ids[label] < 0) return UnknownLabel{data.labelNames[label], example.line};
    }
    return std::nullopt;
}

Dataset alignLabels(Dataset data, const std::vector<std::string>& modelLabels) {
    if (data.labelNames == modelLabels) return data;
    if (auto unknown = firstUnknownLabel(data, modelLabels))
        throw FileError(data.source,
                        "label " + quoted(unknown->name) + " is not one the model knows (" +
                            joinLabelNames(modelLabels) + "); replace the classifier head to train on this data's labels",
                        unknown->line);
    const auto ids = modelIdsOf(data.labelNames, modelLabels);
    for (auto& example : data.examples) example.label = ids[size_t(example.label)];
    data.labelNames = modelLabels;
    return data;
}

}  // namespace bertbench
