// bertbench-cli bench: training throughput (the notebook's pad-to-128 against
// BertBench's dynamic padding + length bucketing), achieved GFLOP/s against a
// plain matrix product measured in the same run, predict latency, tokenizer
// speed and peak memory. Prints a table; --json writes the numbers.
#include "benchmark/flop_count.h"
#include "benchmark/measurements.h"
#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "data/dataset_import.h"
#include "inference/predictor.h"
#include "runtime/torch_runtime.h"

#include <CLI/CLI.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace bertbench::cli {

namespace {

struct BenchCommand {
    bool quick = false;
    std::vector<std::string> presets = {"tiny", "mini", "base"};
    std::string modelDir, dataFile, jsonFile, rssProbe;
};

const char* kSentence = "The sailors rode the breeze clear of the rocks.";  // 12 tokens with [CLS]/[SEP]

TrainingOptions modeOptions(Padding padding, ShuffleMode shuffle) {
    TrainingOptions o;
    o.batchSize = 32;
    o.maxLength = 128;
    o.padding = padding;
    o.shuffle = shuffle;
    return o;
}

std::shared_ptr<ModelBundle> benchModel(const std::string& nameOrDir) {
    if (nameOrDir.find('/') != std::string::npos)
        return std::make_shared<ModelBundle>(loadModelFolder(nameOrDir, Task::SequenceClassification));
    return std::make_shared<ModelBundle>(
        createPresetModel(nameOrDir, tokenizerForNewModel(bundledVocabularyPath(), true), defaultLabels(2)));
}

std::string bundledColaPath() {
    auto vocab = bundledVocabularyPath();  // .../vocab/bert-base-uncased-vocab.txt
    return vocab.substr(0, vocab.rfind("/vocab/")) + "/data/cola/in_domain_train.tsv";
}

// Peak RSS of one training step, in a fresh process so that nothing else the
// benchmark did counts: runs `bertbench-cli bench --rss-probe NAME`.
double probePeakRssGb(const std::string& model, bool quick) {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);  // the shell's would be /bin/sh
    if (error) return 0;
    std::string command = "'" + self.string() + "' bench --rss-probe '" + model + "'" + (quick ? " --quick" : "");
    FILE* pipe = popen(command.c_str(), "r");
    if (!pipe) return 0;
    char buffer[64] = {};
    const bool read = std::fgets(buffer, sizeof buffer, pipe) != nullptr;
    pclose(pipe);
    return read ? std::atof(buffer) / 1e9 : 0;
}

void runRssProbe(const BenchCommand& c, const Dataset& data) {
    auto model = benchModel(c.rssProbe);
    // The notebook's padding to 128 is the memory-heavy case; --quick keeps it short.
    const auto options = modeOptions(c.quick ? Padding::Dynamic : Padding::MaxLength, ShuffleMode::Random);
    measureTraining(*model, data, options, /*warmup=*/0, /*steps=*/1);
    std::cout << peakResidentBytes() << std::endl;
}

template <typename... Args>
void printRow(const char* pattern, Args... values) {
    char text[256];
    std::snprintf(text, sizeof text, pattern, values...);
    std::cout << text << std::endl;
}

void runBench(const BenchCommand& c) {
    ImportOptions importOptions;
    importOptions.format = DatasetFormat::Cola;
    const auto data = importDataset(c.dataFile.empty() ? bundledColaPath() : c.dataFile, importOptions);
    if (!c.rssProbe.empty()) return runRssProbe(c, data);

    nlohmann::ordered_json out;
    out["runtime"] = runtimeDescription();
    out["quick"] = c.quick;
    std::cout << "BertBench benchmark — " << runtimeDescription() << "\n" << data.examples.size()
              << " CoLA training sentences, batch 32, fp32\n\n";

    // The matrix-product baseline is measured again before every model, so each
    // "% of matmul" compares numbers taken under the same machine load.
    auto matmulBaseline = [] { return measureMatmulGflops(4096, 768, 3072, 2.0); };
    printRow("fp32 matrix product 4096x768 @ 768x3072, measured before each model (the baseline for %% of matmul)");
    const auto tok = measureTokenizer(*tokenizerForNewModel(bundledVocabularyPath(), true), data, c.quick ? 0.5 : 2.0);
    out["tokenizer_tokens_per_s"] = tok.tokensPerSecond;
    printRow("tokenizer: %.2f million tokens/s on one thread\n", tok.tokensPerSecond / 1e6);

    std::vector<std::string> models = c.presets;
    if (!c.modelDir.empty()) models.push_back(c.modelDir);
    printRow("%-8s %-23s %10s %10s %10s %9s %12s", "model", "mode", "samples/s", "tokens/s", "epoch s", "GFLOP/s",
             "% of matmul");
    for (const auto& name : models) {
        auto model = benchModel(name);
        const double matmul = matmulBaseline();
        // A folder's path does not fit the model column: it is named once, with its family.
        const std::string label = name.find('/') != std::string::npos ? "folder" : name.substr(0, 8);
        if (label == "folder")
            printRow("folder:  %s (%s)", name.c_str(), familyDisplayName(model->config.family).c_str());
        printRow("%-8s matrix product baseline: %.1f GFLOP/s", label.c_str(), matmul);
        const bool large = model->config.hiddenSize >= 768;
        const int64_t warmup = large ? 1 : 3;
        const int64_t steps = large ? (c.quick ? 3 : 5) : (c.quick ? 10 : 0);  // 0: a whole epoch
        nlohmann::ordered_json entry;
        entry["matmul_gflops"] = matmul;
        struct Mode {
            const char* key;
            const char* label;
            Padding padding;
            ShuffleMode shuffle;
        };
        const Mode modes[] = {{"max_length", "pad to 128 (notebook)", Padding::MaxLength, ShuffleMode::Random},
                              {"longest", "longest in batch", Padding::Dynamic, ShuffleMode::Random},
                              {"default", "dynamic + bucketed", Padding::Dynamic, ShuffleMode::Bucketed}};
        double notebookEpoch = 0;
        for (const auto& mode : modes) {
            if (large && c.quick && mode.padding == Padding::MaxLength) continue;  // ~20 s a step
            const auto t = measureTraining(*model, data, modeOptions(mode.padding, mode.shuffle), warmup, steps);
            entry[mode.key] = {{"samples_per_s", t.samplesPerSecond}, {"tokens_per_s", t.tokensPerSecond},
                               {"epoch_seconds", t.epochSeconds}, {"epoch_measured", steps <= 0},
                               {"gflops", t.gflops}, {"percent_of_matmul", 100 * t.gflops / matmul},
                               {"steps_timed", t.steps}};
            if (mode.padding == Padding::MaxLength) notebookEpoch = t.epochSeconds;
            printRow("%-8s %-23s %10.1f %10.0f %9.1f%s %9.1f %10.1f %%", label.c_str(), mode.label,
                     t.samplesPerSecond, t.tokensPerSecond, t.epochSeconds, steps <= 0 ? " " : "*", t.gflops,
                     100 * t.gflops / matmul);
            if (mode.padding == Padding::Dynamic && mode.shuffle == ShuffleMode::Bucketed && notebookEpoch > 0) {
                entry["epoch_speedup_default_vs_notebook"] = notebookEpoch / t.epochSeconds;
                printRow("%-8s default epoch is %.1fx faster than the notebook's", "", notebookEpoch / t.epochSeconds);
            }
        }
        const int runs = c.quick ? 50 : 200;
        const auto plain = measurePredictLatency(model, kSentence, false, runs);
        const auto withAttention = measurePredictLatency(model, kSentence, true, runs);
        const auto bf16 = measurePredictLatency(model, kSentence, false, runs, /*bfloat16=*/true);
        entry["predict_ms"] = {{"tokens", plain.tokens}, {"p50", plain.p50Ms}, {"p95", plain.p95Ms},
                               {"p50_attentions", withAttention.p50Ms}, {"p95_attentions", withAttention.p95Ms},
                               {"p50_bf16", bf16.p50Ms}, {"p95_bf16", bf16.p95Ms}, {"runs", runs}};
        printRow("%-8s predict (%d tokens): p50 %.2f ms, p95 %.2f ms; with attentions p50 %.2f ms (%+.0f %%)", "",
                 plain.tokens, plain.p50Ms, plain.p95Ms, withAttention.p50Ms,
                 100 * (withAttention.p50Ms / plain.p50Ms - 1));
        printRow("%-8s predict in bfloat16%s: p50 %.2f ms, p95 %.2f ms (%.1fx the float32 speed)", "",
                 bfloat16Accelerated() ? "" : " (emulated on this CPU)", bf16.p50Ms, bf16.p95Ms, plain.p50Ms / bf16.p50Ms);
        if (model->config.hiddenSize >= 768 || !c.modelDir.empty()) {
            const double rss = probePeakRssGb(name, c.quick);
            entry["peak_rss_gb"] = rss;
            entry["peak_rss_padding"] = c.quick ? "dynamic" : "max_length";
            printRow("%-8s peak RSS of one training step (batch 32, %s padding): %.2f GB", "",
                     c.quick ? "dynamic" : "128-token", rss);
        }
        out["models"][name] = entry;
        std::cout << std::endl;
    }
    std::cout << "* epoch time extrapolated from the timed steps\n";
    if (!c.jsonFile.empty()) {
        std::ofstream json(c.jsonFile);
        if (!json) throw FileError(c.jsonFile, "cannot write the results");
        json << out.dump(2) << '\n';
    }
}

}  // namespace

void addBenchCommand(CLI::App& app, int& exitCode) {
    auto c = std::make_shared<BenchCommand>();
    auto* command = addCommand(app, "bench", "Measure training and prediction speed on CoLA", exitCode,
                               [c] { runBench(*c); });
    command->add_flag("--quick", c->quick, "A short run (about two minutes on 2 cores)");
    command->add_option("--presets", c->presets, "Size presets to measure")->delimiter(',')->capture_default_str();
    command->add_option("--model", c->modelDir, "Also measure this Hugging Face model folder, or a model name in the Hugging Face cache")->transform(modelFolderOrCachedName());
    command->add_option("--data", c->dataFile, "CoLA-format training file (default: the bundled one)");
    command->add_option("--json", c->jsonFile, "Write the results as JSON");
    command->add_option("--rss-probe", c->rssProbe, "(internal) print the peak RSS of one training step")
        ->group("");
}

}  // namespace bertbench::cli
