#include "cli_support.h"

#include "checkpoint/hub_cache.h"

#include "common/errors.h"

#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>

namespace bertbench::cli {

CLI::Validator modelFolderOrCachedName() {
    return CLI::Validator(
        [](std::string& value) -> std::string {
            std::error_code error;
            if (value.empty() || std::filesystem::exists(value, error)) return {};
            if (auto folder = cachedModelFolder(value, hubCacheFolders())) value = *folder;
            return {};
        },
        "FOLDER|CACHED NAME");
}

void TextSource::addOptions(CLI::App& command) {
    textOption_ = command.add_option("--text", text, "A text to process");
    auto* inputOption = command.add_option("--input", inputFile, "A file with one text per line (- for stdin)");
    textOption_->excludes(inputOption);
}

std::vector<std::string> TextSource::read() const {
    if (inputFile.empty()) {
        if (!textOption_ || textOption_->count() == 0) throw UsageError("give a text with --text or a file with --input");
        return {text};
    }
    std::ifstream file;
    std::istream* in = &std::cin;
    if (inputFile != "-") {
        file.open(inputFile);
        if (!file) throw FileError(inputFile, "cannot open the input file");
        in = &file;
    }
    std::vector<std::string> lines;
    for (std::string line; std::getline(*in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        lines.push_back(std::move(line));
    }
    return lines;
}

void printJsonLine(const OrderedJson& object) {
    std::cout << object.dump(-1, ' ', /*ensure_ascii=*/false, OrderedJson::error_handler_t::replace) << '\n';
}

OrderedJson encodingJson(const Encoding& encoding) {
    return {{"tokens", encoding.tokens},
            {"input_ids", encoding.inputIds},
            {"token_type_ids", encoding.tokenTypeIds},
            {"attention_mask", encoding.attentionMask}};
}

CLI::App* addCommand(CLI::App& app, const std::string& name, const std::string& description,
                     int& exitCode, std::function<void()> body) {
    auto* command = app.add_subcommand(name, description);
    command->callback([&exitCode, body = std::move(body)] { exitCode = runReportingErrors(body); });
    return command;
}

std::string bundledResourcePath(const std::string& relative) {
    const std::string name = "/" + relative;
    std::error_code error;
    const auto exe = std::filesystem::read_symlink("/proc/self/exe", error);
    if (!error) {
        const auto installed = exe.parent_path().parent_path() / "share/bertbench";
        if (std::filesystem::exists(installed.string() + name)) return installed.string() + name;
    }
    const std::string source = std::string(BERTBENCH_SOURCE_RESOURCES) + name;
    if (std::filesystem::exists(source)) return source;
    return {};
}

std::string bundledVocabularyPath() {
    const auto path = bundledResourcePath("vocab/bert-base-uncased-vocab.txt");
    if (path.empty()) throw UsageError("no bundled vocabulary found; give one with --vocab");
    return path;
}

int runReportingErrors(const std::function<void()>& body) {
    try {
        body();
        std::cout.flush();
        return Success;
    } catch (const UsageError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return UsageFailure;
    } catch (const GroupError& e) {
        std::cerr << "error: " << e.what() << '\n';
        return GroupFailure;
    } catch (const Error& e) {
        std::cerr << "error: " << e.what() << '\n';
        return BadInput;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << '\n';
        return InternalFailure;
    }
}

}  // namespace bertbench::cli
