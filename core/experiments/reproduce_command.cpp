#include "experiments/reproduce_command.h"

#include "training/option_schema.h"
#include "training/training_options.h"

namespace bertbench {

namespace {

// Single-quoted for a POSIX shell when it holds anything but safe characters.
std::string shellWord(const std::string& text) {
    if (!text.empty() && text.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                                                "_-./:=,+@%") == std::string::npos)
        return text;
    std::string quoted = "'";
    for (char c : text) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return quoted + "'";
}

void add(std::string& command, const std::string& flag, const std::string& value) {
    command += " " + flag + " " + shellWord(value);
}

void addReading(std::string& command, const nlohmann::json& data) {
    add(command, "--format", data.value("format", "cola"));
    for (const auto& [key, flag] : {std::pair{"text_column", "--text-column"}, {"text_pair_column", "--text-pair-column"},
                                    {"label_column", "--label-column"}})
        if (!data.value(key, "").empty()) add(command, flag, data.value(key, ""));
    if (data.contains("header") && data.at("header").is_boolean())
        command += data.at("header").get<bool>() ? " --header" : " --no-header";
    if (data.value("skip_bad_rows", false)) command += " --skip-bad-rows";
}

}  // namespace

std::string optionFlags(const nlohmann::json& optionsJson) {
    const auto options = TrainingOptions::fromJson(optionsJson);
    std::string flags;
    for (const auto& field : trainingOptionFields()) {
        const auto value = field.get(options);
        if (value == field.defaultValue()) continue;
        if (field.key == "warmup_ratio" && options.warmupSteps >= 0) continue;  // the steps win
        if (field.type == OptionType::Bool) {
            if (std::get<bool>(value)) flags += " " + field.flag;
            continue;
        }
        add(flags, field.flag, optionValueText(value));
    }
    return flags.empty() ? flags : flags.substr(1);
}

std::string reproduceCommand(const nlohmann::json& settings, const std::string& outDir) {
    if (!settings.is_object() || !settings.contains("source") || !settings.at("source").is_object()) return {};
    const auto& source = settings.at("source");
    std::string command = "bertbench-cli " + source.value("command", std::string("train"));
    const auto& model = source.at("model");
    if (!model.is_object() || (!model.contains("folder") && !model.contains("preset"))) return {};  // e.g. trained before
    if (!source.contains("data") || !source.at("data").is_object()) return {};
    if (model.contains("folder")) {
        add(command, "--model", model.at("folder").get<std::string>());
    } else {
        add(command, "--preset", model.value("preset", "tiny"));
        if (model.value("family", "bert") != "bert") add(command, "--family", model.value("family", "bert"));
        if (!model.value("vocab", "").empty()) add(command, "--vocab", model.value("vocab", ""));
        if (!model.value("lowercase", true)) command += " --cased";
    }
    const auto& data = source.at("data");
    add(command, "--train", data.at("path").get<std::string>());
    addReading(command, data);
    if (!data.value("validation_path", "").empty()) {
        add(command, "--validation", data.value("validation_path", ""));
    } else {
        char ratio[32];
        std::snprintf(ratio, sizeof ratio, "%g", data.value("validation_ratio", 0.1));
        add(command, "--validation-split", ratio);
        add(command, "--split-seed", std::to_string(data.value("split_seed", int64_t(2018))));
        if (data.value("stratified", false)) command += " --stratify";
    }
    if (source.contains("test") && source.at("test").is_object()) add(command, "--test", source.at("test").at("path"));
    if (source.value("new_head", false)) command += " --new-head";
    if (source.value("adapt_first", false)) command += " --adapt-first";
    const auto flags = optionFlags(settings.at("options"));
    if (!flags.empty()) command += " " + flags;
    add(command, "--out", outDir);
    return command;
}

}  // namespace bertbench
