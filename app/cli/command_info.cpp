// bertbench-cli info: what a model folder holds, as JSON.
#include "checkpoint/model_folder.h"
#include "cli_support.h"
#include "commands.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace bertbench::cli {

namespace {
void runInfo(const std::string& dir) {
    const auto model = loadModelFolder(dir);
    const auto& c = model.config;
    const auto count = countParameters(model.module());
    printJsonLine({{"architecture", model.architecture()},
                   {"model_type", modelTypeName(c.family)},
                   {"tokenizer", model.tokenizer->kind()},
                   {"layers", c.numHiddenLayers},
                   {"hidden_size", c.hiddenSize},
                   {"attention_heads", c.numAttentionHeads},
                   {"intermediate_size", c.intermediateSize},
                   {"hidden_act", activationName(c.hiddenAct)},
                   {"max_position_embeddings", c.maxPositionEmbeddings},
                   {"max_length", model.maxLength},
                   {"vocab_size", c.vocabSize},
                   {"vocabulary_tokens", model.tokenizer->vocabulary().size()},
                   {"do_lower_case", model.tokenizer->lowercases()},
                   {"labels", c.id2label},
                   {"parameters", count.total},
                   {"weights", model.report.source},
                   {"newly_initialized", model.report.newlyInitialised},
                   {"unused_weights", model.report.unused}});
}
}  // namespace

void addInfoCommand(CLI::App& app, int& exitCode) {
    auto dir = std::make_shared<std::string>();
    auto* command = addCommand(app, "info", "Print a model folder's configuration and parameter count as JSON",
                               exitCode, [dir] { runInfo(*dir); });
    command->add_option("--model", *dir, "A Hugging Face model folder, or a model name in the Hugging Face cache")->required()->transform(modelFolderOrCachedName());
}

}  // namespace bertbench::cli
