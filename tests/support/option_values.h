// Values for option-schema tests: for each field, a valid value other than its
// default that every editor of the GUI form can also show exactly.
#pragma once

#include "training/option_schema.h"

namespace fixtures {

inline bertbench::OptionValue otherValue(const bertbench::OptionField& field) {
    using bertbench::OptionType;
    const bertbench::OptionValue v = field.defaultValue();
    switch (field.type) {
    case OptionType::Int:
        return std::get<int64_t>(v) + 3;
    case OptionType::Real:
        return field.range.max ? *field.range.max / 2 : 2.5;
    case OptionType::Bool:
        return !std::get<bool>(v);
    case OptionType::Choice:
        for (const auto& choice : field.choices)
            if (choice.name != std::get<std::string>(v)) return choice.name;
        break;
    case OptionType::StringList:
        return std::vector<std::string>{field.choices.front().name, field.choices.back().name};
    case OptionType::String:
        return std::string("cuda:1");
    }
    return v;
}

}  // namespace fixtures
