// bertbench-cli predict: classify texts with a model folder.
#include "checkpoint/model_folder.h"
#include "cli_support.h"
#include "commands.h"
#include "inference/predictor.h"

#include <CLI/CLI.hpp>

#include <iostream>
#include <memory>

namespace bertbench::cli {

namespace {
struct PredictOptions {
    std::string modelDir;
    size_t maxLength = 0;
    bool attentions = false;
    std::string precision = "fp32";
    TextSource texts;
};

// [layer][head][i][j], as transformers' output_attentions gives them.
OrderedJson attentionsJson(const AttentionMaps& maps) {
    auto layers = OrderedJson::array();
    for (int l = 0; l < maps.layers; ++l) {
        auto heads = OrderedJson::array();
        for (int h = 0; h < maps.heads; ++h) {
            auto rows = OrderedJson::array();
            for (int i = 0; i < maps.tokens; ++i) {
                std::vector<float> row(size_t(maps.tokens));
                for (int j = 0; j < maps.tokens; ++j) row[size_t(j)] = maps.at(l, h, i, j);
                rows.push_back(row);
            }
            heads.push_back(rows);
        }
        layers.push_back(heads);
    }
    return layers;
}

void runPredict(const PredictOptions& o) {
    const auto texts = o.texts.read();
    auto model = std::make_shared<ModelBundle>(loadModelFolder(o.modelDir, Task::SequenceClassification));
    for (const auto& warning : model->report.warnings()) std::cerr << "warning: " << warning << '\n';
    Predictor predictor(model, o.maxLength, o.precision == "bf16" ? Precision::BFloat16 : Precision::Float32);
    for (size_t line = 0; line < texts.size(); ++line) {
        const auto p = predictor.predict(texts[line], o.attentions);
        if (p.truncated())
            std::cerr << "warning: text " << line + 1 << " has " << p.untruncatedLength
                      << " tokens and was truncated to " << p.inputIds.size() << '\n';
        OrderedJson out = {{"text", p.text},
                              {"tokens", p.tokens},
                              {"input_ids", p.inputIds},
                              {"logits", p.logits},
                              {"probabilities", p.probabilities},
                              {"label_id", p.labelId},
                              {"label", p.label}};
        if (p.attentions) out["attentions"] = attentionsJson(*p.attentions);
        printJsonLine(out);
    }
}
}  // namespace

void addPredictCommand(CLI::App& app, int& exitCode) {
    auto o = std::make_shared<PredictOptions>();
    auto* command = addCommand(app, "predict", "Classify texts; print logits, probabilities and label as JSON lines",
                               exitCode, [o] { runPredict(*o); });
    command->add_option("--model", o->modelDir, "A Hugging Face model folder, or a model name in the Hugging Face cache")->required()->transform(modelFolderOrCachedName());
    command->add_option("--max-length", o->maxLength,
                        "Truncate inputs to this many tokens (default: the model's maximum)")
        ->check(CLI::Range(size_t(2), size_t(1) << 20));
    command->add_flag("--attentions", o->attentions, "Also print every layer's attention [layer][head][i][j]");
    command->add_option("--precision", o->precision,
                        "fp32 (matches transformers) or bf16 (faster on CPUs with AVX512-BF16, ~1e-2 off)")
        ->check(CLI::IsMember({"fp32", "bf16"}))
        ->capture_default_str();
    o->texts.addOptions(*command);
}

}  // namespace bertbench::cli
