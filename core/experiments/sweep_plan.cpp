#include "experiments/sweep_plan.h"

#include "common/errors.h"
#include "data/label_set.h"
#include "training/option_schema.h"

#include <algorithm>
#include <cstdlib>
#include <numeric>
#include <random>

namespace bertbench {

namespace {

const OptionField& fieldNamed(const std::string& name) {
    for (const auto& field : trainingOptionFields())
        if (field.key == name || field.flag == "--" + name) return field;
    std::string known;
    for (const auto& field : trainingOptionFields()) known += (known.empty() ? "" : ", ") + field.flag.substr(2);
    throw UsageError("--param: no option is named \"" + name + "\"; options: " + known);
}

OptionValue parsedValue(const OptionField& field, const std::string& text) {
    // Each reason a whole literal with its closing quote, as the GUI's translations recognise it.
    auto bad = [&](const char* quoteAndReason) {
        return UsageError("--param " + field.flag.substr(2) + ": \"" + text + quoteAndReason);
    };
    switch (field.type) {
    case OptionType::Int: {
        const auto value = parseInteger(text);
        if (!value) throw bad("\" is not a whole number");
        return int64_t(*value);
    }
    case OptionType::Real: {
        char* end = nullptr;
        const double value = std::strtod(text.c_str(), &end);
        if (text.empty() || *end != '\0') throw bad("\" is not a number");
        return value;
    }
    case OptionType::Bool:
        if (text == "true" || text == "1") return true;
        if (text == "false" || text == "0") return false;
        throw bad("\" is not true or false");
    case OptionType::StringList: {
        std::vector<std::string> items;
        size_t start = 0;
        for (size_t bar; (bar = text.find('+', start)) != std::string::npos; start = bar + 1)
            items.push_back(text.substr(start, bar - start));
        items.push_back(text.substr(start));
        return items;
    }
    case OptionType::Choice:
    case OptionType::String:
        return text;
    }
    return text;
}

}  // namespace

SweepParameter parseSweepParameter(const std::string& text) {
    const auto equals = text.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == text.size())
        throw UsageError("--param " + text + ": write NAME=VALUE,VALUE,... (e.g. lr=1e-5,3e-5)");
    const auto& field = fieldNamed(text.substr(0, equals));
    SweepParameter parameter{field.key, {}};
    size_t start = equals + 1;
    for (size_t comma; (comma = text.find(',', start)) != std::string::npos; start = comma + 1)
        parameter.values.push_back(text.substr(start, comma - start));
    parameter.values.push_back(text.substr(start));
    for (const auto& value : parameter.values) {
        const auto problem = field.problem(parsedValue(field, value));
        if (!problem.empty()) throw UsageError("--param " + field.flag.substr(2) + ": " + problem);
    }
    return parameter;
}

std::vector<SweepTrial> planSweep(const TrainingOptions& base, const std::vector<SweepParameter>& parameters,
                                  int trials, uint64_t seed) {
    size_t combinations = 1;
    for (const auto& p : parameters) combinations *= std::max<size_t>(1, p.values.size());
    std::vector<size_t> chosen(combinations);
    std::iota(chosen.begin(), chosen.end(), size_t(0));
    if (trials > 0 && size_t(trials) < combinations) {
        std::mt19937_64 random(seed);
        std::shuffle(chosen.begin(), chosen.end(), random);
        chosen.resize(size_t(trials));
    }
    std::vector<SweepTrial> plan;
    for (size_t combination : chosen) {
        SweepTrial trial;
        trial.index = int(plan.size());
        trial.options = base;
        trial.assignments = nlohmann::json::object();
        size_t rest = combination;
        for (size_t k = parameters.size(); k-- > 0;) {  // the last parameter varies fastest
            const auto& p = parameters[k];
            const auto& field = *findOptionField(p.key);
            const auto& text = p.values[rest % p.values.size()];
            rest /= p.values.size();
            const auto value = parsedValue(field, text);
            field.set(trial.options, value);
            if (p.key == "warmup_ratio") trial.options.warmupSteps = -1;
            trial.assignments[p.key] = field.toJson(value);
        }
        trial.options.validate();
        plan.push_back(std::move(trial));
    }
    return plan;
}

}  // namespace bertbench
