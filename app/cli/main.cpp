// bertbench-cli: tokenize, predict and inspect BERT models from the shell.
// Exit codes: 0 success, 2 usage error, 3 bad input (message on stderr).
#include "cli_support.h"
#include "commands.h"
#include "kernels/matmul_backend.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

int main(int argc, char** argv) {
    using namespace bertbench::cli;
    CLI::App app{"BertBench command line: fine-tune and use BERT models", "bertbench-cli"};
    app.set_version_flag("--version", std::string(BERTBENCH_VERSION));
    app.require_subcommand(1);

    int exitCode = Success;
    addTokenizeCommand(app, exitCode);
    addPredictCommand(app, exitCode);
    addInfoCommand(app, exitCode);
    addTrainCommand(app, exitCode);
    addEvalCommand(app, exitCode);
    addMaskedLMCommand(app, exitCode);
    addBenchCommand(app, exitCode);
    addExplainCommand(app, exitCode);
    addHeadsCommand(app, exitCode);

    bertbench::configureTorchThreads();
    // A misspelt BERTBENCH_MATMUL is reported once, here, not by the first layer.
    if (const int code = runReportingErrors([] { bertbench::matmulBackend(); }); code != Success) return code;
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, version or the parse error
        return code == 0 ? Success : UsageFailure;
    }
    return exitCode;
}
