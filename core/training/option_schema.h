// The one description of every TrainingOptions field: its settings.json key,
// CLI flag, type, allowed values, form group, English label and help text, and
// typed access to the field. TrainingOptions' JSON and validation, the CLI's
// flags and the GUI's form are all loops over trainingOptionFields(), so a new
// field is added here once. Labels, groups and help texts are English; the GUI
// translates them in the "OptionSchema" context.
#pragma once

#include "training/training_options.h"

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace bertbench {

enum class OptionType { Int, Real, Bool, Choice, StringList, String };

// Int holds int64_t, Real double, Bool bool, Choice and String std::string,
// StringList std::vector<std::string>.
using OptionValue = std::variant<int64_t, double, bool, std::string, std::vector<std::string>>;

// Allowed numbers of an Int or Real field; an unset bound is open.
struct OptionRange {
    std::optional<double> min, max;
    bool minExclusive = false, maxExclusive = false;

    bool contains(double value) const;
    std::string words() const;  // "at least 0 and below 1"; empty when unbounded
};

// A named value of a Choice field, or an allowed item of a StringList.
struct OptionChoice {
    std::string name;   // as in JSON and on the command line: "max_length"
    std::string label;  // English, for a combo box: "max length (every example)"
};

struct OptionField {
    std::string key;    // JSON key; "lora.rank" is "rank" inside the "lora" object
    std::string flag;   // "--lora-rank"
    OptionType type;
    std::string group;  // form group: "Schedule", "Optimizer", ...
    std::string label;  // a noun phrase that can stand inside a sentence: "learning rate"
    std::string help;
    OptionValue (*get)(const TrainingOptions&);
    void (*set)(TrainingOptions&, const OptionValue&);  // expects the alternative of `type`
    std::vector<OptionChoice> choices;  // Choice: the values; StringList: the allowed items
    OptionRange range;
    std::string minimumMeaning;  // what the range's minimum stands for ("no limit"), or empty
    double step = 1;             // a sensible increment for a spin box
    bool spansDecades = false;   // rates and epsilons: shown in scientific notation

    OptionValue defaultValue() const { return get(TrainingOptions{}); }
    std::vector<std::string> choiceNames() const;
    // Empty when the value is allowed, else a message naming the field and what is allowed.
    std::string problem(const OptionValue& value) const;
    nlohmann::json toJson(const OptionValue& value) const;
    // Throws UsageError naming the key on a wrong type or an unknown choice name.
    OptionValue fromJson(const nlohmann::json& json) const;
};

const std::vector<OptionField>& trainingOptionFields();
const OptionField* findOptionField(const std::string& key);  // nullptr when unknown

// A value as a person reads it: 2e-05, true, linear, query,value.
std::string optionValueText(const OptionValue& value);

struct OptionDifference {
    std::string key, before, after;  // before/after as optionValueText
};

// The fields whose values differ, in schema order.
std::vector<OptionDifference> optionDifferences(const TrainingOptions& before, const TrainingOptions& after);

}  // namespace bertbench
