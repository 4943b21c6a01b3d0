// bertbench-cli bench: training throughput (the notebook's pad-to-128 against
// BertBench's dynamic padding + length bucketing; longest-in-batch padding on
// OpenBLAS, on oneDNN and in bfloat16 autocast), achieved GFLOP/s against a
// plain matrix product measured in the same run, predict latency, batch
// prediction of a file, masked-LM adaptation, tokenizer speed and peak memory.
// Prints a table; --json writes the numbers.
#include "benchmark/flop_count.h"
#include "benchmark/measurements.h"
#include "checkpoint/model_folder.h"
#include "checkpoint/tokenizer_files.h"
#include "cli_support.h"
#include "commands.h"
#include "common/errors.h"
#include "data/dataset_import.h"
#include "inference/batch_prediction.h"
#include "inference/predictor.h"
#include "kernels/matmul_backend.h"
#include "runtime/torch_runtime.h"

#include "bench_scale_out.h"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>

namespace bertbench::cli {

namespace {

struct BenchCommand {
    bool quick = false;
    bool rssCheckpointing = false;
    std::vector<std::string> presets = {"tiny", "mini", "base"};
    std::string modelDir, dataFile, jsonFile, rssProbe;
    std::vector<int> scaleOut = defaultProcessCounts();  // empty: no scale-out section
    std::string scaleOutPreset;                         // default: tiny with --quick, else mini
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

std::string bundledData(const std::string& relative) {
    const auto path = bundledResourcePath("data/" + relative);
    if (path.empty()) throw UsageError("the bundled data file " + relative + " is missing; give a file with --data");
    return path;
}

// The masked-LM seed workflow: the first `count` AG News texts, no labels.
Dataset agNewsTexts(size_t count) {
    ImportOptions options;
    options.format = DatasetFormat::Csv;
    options.unlabelled = true;
    auto data = importDataset(bundledData("agnews/agnews_topics.csv"), options);
    if (data.examples.size() > count) data.examples.resize(count);
    return data;
}

// `count` texts for batch prediction: the data's sentences, repeated as needed.
std::vector<std::string> predictionTexts(const Dataset& data, size_t count) {
    std::vector<std::string> texts;
    for (size_t i = 0; texts.size() < count && !data.examples.empty(); ++i)
        texts.push_back(data.examples[i % data.examples.size()].text);
    return texts;
}

// Peak RSS of one training step, in a fresh process so that nothing else the
// benchmark did counts: runs `bertbench-cli bench --rss-probe NAME`.
double probePeakRssGb(const std::string& model, bool quick, bool checkpointing) {
    std::error_code error;
    const auto self = std::filesystem::read_symlink("/proc/self/exe", error);  // the shell's would be /bin/sh
    if (error) return 0;
    std::string command = "'" + self.string() + "' bench --rss-probe '" + model + "'" + (quick ? " --quick" : "") +
                          (checkpointing ? " --rss-checkpointing" : "");
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
    auto options = modeOptions(c.quick ? Padding::Dynamic : Padding::MaxLength, ShuffleMode::Random);
    options.activationCheckpointing = c.rssCheckpointing;
    measureTraining(*model, data, options, /*warmup=*/0, /*steps=*/1);
    std::cout << peakResidentBytes() << std::endl;
}

template <typename... Args>
void printRow(const char* pattern, Args... values) {
    char text[256];
    std::snprintf(text, sizeof text, pattern, values...);
    std::cout << text << std::endl;
}

struct TrainingMode {
    const char* key;
    const char* label;
    Padding padding;
    ShuffleMode shuffle;
    MatmulBackend backend;
    TrainingPrecision precision;
    bool checkpointing = false;
};

// The modes measured for each model: the notebook's padding, longest-in-batch
// padding on each matrix-product backend, in bfloat16 and with activation
// checkpointing, and the default.
std::vector<TrainingMode> trainingModes() {
    const auto process = matmulBackend();
    const auto other = process == MatmulBackend::OneDnn ? MatmulBackend::Blas : MatmulBackend::OneDnn;
    return {{"max_length", "pad to 128 (notebook)", Padding::MaxLength, ShuffleMode::Random, process,
             TrainingPrecision::Float32},
            {"longest", "longest in batch", Padding::Dynamic, ShuffleMode::Random, process, TrainingPrecision::Float32},
            {other == MatmulBackend::Blas ? "longest_blas" : "longest_onednn",
             other == MatmulBackend::Blas ? "longest, OpenBLAS" : "longest, oneDNN", Padding::Dynamic,
             ShuffleMode::Random, other, TrainingPrecision::Float32},
            {"longest_bf16", "longest, bf16 autocast", Padding::Dynamic, ShuffleMode::Random, process,
             TrainingPrecision::BFloat16},
            {"longest_checkpointing", "longest, checkpointing", Padding::Dynamic, ShuffleMode::Random, process,
             TrainingPrecision::Float32, /*checkpointing=*/true},
            {"default", "dynamic + bucketed", Padding::Dynamic, ShuffleMode::Bucketed, process,
             TrainingPrecision::Float32}};
}

void measureTrainingModes(const BenchCommand& c, const std::string& label, ModelBundle& model, const Dataset& data,
                          double matmul, nlohmann::ordered_json& entry) {
    const bool large = model.config.hiddenSize >= 768;
    const int64_t warmup = large ? 1 : 3;
    const int64_t steps = large ? (c.quick ? 3 : 5) : (c.quick ? 10 : 0);  // 0: a whole epoch
    double notebookEpoch = 0, longest = 0;
    for (const auto& mode : trainingModes()) {
        if (large && c.quick && mode.padding == Padding::MaxLength) continue;  // ~20 s a step
        MatmulBackendScope backend(mode.backend);
        auto options = modeOptions(mode.padding, mode.shuffle);
        options.precision = mode.precision;
        options.activationCheckpointing = mode.checkpointing;
        const auto t = measureTraining(model, data, options, warmup, steps);
        entry[mode.key] = {{"samples_per_s", t.samplesPerSecond}, {"tokens_per_s", t.tokensPerSecond},
                           {"epoch_seconds", t.epochSeconds}, {"epoch_measured", steps <= 0},
                           {"gflops", t.gflops}, {"percent_of_matmul", 100 * t.gflops / matmul},
                           {"steps_timed", t.steps}};
        if (mode.padding == Padding::MaxLength) notebookEpoch = t.epochSeconds;
        if (std::string(mode.key) == "longest") longest = t.samplesPerSecond;
        printRow("%-8s %-23s %10.1f %10.0f %9.1f%s %9.1f %10.1f %%", label.c_str(), mode.label, t.samplesPerSecond,
                 t.tokensPerSecond, t.epochSeconds, steps <= 0 ? " " : "*", t.gflops, 100 * t.gflops / matmul);
        if (mode.precision == TrainingPrecision::BFloat16 && longest > 0) {
            entry["bf16_speedup_vs_float32"] = t.samplesPerSecond / longest;
            printRow("%-8s bfloat16 autocast is %.2fx the float32 step%s", "", t.samplesPerSecond / longest,
                     bfloat16Accelerated() ? "" : " (emulated on this CPU)");
        }
        if (mode.shuffle == ShuffleMode::Bucketed && notebookEpoch > 0) {
            entry["epoch_speedup_default_vs_notebook"] = notebookEpoch / t.epochSeconds;
            printRow("%-8s default epoch is %.1fx faster than the notebook's", "", notebookEpoch / t.epochSeconds);
        }
    }
}

void measurePrediction(const BenchCommand& c, const std::shared_ptr<ModelBundle>& model, const Dataset& data,
                       nlohmann::ordered_json& entry) {
    const int runs = c.quick ? 50 : 200;
    const auto plain = measurePredictLatency(model, kSentence, false, runs);
    const auto withAttention = measurePredictLatency(model, kSentence, true, runs);
    const auto bf16 = measurePredictLatency(model, kSentence, false, runs, /*bfloat16=*/true);
    Latency blas;
    {
        MatmulBackendScope backend(MatmulBackend::Blas);
        blas = measurePredictLatency(model, kSentence, false, runs);
    }
    entry["predict_ms"] = {{"tokens", plain.tokens}, {"p50", plain.p50Ms}, {"p95", plain.p95Ms},
                           {"p50_attentions", withAttention.p50Ms}, {"p95_attentions", withAttention.p95Ms},
                           {"p50_bf16", bf16.p50Ms}, {"p95_bf16", bf16.p95Ms}, {"p50_blas", blas.p50Ms},
                           {"runs", runs}};
    printRow("%-8s predict (%d tokens): p50 %.2f ms, p95 %.2f ms; with attentions p50 %.2f ms (%+.0f %%)", "",
             plain.tokens, plain.p50Ms, plain.p95Ms, withAttention.p50Ms, 100 * (withAttention.p50Ms / plain.p50Ms - 1));
    printRow("%-8s predict on OpenBLAS: p50 %.2f ms; in bfloat16%s: p50 %.2f ms, p95 %.2f ms", "", blas.p50Ms,
             bfloat16Accelerated() ? "" : " (emulated on this CPU)", bf16.p50Ms, bf16.p95Ms);

    // A file of sentences: base costs ~10x mini per sentence, so it gets fewer.
    const bool large = model->config.hiddenSize >= 768;
    const size_t count = large ? (c.quick ? 256 : 1000) : (c.quick ? 2000 : 10000);
    const auto texts = predictionTexts(data, count);
    const auto inOrder = measureBatchPrediction(model, texts, kPredictionBatchSize, /*shortestFirst=*/false);
    const auto sorted = measureBatchPrediction(model, texts, kPredictionBatchSize, /*shortestFirst=*/true);
    entry["batch_predict"] = {{"texts", inOrder.texts}, {"batch_size", kPredictionBatchSize},
                              {"texts_per_s_file_order", inOrder.textsPerSecond},
                              {"texts_per_s_shortest_first", sorted.textsPerSecond}};
    printRow("%-8s predict a file of %lld sentences, batch %zu: %.0f texts/s in file order, %.0f shortest first", "",
             (long long)inOrder.texts, kPredictionBatchSize, inOrder.textsPerSecond, sorted.textsPerSecond);
}

// The masked-LM seed workflow: AG News texts, batch 8, 15 % masking, longest-in-batch padding.
void measureMaskedLM(const BenchCommand& c, const std::string& preset, nlohmann::ordered_json& entry) {
    const bool large = preset == "base";
    const auto texts = agNewsTexts(1000);
    auto model = createPresetModel(preset, tokenizerForNewModel(bundledVocabularyPath(), true), defaultLabels(2), Task::MaskedLM);
    auto options = modeOptions(Padding::Dynamic, ShuffleMode::Random);
    options.batchSize = 8;
    const int64_t steps = large ? (c.quick ? 3 : 10) : (c.quick ? 20 : 0);  // 0: all 125 steps
    const auto t = measureTraining(model, texts, options, /*warmup=*/2, steps);
    entry["masked_lm"] = {{"texts", texts.examples.size()}, {"batch_size", 8}, {"samples_per_s", t.samplesPerSecond},
                          {"tokens_per_s", t.tokensPerSecond}, {"steps_timed", t.steps}};
    printRow("%-8s masked-LM adaptation (%zu AG News texts, batch 8, 15 %% masked): %.1f samples/s", "",
             texts.examples.size(), t.samplesPerSecond);
}

void runBench(BenchCommand c) {
    c.scaleOut.erase(std::remove(c.scaleOut.begin(), c.scaleOut.end(), 0), c.scaleOut.end());
    for (int p : c.scaleOut)
        if (p < 0 || p > 64) throw UsageError("--scale-out: " + std::to_string(p) + " processes is not from 1 to 64");
    if (!c.scaleOut.empty() && c.scaleOut.front() != 1) c.scaleOut.insert(c.scaleOut.begin(), 1);  // the reference
    ImportOptions importOptions;
    importOptions.format = DatasetFormat::Cola;
    const auto data = importDataset(c.dataFile.empty() ? bundledData("cola/in_domain_train.tsv") : c.dataFile,
                                    importOptions);
    if (!c.rssProbe.empty()) return runRssProbe(c, data);

    nlohmann::ordered_json out;
    out["runtime"] = runtimeDescription();
    out["quick"] = c.quick;
    std::cout << "BertBench benchmark — " << runtimeDescription() << "\n" << data.examples.size()
              << " CoLA training sentences, batch 32, fp32 unless stated\n\n";

    // The matrix-product baselines are measured again before every model, so each
    // "% of matmul" compares numbers taken under the same machine load; it is
    // against the backend the process uses.
    auto matmulBaseline = [](MatmulBackend backend) { return measureMatmulGflops(4096, 768, 3072, 1.0, backend); };
    printRow("fp32 matrix product 4096x768 @ 768x3072 on OpenBLAS and oneDNN, measured before each model");
    const auto tok = measureTokenizer(*tokenizerForNewModel(bundledVocabularyPath(), true), data, c.quick ? 0.5 : 2.0);
    out["tokenizer_tokens_per_s"] = tok.tokensPerSecond;
    printRow("tokenizer: %.2f million tokens/s on one thread\n", tok.tokensPerSecond / 1e6);

    std::vector<std::string> models = c.presets;
    if (!c.modelDir.empty()) models.push_back(c.modelDir);
    printRow("%-8s %-23s %10s %10s %10s %9s %12s", "model", "mode", "samples/s", "tokens/s", "epoch s", "GFLOP/s",
             "% of matmul");
    for (const auto& name : models) {
        auto model = benchModel(name);
        const double blas = matmulBaseline(MatmulBackend::Blas), onednn = matmulBaseline(MatmulBackend::OneDnn);
        const double matmul = matmulBackend() == MatmulBackend::OneDnn ? onednn : blas;
        // A folder's path does not fit the model column: it is named once, with its family.
        const bool folder = name.find('/') != std::string::npos;
        const std::string label = folder ? "folder" : name.substr(0, 8);
        if (folder) printRow("folder:  %s (%s)", name.c_str(), familyDisplayName(model->config.family).c_str());
        printRow("%-8s matrix product baseline: OpenBLAS %.1f GFLOP/s, oneDNN %.1f GFLOP/s", label.c_str(), blas, onednn);
        nlohmann::ordered_json entry;
        entry["matmul_gflops"] = matmul;
        entry["matmul_gflops_blas"] = blas;
        entry["matmul_gflops_onednn"] = onednn;
        measureTrainingModes(c, label, *model, data, matmul, entry);
        measurePrediction(c, model, data, entry);
        if (!folder) measureMaskedLM(c, name, entry);
        if (model->config.hiddenSize >= 768 || folder) {
            const double rss = probePeakRssGb(name, c.quick, false);
            const double checkpointed = probePeakRssGb(name, c.quick, true);
            entry["peak_rss_gb"] = rss;
            entry["peak_rss_gb_checkpointing"] = checkpointed;
            entry["peak_rss_padding"] = c.quick ? "dynamic" : "max_length";
            printRow("%-8s peak RSS of one training step (batch 32, %s padding): %.2f GB; %.2f GB with activation "
                     "checkpointing", "", c.quick ? "dynamic" : "128-token", rss, checkpointed);
        }
        out["models"][name] = entry;
        std::cout << std::endl;
    }
    std::cout << "* epoch time extrapolated from the timed steps\n";
    if (!c.scaleOut.empty()) {
        const std::string preset = c.scaleOutPreset.empty() ? (c.quick ? "tiny" : "mini") : c.scaleOutPreset;
        const int steps = c.quick ? 15 : 40;
        const auto rows = measureScaleOut(c.scaleOut, preset,
                                          c.dataFile.empty() ? bundledData("cola/in_domain_train.tsv") : c.dataFile, steps);
        printRow("\nscale-out: %s, global batch 32, %d steps per run, the cores split between the processes",
                 preset.c_str(), steps);
        printRow("%-22s %10s %16s", "processes x threads", "samples/s", "vs 1 process");
        for (const auto& r : rows) {
            const std::string shape = std::to_string(r.processes) + " x " + std::to_string(r.threadsEach);
            printRow("%-22s %10.1f %15.2fx", shape.c_str(), r.samplesPerSecond, r.relativeToOne);
        }
        out["scale_out"] = {{"preset", preset}, {"steps", steps}, {"runs", scaleOutJson(rows)}};
    }
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
    command->add_option("--scale-out", c->scaleOut,
                        "Process counts for the scale-out section (data-parallel training at equal global batch, "
                        "the cores split between the processes); give 0 to leave the section out")
        ->delimiter(',')
        ->capture_default_str();
    command->add_option("--scale-out-preset", c->scaleOutPreset, "The scale-out section's model (default: tiny with --quick, else mini)");
    command->add_option("--rss-probe", c->rssProbe, "(internal) print the peak RSS of one training step")
        ->group("");
    command->add_flag("--rss-checkpointing", c->rssCheckpointing, "(internal) the probe's step with activation checkpointing")
        ->group("");
}

}  // namespace bertbench::cli
