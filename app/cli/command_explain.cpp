// bertbench-cli explain: which tokens moved a classifier towards a class
// (integrated gradients, gradient × input or attention rollout), as JSON.
#include "cli_support.h"
#include "commands.h"
#include "session/session.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <memory>

namespace bertbench::cli {

namespace {
struct ExplainCommand {
    std::string modelDir, text, pair, method = "ig", classLabel, headMask;
    int steps = 50;
    size_t maxLength = 0;
};

OrderedJson attributionJson(const Attribution& a, const std::vector<std::string>& labels, double seconds) {
    const auto& p = a.prediction;
    OrderedJson probabilities = OrderedJson::object();
    for (size_t i = 0; i < p.probabilities.size(); ++i) probabilities[labels.at(i)] = p.probabilities[i];
    OrderedJson out = {{"text", p.text}};
    if (!p.pair.empty()) out["pair"] = p.pair;
    out["tokens"] = p.tokens;
    out["method"] = attributionMethodName(a.method);
    out["class"] = a.classLabel;
    out["scores"] = a.scores;
    out["label"] = p.label;
    out["probabilities"] = probabilities;
    if (a.completenessGap) {
        out["steps"] = a.steps;
        out["output"] = *a.output;
        out["baseline_output"] = *a.baselineOutput;
        out["completeness_gap"] = *a.completenessGap;
        out["relative_gap"] = *a.relativeGap();
    }
    out["forward_passes"] = a.forwardPasses;
    out["seconds"] = seconds;
    if (p.truncated()) out["truncated_from"] = p.untruncatedLength;
    return out;
}

void runExplain(const ExplainCommand& c) {
    Session session;
    const auto model = session.openModel({c.modelDir}).get().take();
    ExplainRequest request;
    request.text = c.text;
    request.pair = c.pair;
    request.method = parseAttributionMethod(c.method);
    request.steps = c.steps;
    request.classLabel = c.classLabel;
    request.maxLength = c.maxLength;
    if (!c.headMask.empty()) request.headMask = parseHeadList(c.headMask, model.layers, model.heads);
    const auto start = std::chrono::steady_clock::now();
    const auto attribution = session.explain(request).get().take();
    const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
    printJsonLine(attributionJson(attribution, model.labels, took.count()));
}
}  // namespace

void addExplainCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<ExplainCommand>();
    auto* command = addCommand(app, "explain",
                               "Attribute a classifier's prediction to the tokens of a text; print JSON", exitCode,
                               [c] { runExplain(*c); });
    command->add_option("--model", c->modelDir, "A Hugging Face model folder, or a model name in the Hugging Face cache")
        ->required()
        ->transform(modelFolderOrCachedName());
    command->add_option("--text", c->text, "The text to explain")->required();
    command->add_option("--pair", c->pair, "A second text, for models of sentence pairs");
    command->add_option("--method", c->method,
                        "ig (integrated gradients), grad-input (gradient × input) or rollout (attention rollout)")
        ->check(CLI::IsMember({"ig", "grad-input", "rollout"}))
        ->capture_default_str();
    command->add_option("--steps", c->steps, "Integrated gradients: intervals from the baseline to the text")
        ->check(CLI::Range(1, 10000))
        ->capture_default_str();
    command->add_option("--class", c->classLabel, "The class to explain (default: the predicted one)");
    command->add_option("--head-mask", c->headMask, "Heads to switch off, as layer:head,... counting from 0");
    command->add_option("--max-length", c->maxLength, "Truncate to this many tokens (default: the model's maximum)")
        ->check(CLI::Range(size_t(2), size_t(1) << 20));
}

}  // namespace bertbench::cli
