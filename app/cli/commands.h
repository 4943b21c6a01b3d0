// The subcommands of bertbench-cli; each registers its options and its action.
#pragma once

namespace CLI {
class App;
}

namespace bertbench::cli {

void addTokenizeCommand(CLI::App& app, int& exitCode);
void addPredictCommand(CLI::App& app, int& exitCode);
void addInfoCommand(CLI::App& app, int& exitCode);
void addTrainCommand(CLI::App& app, int& exitCode);
void addEvalCommand(CLI::App& app, int& exitCode);
void addMaskedLMCommand(CLI::App& app, int& exitCode);
void addBenchCommand(CLI::App& app, int& exitCode);
void addExplainCommand(CLI::App& app, int& exitCode);
void addHeadsCommand(CLI::App& app, int& exitCode);
void addSweepCommand(CLI::App& app, int& exitCode);
void addReproduceCommand(CLI::App& app, int& exitCode);
void addRunsCommand(CLI::App& app, int& exitCode);

}  // namespace bertbench::cli
