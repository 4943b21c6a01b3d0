// bertbench-cli heads: how much each attention head matters on a labelled
// file (Michel et al. 2019), and optionally a model with the least important
// heads pruned, saved where transformers loads it.
#include "cli_support.h"
#include "commands.h"
#include "dataset_flags.h"
#include "evaluation/metrics.h"
#include "session/session.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace bertbench::cli {

namespace {
struct HeadsCommand {
    std::string modelDir, dataFile, outDir;
    int64_t prune = 0;
    bool replace = false;
    size_t maxLength = 0;
    int64_t batchSize = 32;
    DatasetFlags dataset;
};

OrderedJson headsJson(const HeadsByLayer& heads) {
    OrderedJson out = OrderedJson::object();
    for (const auto& [layer, list] : heads) out[std::to_string(layer)] = list;
    return out;
}

OrderedJson importanceJson(const HeadImportance& importance) {
    auto layers = OrderedJson::array();
    for (int64_t l = 0; l < importance.layers; ++l) {
        std::vector<float> row(importance.scores.begin() + l * importance.heads,
                               importance.scores.begin() + (l + 1) * importance.heads);
        layers.push_back(row);
    }
    return {{"examples", importance.examples}, {"tokens", importance.tokens}, {"importance", layers}};
}

void runHeads(const HeadsCommand& c) {
    if (c.prune > 0 && c.outDir.empty()) throw UsageError("--prune needs --out: the folder for the pruned model");
    Session session;
    const auto model = session.openModel({c.modelDir}).get().take();
    const auto data = session.importHoldout(c.dataset.request(c.dataFile)).get().take();
    printImportSummary(c.dataFile, data.labelNames, data.report);
    if (c.prune <= 0) {
        const auto importance = session.headImportance({Split::Holdout, c.maxLength, c.batchSize}).get().take();
        printJsonLine(importanceJson(importance));
        return;
    }
    PruneRequest request;
    request.count = c.prune;
    request.split = Split::Holdout;
    request.maxLength = c.maxLength;
    request.batchSize = c.batchSize;
    const auto result = session.pruneHeads(request).get().take();
    session.saveModel({c.outDir, c.replace}).get().take();
    auto out = importanceJson(result.importance);
    out["pruned"] = headsJson(result.pruned);
    out["pruned_heads"] = headsJson(result.prunedInAll);
    out["before"] = metricsToJson(result.before.metrics, model.labels);
    out["after"] = metricsToJson(result.after.metrics, model.labels);
    out["parameters_before"] = model.parameters;
    out["parameters_after"] = result.model.parameters;
    out["saved"] = c.outDir;
    printJsonLine(out);
}
}  // namespace

void addHeadsCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<HeadsCommand>();
    auto* command = addCommand(app, "heads",
                               "Measure attention-head importance on a labelled file; prune the least important",
                               exitCode, [c] { runHeads(*c); });
    command->add_option("--model", c->modelDir, "A Hugging Face model folder, or a model name in the Hugging Face cache")
        ->required()
        ->transform(modelFolderOrCachedName());
    command->add_option("--data", c->dataFile, "The labelled data file")->required();
    c->dataset.addOptions(*command);
    command->add_option("--prune", c->prune, "Prune this many of the least important heads")->check(CLI::Range(1, 100000));
    command->add_option("--out", c->outDir, "Where to save the pruned model (a new or empty folder)");
    command->add_flag("--replace", c->replace, "Replace a model already in --out");
    command->add_option("--max-length", c->maxLength, "Truncate to this many tokens (default: the model's maximum)");
    command->add_option("--batch-size", c->batchSize, "Examples per batch")->capture_default_str();
}

}  // namespace bertbench::cli
