#include "experiments/run_comparison.h"

#include "experiments/recorded_metric.h"

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdio>
#include <fstream>
#include <limits>
#include <map>
#include <set>

namespace bertbench {

namespace {

double xOf(const CurvePoint& p, CurveAxis axis) {
    switch (axis) {
    case CurveAxis::Step: return double(p.step);
    case CurveAxis::Epoch: return p.epoch;
    case CurveAxis::Seconds: return p.seconds;
    }
    return double(p.step);
}

const std::vector<CurvePoint>& curveOf(const RunCurves& run, CurveKind kind) {
    return kind == CurveKind::Loss ? run.loss : kind == CurveKind::LearningRate ? run.learningRate : run.validation;
}

const char* axisName(CurveAxis axis) {
    return axis == CurveAxis::Step ? "step" : axis == CurveAxis::Epoch ? "epoch" : "seconds";
}

std::string csvCell(const std::string& text) {
    if (text.find_first_of(",\"\n") == std::string::npos) return text;
    std::string quoted = "\"";
    for (char c : text) quoted += c == '"' ? std::string("\"\"") : std::string(1, c);
    return quoted + "\"";
}

// Flattened "key" / "object.key" -> value.
void flatten(const nlohmann::json& json, const std::string& prefix, std::map<std::string, std::string>& out) {
    for (const auto& [key, value] : json.items()) {
        if (value.is_object()) flatten(value, prefix + key + ".", out);
        else out[prefix + key] = value.is_string() ? value.get<std::string>() : value.dump();
    }
}

}  // namespace

RunCurves readRunCurves(const std::string& folder, const std::string& name, const std::string& metric) {
    RunCurves curves;
    curves.name = name;
    std::ifstream in(folder + "/metrics.jsonl");
    double lastEpoch = 0, lastSeconds = 0;
    for (std::string line; std::getline(in, line);) {
        const auto row = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
        if (!row.is_object()) continue;
        const auto type = row.value("type", "");
        const int64_t step = row.value("step", int64_t(0));
        if (type == "step") {
            lastEpoch = row.value("epoch", 0.0);
            lastSeconds = row.value("seconds", 0.0);
            curves.loss.push_back({step, lastEpoch, lastSeconds, row.value("loss", 0.0)});
            curves.learningRate.push_back({step, lastEpoch, lastSeconds, row.value("lr", 0.0)});
        } else if (type == "eval" && row.value("split", "") == "validation") {
            // An evaluation ends an epoch: its x is that of the last step before it.
            const double value = recordedMetric(row, metric);
            if (std::isfinite(value)) curves.validation.push_back({step, lastEpoch, lastSeconds, value});
        }
    }
    return curves;
}

std::vector<double> smoothed(const std::vector<double>& values, double weight) {
    std::vector<double> out;
    out.reserve(values.size());
    double last = 0;
    int count = 0;
    for (double v : values) {
        if (!std::isfinite(v)) {
            out.push_back(v);
            continue;
        }
        last = last * weight + (1 - weight) * v;
        ++count;
        const double debias = weight == 1 ? 1 : 1 - std::pow(weight, count);
        out.push_back(last / debias);
    }
    return out;
}

AlignedCurves alignCurves(const std::vector<RunCurves>& runs, CurveKind kind, CurveAxis axis, double smoothing) {
    std::set<double> xs;
    for (const auto& run : runs)
        for (const auto& p : curveOf(run, kind)) xs.insert(xOf(p, axis));
    AlignedCurves aligned;
    aligned.x.assign(xs.begin(), xs.end());
    std::map<double, size_t> row;
    for (size_t i = 0; i < aligned.x.size(); ++i) row[aligned.x[i]] = i;
    for (const auto& run : runs) {
        const auto& points = curveOf(run, kind);
        std::vector<double> values;
        for (const auto& p : points) values.push_back(p.value);
        if (smoothing > 0) values = smoothed(values, smoothing);
        std::vector<double> column(aligned.x.size(), std::numeric_limits<double>::quiet_NaN());
        for (size_t i = 0; i < points.size(); ++i) column[row.at(xOf(points[i], axis))] = values[i];
        aligned.values.push_back(std::move(column));
    }
    return aligned;
}

std::string curvesCsv(const AlignedCurves& curves, const std::vector<std::string>& names, CurveAxis axis) {
    std::string csv = axisName(axis);
    for (const auto& name : names) csv += "," + csvCell(name);
    csv += "\n";
    char number[32];
    for (size_t r = 0; r < curves.x.size(); ++r) {
        std::snprintf(number, sizeof number, "%.10g", curves.x[r]);
        csv += number;
        for (const auto& column : curves.values) {
            csv += ",";
            if (std::isfinite(column[r])) {
                std::snprintf(number, sizeof number, "%.10g", column[r]);
                csv += number;
            }
        }
        csv += "\n";
    }
    return csv;
}

std::vector<OptionRow> optionTable(const std::vector<RunRecord>& runs) {
    std::vector<std::map<std::string, std::string>> flat(runs.size());
    std::set<std::string> keys;
    for (size_t i = 0; i < runs.size(); ++i) {
        if (runs[i].options.is_object()) flatten(runs[i].options, "", flat[i]);
        for (const auto& [key, value] : flat[i]) keys.insert(key);
    }
    std::vector<OptionRow> table;
    for (const auto& key : keys) {
        OptionRow row;
        row.key = key;
        for (const auto& f : flat) row.values.push_back(f.count(key) ? f.at(key) : std::string("(absent)"));
        row.differs = std::set<std::string>(row.values.begin(), row.values.end()).size() > 1;
        table.push_back(std::move(row));
    }
    return table;
}

std::vector<std::string> differingOptions(const std::vector<RunRecord>& runs) {
    std::vector<std::string> differing;
    for (const auto& row : optionTable(runs))
        if (row.differs) differing.push_back(row.key);
    return differing;
}

}  // namespace bertbench
