// bertbench-cli: tokenize, predict and inspect BERT models from the shell.
// Exit codes: 0 success, 2 usage error, 3 bad input, 4 internal error, 5 a
// data-parallel run lost a process (message on stderr).
#include "cli_support.h"
#include "commands.h"
#include "distributed/local_launch.h"
#include "distributed/training_worker.h"
#include "kernels/matmul_backend.h"
#include "runtime/blas_library.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

#include <iostream>

int main(int argc, char** argv) {
    using namespace bertbench::cli;
    // A worker of a data-parallel run this program started (--nproc).
    if (argc == 3 && std::string(argv[1]) == bertbench::kWorkerFlag) return bertbench::runTrainingWorker(argv[2]);
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
    addSweepCommand(app, exitCode);
    addReproduceCommand(app, exitCode);
    addRunsCommand(app, exitCode);

    bertbench::configureTorchThreads();
    // A misspelt BERTBENCH_MATMUL is reported once, here, not by the first layer.
    if (const int code = runReportingErrors([] { bertbench::matmulBackend(); }); code != Success) return code;
    if (const auto warning = bertbench::slowBlasWarning(); !warning.empty()) std::cerr << "warning: " << warning << '\n';
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);  // prints help, version or the parse error
        return code == 0 ? Success : UsageFailure;
    }
    return exitCode;
}
