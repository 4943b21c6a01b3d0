// bertbench-cli eval: metrics of a classifier on a labelled file, as JSON.
#include "cli_support.h"
#include "commands.h"
#include "dataset_flags.h"
#include "evaluation/metrics.h"
#include "session/session.h"

#include <CLI/CLI.hpp>

#include <iostream>

namespace bertbench::cli {

namespace {
struct EvalCommand {
    std::string modelDir, dataFile, device = "cpu";
    size_t maxLength = 0;
    int64_t batchSize = 64;
    DatasetFlags dataset;
};

void runEval(const EvalCommand& c) {
    Session session;
    const auto model = session.openModel({c.modelDir}).get().take();
    const auto data = session.importHoldout(c.dataset.request(c.dataFile)).get().take();
    printImportSummary(c.dataFile, data.labelNames, data.report);
    const auto result = session.evaluate({Split::Holdout, c.maxLength, c.batchSize, c.device}).get().take();
    std::cout << metricsToJson(result.result.metrics, model.labels).dump(2) << std::endl;
}
}  // namespace

void addEvalCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<EvalCommand>();
    auto* command = addCommand(app, "eval", "Evaluate a classifier on a labelled file; print the metrics as JSON",
                               exitCode, [c] { runEval(*c); });
    command->add_option("--model", c->modelDir, "A Hugging Face model folder, or a model name in the Hugging Face cache")->required()->transform(modelFolderOrCachedName());
    command->add_option("--data", c->dataFile, "The labelled data file")->required();
    c->dataset.addOptions(*command);
    command->add_option("--max-length", c->maxLength, "Truncate to this many tokens (default: the model's maximum)");
    command->add_option("--batch-size", c->batchSize, "Examples per batch")->capture_default_str();
    command->add_option("--device", c->device, "cpu or cuda")->capture_default_str();
}

}  // namespace bertbench::cli
