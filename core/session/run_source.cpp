#include "session/run_source.h"

#include "common/errors.h"
#include "data/format_preset.h"
#include "model/model_config.h"

namespace bertbench {

namespace {

std::string columnText(const ColumnRef& column) {
    return !column.name.empty() ? column.name : column.index >= 0 ? std::to_string(column.index) : std::string();
}

ColumnRef columnFromText(const std::string& text) {
    if (text.empty()) return {};
    if (text.find_first_not_of("0123456789") == std::string::npos && text.size() < 7) return ColumnRef::at(std::stoi(text));
    return ColumnRef::named(text);
}

}  // namespace

nlohmann::json dataSourceJson(const DataRequest& request) {
    const auto& o = request.options;
    return {{"path", request.path},
            {"format", std::string(formatName(o.format))},
            {"text_column", columnText(o.textColumn)},
            {"text_pair_column", columnText(o.textPairColumn)},
            {"label_column", columnText(o.labelColumn)},
            {"header", o.header ? nlohmann::json(*o.header) : nlohmann::json()},
            {"delimiter", o.delimiter ? nlohmann::json(std::string(1, *o.delimiter)) : nlohmann::json()},
            {"quoting", o.quoting ? nlohmann::json(*o.quoting) : nlohmann::json()},
            {"unlabelled", o.unlabelled},
            {"skip_bad_rows", o.skipBadRows},
            {"validation_path", request.validationPath},
            {"validation_ratio", request.validationRatio},
            {"split_seed", request.splitSeed},
            {"stratified", request.stratified}};
}

DataRequest dataRequestFromSource(const nlohmann::json& source) {
    try {
        DataRequest request;
        request.path = source.at("path").get<std::string>();
        auto& o = request.options;
        const auto format = parseFormatName(source.value("format", "csv"));
        if (!format) throw UsageError("unknown format \"" + source.value("format", "") + "\"");
        o.format = *format;
        o.textColumn = columnFromText(source.value("text_column", ""));
        o.textPairColumn = columnFromText(source.value("text_pair_column", ""));
        o.labelColumn = columnFromText(source.value("label_column", ""));
        if (source.contains("header") && source.at("header").is_boolean()) o.header = source.at("header").get<bool>();
        if (source.contains("delimiter") && source.at("delimiter").is_string() &&
            source.at("delimiter").get<std::string>().size() == 1)
            o.delimiter = source.at("delimiter").get<std::string>()[0];
        if (source.contains("quoting") && source.at("quoting").is_boolean()) o.quoting = source.at("quoting").get<bool>();
        o.unlabelled = source.value("unlabelled", false);
        o.skipBadRows = source.value("skip_bad_rows", false);
        request.validationPath = source.value("validation_path", "");
        request.validationRatio = source.value("validation_ratio", 0.0);
        request.splitSeed = source.value("split_seed", uint64_t(2018));
        request.stratified = source.value("stratified", false);
        return request;
    } catch (const nlohmann::json::exception& e) {
        throw UsageError(std::string("the run's data source is damaged: ") + e.what());
    }
}

nlohmann::json modelSourceJson(const OpenModelRequest& request) {
    return {{"folder", request.folder}, {"masked_lm", request.maskedLM}};
}

nlohmann::json modelSourceJson(const NewModelRequest& request) {
    return {{"preset", request.preset},
            {"family", modelTypeName(request.family)},
            {"vocab", request.vocabPath},
            {"lowercase", request.lowercase},
            {"seed", request.seed},
            {"masked_lm", request.maskedLM}};
}

}  // namespace bertbench
