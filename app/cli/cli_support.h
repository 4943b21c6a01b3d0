// What every bertbench-cli subcommand shares: exit codes, reading the texts to
// work on, and printing one JSON object per line.
#pragma once

#include "tokenizer/tokenizer.h"

#include <nlohmann/json.hpp>

#include <functional>

#include <string>
#include <vector>

namespace CLI {
class App;
class Validator;
class Option;
}

namespace bertbench::cli {

enum ExitCode { Success = 0, UsageFailure = 2, BadInput = 3, InternalFailure = 4, GroupFailure = 5 };

// --text T | --input FILE ("-" reads standard input), exactly one required.
struct TextSource {
    std::string text;
    std::string inputFile;
    void addOptions(CLI::App& command);
    // One text per line of the file (a trailing \r is dropped), or the single --text.
    // Throws FileError when the file cannot be read.
    std::vector<std::string> read() const;

private:
    CLI::Option* textOption_ = nullptr;
};

// Keys stay in the order they were added, so output reads in a sensible order.
using OrderedJson = nlohmann::ordered_json;

void printJsonLine(const OrderedJson& object);

OrderedJson encodingJson(const Encoding& encoding);

// Registers a subcommand whose callback runs `body` through runReportingErrors
// and stores the result in exitCode.
CLI::App* addCommand(CLI::App& app, const std::string& name, const std::string& description,
                     int& exitCode, std::function<void()> body);

// A file under resources/ (e.g. "data/cola/in_domain_train.tsv") as installed
// (share/bertbench/...) or in the source tree; empty when neither has it.
std::string bundledResourcePath(const std::string& relative);

// bert-base-uncased's vocab.txt as installed with BertBench (share/bertbench/vocab)
// or, when running from a build folder, from the source tree's resources/.
std::string bundledVocabularyPath();

// For --model: a folder, or the name of a model in the Hugging Face cache
// ("bert-base-uncased"), which becomes its snapshot folder. Nothing is ever
// downloaded; a name that is neither is left for the loader to report.
CLI::Validator modelFolderOrCachedName();

// Runs `body`, turning engine exceptions into a message on stderr and an exit code.
int runReportingErrors(const std::function<void()>& body);

}  // namespace bertbench::cli
