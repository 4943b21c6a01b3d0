// TrainingFlags and stderrProgress; see training_flags.h.
#include "training_flags.h"

#include "common/errors.h"
#include "common/json_file.h"
#include "training/option_schema.h"
#include "training/training_presets.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <memory>

namespace bertbench::cli {

namespace {

// Builds the message itself rather than using CLI::Range, so that it reads like
// the engine's ("--lr: learning rate must be greater than 0 and below 1, not 5").
CLI::Validator rangeCheck(const OptionField& field) {
    return CLI::Validator(
        [&field](std::string& text) -> std::string {
            char* end = nullptr;
            const double value = std::strtod(text.c_str(), &end);
            if (end == text.c_str() || *end != '\0') return {};  // not a number: the conversion says so
            if (field.range.contains(value)) return {};
            return field.label + " must be " + field.range.words() + ", not " + text;
        },
        /*validator_desc=*/"");  // the range goes into the help text, where it reads better
}

// A hyperparameter JSON file as the GUI saves it, or a run folder's settings.json.
TrainingOptions readOptionsFile(const std::string& path) {
    try {
        const auto json = readJsonFile(path);
        const bool runSettings = json.is_object() && json.contains("options") && json.at("options").is_object();
        return TrainingOptions::fromJson(runSettings ? json.at("options") : json);
    } catch (const FileError& e) {
        throw CLI::ValidationError("--options", e.what());
    } catch (const Error& e) {
        throw CLI::ValidationError("--options", path + ": " + e.what());
    }
}

std::string presetHelp() {
    std::string help = "Start from a named set of hyperparameters; flags given as well override it.";
    for (const auto& preset : trainingPresets()) help += "\n  " + preset.id + ": " + preset.description;
    return help;
}

}  // namespace

void TrainingFlags::addOptions(CLI::App& c) {
    // Registered first: CLI11 runs option callbacks in this order, so the
    // explicit flags below land on top of the preset or file.
    std::vector<std::string> presetIds;
    for (const auto& preset : trainingPresets()) presetIds.push_back(preset.id);
    auto* preset = c.add_option_function<std::string>(
                        "--hyperparameters-preset",
                        [this](const std::string& id) {
                            options = presetOptions(id);
                            baseGiven_ = true;
                        },
                        presetHelp())
                       ->check(CLI::IsMember(presetIds));
    auto* file = c.add_option_function<std::string>(
        "--options",
        [this](const std::string& path) {
            options = readOptionsFile(path);
            baseGiven_ = true;
        },
        "Start from a hyperparameter JSON file (as the GUI saves it, or a run's settings.json); flags given as well "
        "override it");
    file->type_name("FILE");
    preset->excludes(file);

    for (const OptionField& field : trainingOptionFields()) {
        auto set = [this, &field](const OptionValue& value) {
            field.set(options, value);
            given_.push_back(&field);
            // An explicit ratio means the ratio, even where a file gave warmup steps.
            if (field.key == "warmup_ratio") options.warmupSteps = -1;
        };
        const auto names = field.choiceNames();
        const std::string help = field.range.min || field.range.max ? field.help + " Allowed: " + field.range.words() + "."
                                                                    : field.help;
        CLI::Option* option = nullptr;
        switch (field.type) {
        case OptionType::Int:
            option = c.add_option_function<int64_t>(field.flag, [set](const int64_t& v) { set(v); }, help);
            break;
        case OptionType::Real:
            option = c.add_option_function<double>(field.flag, [set](const double& v) { set(v); }, help);
            break;
        case OptionType::Bool:
            option = c.add_flag_function(field.flag, [set](int64_t count) { set(count > 0); }, help);
            break;
        case OptionType::Choice:
            option = c.add_option_function<std::string>(field.flag, [set](const std::string& v) { set(v); }, help)
                         ->check(CLI::IsMember(names));
            break;
        case OptionType::StringList:
            option = c.add_option_function<std::vector<std::string>>(
                          field.flag, [set](const std::vector<std::string>& v) { set(v); }, help)
                         ->delimiter(',');
            if (!names.empty()) option->check(CLI::IsMember(names));
            break;
        case OptionType::String:
            option = c.add_option_function<std::string>(field.flag, [set](const std::string& v) { set(v); }, help);
            break;
        }
        if (field.type != OptionType::Bool) option->default_str(optionValueText(field.defaultValue()));
        if (field.range.min || field.range.max) option->check(rangeCheck(field));
    }
    c.get_option("--warmup-ratio")->excludes(c.get_option("--warmup-steps"));
    c.get_option("--freeze-layers")->excludes(c.get_option("--head-only"));
}

TrainingOptions TrainingFlags::resolvedOnto(const TrainingOptions& saved) const {
    if (baseGiven_) return options;
    TrainingOptions result = saved;
    for (const OptionField* field : given_) {
        field->set(result, field->get(options));
        if (field->key == "warmup_ratio") result.warmupSteps = -1;
    }
    return result;
}

namespace {
std::string clock(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}
}  // namespace

TrainingCallbacks stderrProgress() {
    auto lastPrint = std::make_shared<std::chrono::steady_clock::time_point>();
    TrainingCallbacks callbacks;
    callbacks.onStep = [lastPrint](const StepReport& r) {
        const auto now = std::chrono::steady_clock::now();
        if (r.step != r.totalSteps && r.step != 1 && now - *lastPrint < std::chrono::seconds(2)) return;
        *lastPrint = now;
        char line[200];
        std::snprintf(line, sizeof line, "step %lld/%lld  epoch %.2f  loss %.4f  lr %.2e  %.1f samples/s  ETA %s",
                      static_cast<long long>(r.step), static_cast<long long>(r.totalSteps), r.epochProgress, r.loss,
                      r.learningRate, r.samplesPerSecond, clock(r.etaSeconds).c_str());
        std::cerr << line << std::endl;
    };
    callbacks.onEvaluation = [](const EvaluationReport& r) {
        const std::string when = r.split == "test" ? "test (best model)"
                                                   : r.split + " after epoch " + std::to_string(r.epoch + 1);
        char line[200];
        if (r.metrics.perplexity > 0)  // a masked-LM evaluation: accuracy and the rest do not apply
            std::snprintf(line, sizeof line, "%s: loss %.4f  perplexity %.2f%s", when.c_str(), r.metrics.loss,
                          r.metrics.perplexity, r.improved ? "  (best so far)" : "");
        else
            std::snprintf(line, sizeof line, "%s: loss %.4f  accuracy %.4f  mcc %.4f  f1 %.4f%s", when.c_str(),
                          r.metrics.loss, r.metrics.accuracy, r.metrics.mcc, r.metrics.f1Macro,
                          r.improved ? "  (best so far)" : "");
        std::cerr << line << std::endl;
    };
    callbacks.onMessage = [](const std::string& text) { std::cerr << text << std::endl; };
    return callbacks;
}

}  // namespace bertbench::cli

namespace bertbench::cli {

Session::Callbacks sessionProgressOnStderr() {
    const auto training = stderrProgress();
    Session::Callbacks callbacks;
    callbacks.onStep = training.onStep;
    callbacks.onEvaluation = training.onEvaluation;
    callbacks.onMessage = training.onMessage;
    return callbacks;
}

}  // namespace bertbench::cli
