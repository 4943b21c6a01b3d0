#include "training_flags.h"

#include <CLI/CLI.hpp>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <memory>

namespace bertbench::cli {

void TrainingFlags::addOptions(CLI::App& c) {
    auto& o = options;
    c.add_option("--epochs", o.epochs, "Passes over the training data")->capture_default_str();
    c.add_option("--max-steps", o.maxSteps, "Stop after this many optimizer steps (overrides --epochs)");
    c.add_option("--batch-size", o.batchSize, "Examples per batch")->capture_default_str();
    c.add_option("--gradient-accumulation", o.gradientAccumulation, "Batches per optimizer step");
    c.add_option("--lr", o.learningRate, "Peak learning rate (BERT fine-tuning: 2e-5 to 5e-5)")->capture_default_str();
    c.add_option("--head-lr", o.headLearningRate, "Separate learning rate for the classifier head");
    auto* ratio = c.add_option("--warmup-ratio", o.warmupRatio, "Share of steps spent warming up")->capture_default_str();
    auto* steps = c.add_option("--warmup-steps", o.warmupSteps, "Warm-up steps (instead of --warmup-ratio)");
    ratio->excludes(steps);
    c.add_option("--schedule", schedule, "linear, constant or cosine (after warmup)")
        ->check(CLI::IsMember({"linear", "constant", "cosine"}));
    c.add_option("--weight-decay", o.weightDecay, "AdamW weight decay (not on biases and LayerNorm)")->capture_default_str();
    c.add_option("--max-grad-norm", o.maxGradNorm, "Clip gradients to this global norm (0: off)")->capture_default_str();
    c.add_option("--max-length", o.maxLength, "Tokens per example, [CLS] and [SEP] included")->capture_default_str();
    c.add_option("--padding", padding, "dynamic (longest in batch) or max_length (the notebook's pad-to-128)")
        ->check(CLI::IsMember({"dynamic", "max_length"}));
    c.add_option("--shuffle", shuffle, "bucketed (by length), random or none (file order)")
        ->check(CLI::IsMember({"bucketed", "random", "none"}));
    c.add_option("--seed", o.seed, "Random seed for initialisation, dropout and data order")->capture_default_str();
    auto* freeze = c.add_option("--freeze-layers", o.freezeLayers, "Freeze the embeddings and the first K layers");
    auto* headOnly = c.add_flag("--head-only", o.headOnly, "Train only the pooler and classifier");
    freeze->excludes(headOnly);
    c.add_option("--lora-rank", o.lora.rank, "Train LoRA adapters of this rank (merged on save)");
    c.add_option("--lora-alpha", o.lora.alpha, "LoRA scale numerator")->capture_default_str();
    c.add_option("--lora-targets", o.lora.targets, "LoRA targets: query key value dense")->delimiter(',');
    c.add_option("--early-stopping-patience", o.earlyStoppingPatience, "Stop after P evaluations without improvement");
    c.add_option("--metric", o.metric, "Metric that picks the best model: accuracy, mcc, f1 or loss")
        ->check(CLI::IsMember({"accuracy", "mcc", "f1", "loss"}))
        ->capture_default_str();
    c.add_option("--eval-batch-size", o.evalBatchSize, "Examples per evaluation batch");
    c.add_option("--device", o.device, "cpu or cuda")->capture_default_str();
}

TrainingOptions TrainingFlags::resolved() const {
    auto o = options;
    auto names = options.toJson();
    names["schedule"] = schedule;
    names["padding"] = padding;
    names["shuffle"] = shuffle;
    return TrainingOptions::fromJson(names);
}

namespace {
std::string clock(double seconds) {
    const auto s = static_cast<long>(seconds + 0.5);
    char text[32];
    if (s >= 3600)
        std::snprintf(text, sizeof text, "%ld:%02ld:%02ld", s / 3600, s / 60 % 60, s % 60);
    else
        std::snprintf(text, sizeof text, "%ld:%02ld", s / 60, s % 60);
    return text;
}
}  // namespace

TrainingCallbacks stderrProgress() {
    auto lastPrint = std::make_shared<std::chrono::steady_clock::time_point>();
    TrainingCallbacks callbacks;
    callbacks.onStep = [lastPrint](const StepReport& r) {
        const auto now = std::chrono::steady_clock::now();
        if (r.step != r.totalSteps && r.step != 1 && now - *lastPrint < std::chrono::seconds(2)) return;
        *lastPrint = now;
        char line[200];
        std::snprintf(line, sizeof line, "step %lld/%lld  epoch %.2f  loss %.4f  lr %.2e  %.1f samples/s  ETA %s",
                      static_cast<long long>(r.step), static_cast<long long>(r.totalSteps), r.epochProgress, r.loss,
                      r.learningRate, r.samplesPerSecond, clock(r.etaSeconds).c_str());
        std::cerr << line << std::endl;
    };
    callbacks.onEvaluation = [](const EvaluationReport& r) {
        const std::string when = r.split == "test" ? "test (best model)"
                                                   : r.split + " after epoch " + std::to_string(r.epoch + 1);
        char line[200];
        std::snprintf(line, sizeof line, "%s: loss %.4f  accuracy %.4f  mcc %.4f  f1 %.4f%s", when.c_str(),
                      r.metrics.loss, r.metrics.accuracy, r.metrics.mcc, r.metrics.f1Macro,
                      r.improved ? "  (best so far)" : "");
        std::cerr << line << std::endl;
    };
    callbacks.onMessage = [](const std::string& text) { std::cerr << text << std::endl; };
    return callbacks;
}

}  // namespace bertbench::cli
