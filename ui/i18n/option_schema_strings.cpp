// OptionSchemaStrings: see option_schema_strings.h.
#include "i18n/option_schema_strings.h"

#include <QCoreApplication>

namespace OptionSchemaStrings {
namespace {

// In schema order: group titles, then each field's label, help text, choice
// labels and the meaning of its minimum.
const char* const kStrings[] = {
    QT_TRANSLATE_NOOP("OptionSchema", "Schedule"),
    QT_TRANSLATE_NOOP("OptionSchema", "Optimizer"),
    QT_TRANSLATE_NOOP("OptionSchema", "Data and hardware"),
    QT_TRANSLATE_NOOP("OptionSchema", "What is trained and kept"),
    QT_TRANSLATE_NOOP("OptionSchema", "epochs"),
    QT_TRANSLATE_NOOP("OptionSchema", "Passes over the training data. BERT's authors recommend 2–4 for fine-tuning; more overfits small datasets such as CoLA."),
    QT_TRANSLATE_NOOP("OptionSchema", "max steps"),
    QT_TRANSLATE_NOOP("OptionSchema", "Stop after this many optimizer steps, overriding epochs. 0 trains for the full epochs; useful for quick trials."),
    QT_TRANSLATE_NOOP("OptionSchema", "no limit"),
    QT_TRANSLATE_NOOP("OptionSchema", "batch size"),
    QT_TRANSLATE_NOOP("OptionSchema", "Examples per forward pass. 16 or 32 is the usual choice; larger batches need more memory."),
    QT_TRANSLATE_NOOP("OptionSchema", "gradient accumulation"),
    QT_TRANSLATE_NOOP("OptionSchema", "Batches summed before each optimizer step: the effective batch is batch size × this, without the memory cost."),
    QT_TRANSLATE_NOOP("OptionSchema", "learning rate"),
    QT_TRANSLATE_NOOP("OptionSchema", "Peak AdamW learning rate. Fine-tuning uses 2e-5 to 5e-5: large enough to adapt the classifier, small enough not to destroy what pre-training learned. LoRA tolerates about 10× more."),
    QT_TRANSLATE_NOOP("OptionSchema", "classifier learning rate"),
    QT_TRANSLATE_NOOP("OptionSchema", "A separate rate for the new classifier and pooler, which start from random weights and may learn faster. 0 uses the learning rate."),
    QT_TRANSLATE_NOOP("OptionSchema", "same"),
    QT_TRANSLATE_NOOP("OptionSchema", "warmup ratio"),
    QT_TRANSLATE_NOOP("OptionSchema", "Share of all steps during which the rate rises linearly from 0. Warmup (usually 10 %) keeps the first, noisy updates from wrecking pre-trained weights."),
    QT_TRANSLATE_NOOP("OptionSchema", "warmup steps"),
    QT_TRANSLATE_NOOP("OptionSchema", "Exact number of warmup steps; overrides the ratio when 0 or more. -1 uses the ratio."),
    QT_TRANSLATE_NOOP("OptionSchema", "use ratio"),
    QT_TRANSLATE_NOOP("OptionSchema", "schedule"),
    QT_TRANSLATE_NOOP("OptionSchema", "How the rate falls after warmup: linearly to 0 (BERT's choice), not at all, or along a cosine."),
    QT_TRANSLATE_NOOP("OptionSchema", "linear decay"),
    QT_TRANSLATE_NOOP("OptionSchema", "constant"),
    QT_TRANSLATE_NOOP("OptionSchema", "cosine"),
    QT_TRANSLATE_NOOP("OptionSchema", "weight decay"),
    QT_TRANSLATE_NOOP("OptionSchema", "AdamW's decoupled weight decay (0.01 in BERT), a mild regulariser; never applied to biases and LayerNorm weights."),
    QT_TRANSLATE_NOOP("OptionSchema", "Adam β1"),
    QT_TRANSLATE_NOOP("OptionSchema", "Decay of the running mean of gradients (momentum). 0.9 is standard."),
    QT_TRANSLATE_NOOP("OptionSchema", "Adam β2"),
    QT_TRANSLATE_NOOP("OptionSchema", "Decay of the running mean of squared gradients. 0.999 is standard."),
    QT_TRANSLATE_NOOP("OptionSchema", "Adam ε"),
    QT_TRANSLATE_NOOP("OptionSchema", "Added to the denominator for numerical stability. 1e-8 (BERT uses 1e-6 in some recipes)."),
    QT_TRANSLATE_NOOP("OptionSchema", "max gradient norm"),
    QT_TRANSLATE_NOOP("OptionSchema", "Gradients whose global L2 norm exceeds this are scaled down (clipping), which prevents rare huge updates. 0 disables it."),
    QT_TRANSLATE_NOOP("OptionSchema", "max length"),
    QT_TRANSLATE_NOOP("OptionSchema", "Tokens per example including [CLS] and [SEP]; longer texts are truncated. Most CoLA sentences need fewer than 64."),
    QT_TRANSLATE_NOOP("OptionSchema", "padding"),
    QT_TRANSLATE_NOOP("OptionSchema", "Dynamic pads each batch only to its longest example (much faster); max length pads every example to max length, as the classic notebook does."),
    QT_TRANSLATE_NOOP("OptionSchema", "dynamic (per batch)"),
    QT_TRANSLATE_NOOP("OptionSchema", "max length (every example)"),
    QT_TRANSLATE_NOOP("OptionSchema", "shuffle"),
    QT_TRANSLATE_NOOP("OptionSchema", "Bucketed groups examples of similar length into batches (less padding); random shuffles freely; none keeps file order."),
    QT_TRANSLATE_NOOP("OptionSchema", "bucketed by length"),
    QT_TRANSLATE_NOOP("OptionSchema", "random"),
    QT_TRANSLATE_NOOP("OptionSchema", "none (file order)"),
    QT_TRANSLATE_NOOP("OptionSchema", "seed"),
    QT_TRANSLATE_NOOP("OptionSchema", "Seeds shuffling, dropout and new weights, so a run can be repeated exactly."),
    QT_TRANSLATE_NOOP("OptionSchema", "evaluation batch size"),
    QT_TRANSLATE_NOOP("OptionSchema", "Batch size for validation and test; evaluation needs no gradients, so it can be larger."),
    QT_TRANSLATE_NOOP("OptionSchema", "device"),
    QT_TRANSLATE_NOOP("OptionSchema", "Where training runs: cpu, cuda (the first GPU) or cuda:N."),
    QT_TRANSLATE_NOOP("OptionSchema", "processes"),
    QT_TRANSLATE_NOOP("OptionSchema", "Train in this many processes on this machine, each on its share of every batch, with the cores split between them (data parallelism). The results equal one process's at the same batch size; on machines with many cores, several processes of fewer threads each are often faster than one. A run resumes only with as many processes as it started with."),
    QT_TRANSLATE_NOOP("OptionSchema", "precision"),
    QT_TRANSLATE_NOOP("OptionSchema", "bf16 (bfloat16 mixed precision) computes the matrix products in bfloat16 and keeps the weights and optimizer state in float32: nearly twice as fast for large models such as BERT-base on CPUs with AVX512-BF16 and on recent GPUs (small models gain little), with losses that differ from float32 in the third digit. Evaluation stays in float32. Without native bfloat16 it is emulated and slower."),
    QT_TRANSLATE_NOOP("OptionSchema", "float32 (exact)"),
    QT_TRANSLATE_NOOP("OptionSchema", "bfloat16 mixed precision"),
    QT_TRANSLATE_NOOP("OptionSchema", "activation checkpointing"),
    QT_TRANSLATE_NOOP("OptionSchema", "Keep only each layer's input during the forward pass and recompute the rest in the backward pass: much less memory for long inputs and large batches, for up to a third more time per step. The results are the same."),
    QT_TRANSLATE_NOOP("OptionSchema", "frozen layers"),
    QT_TRANSLATE_NOOP("OptionSchema", "Freeze the embeddings and the first K encoder layers: faster and less prone to overfitting, at some cost in accuracy."),
    QT_TRANSLATE_NOOP("OptionSchema", "train classifier only"),
    QT_TRANSLATE_NOOP("OptionSchema", "Keep the whole encoder fixed and train only the pooler and classifier — a quick baseline."),
    QT_TRANSLATE_NOOP("OptionSchema", "gradual unfreezing"),
    QT_TRANSLATE_NOOP("OptionSchema", "Start with only the classifier trainable and unfreeze the encoder step by step (ULMFiT): layers unfreezes one more layer from the top every interval, down to the embeddings; head then all trains the head for one interval, then everything. Each newly unfrozen layer starts with a fresh optimizer state; the learning-rate chart marks each stage."),
    QT_TRANSLATE_NOOP("OptionSchema", "one layer at a time, from the top"),
    QT_TRANSLATE_NOOP("OptionSchema", "head first, then everything"),
    QT_TRANSLATE_NOOP("OptionSchema", "unfreezing interval"),
    QT_TRANSLATE_NOOP("OptionSchema", "How long each stage of gradual unfreezing lasts, in the unit below."),
    QT_TRANSLATE_NOOP("OptionSchema", "unfreezing unit"),
    QT_TRANSLATE_NOOP("OptionSchema", "Whether the unfreezing interval counts epochs or optimizer steps."),
    QT_TRANSLATE_NOOP("OptionSchema", "steps"),
    QT_TRANSLATE_NOOP("OptionSchema", "LoRA rank"),
    QT_TRANSLATE_NOOP("OptionSchema", "Rank of the low-rank adapters added to the chosen projections; the original weights stay frozen. 0 disables LoRA; 4–16 is typical."),
    QT_TRANSLATE_NOOP("OptionSchema", "LoRA alpha"),
    QT_TRANSLATE_NOOP("OptionSchema", "Scales the adapters' output by alpha / rank; 2 × rank is a common choice."),
    QT_TRANSLATE_NOOP("OptionSchema", "LoRA dropout"),
    QT_TRANSLATE_NOOP("OptionSchema", "Dropout on the adapters' input, a regulariser for small datasets."),
    QT_TRANSLATE_NOOP("OptionSchema", "LoRA targets"),
    QT_TRANSLATE_NOOP("OptionSchema", "The projections that get adapters. Query and value, as in the LoRA paper, is usually enough. In DistilBERT they are q_lin, k_lin and v_lin; dense is out_lin, lin1 and lin2."),
    QT_TRANSLATE_NOOP("OptionSchema", "best model by"),
    QT_TRANSLATE_NOOP("OptionSchema", "The validation metric that picks the checkpoint kept at the end. MCC is CoLA's official metric and robust to class imbalance."),
    QT_TRANSLATE_NOOP("OptionSchema", "MCC"),
    QT_TRANSLATE_NOOP("OptionSchema", "accuracy"),
    QT_TRANSLATE_NOOP("OptionSchema", "macro F1"),
    QT_TRANSLATE_NOOP("OptionSchema", "validation loss"),
    QT_TRANSLATE_NOOP("OptionSchema", "early stopping patience"),
    QT_TRANSLATE_NOOP("OptionSchema", "Stop after this many evaluations without improvement of that metric. 0 never stops early."),
    QT_TRANSLATE_NOOP("OptionSchema", "checkpoint every (steps)"),
    QT_TRANSLATE_NOOP("OptionSchema", "Also write a resumable checkpoint every this many optimizer steps, not only at epoch ends. 0 does not count steps."),
    QT_TRANSLATE_NOOP("OptionSchema", "checkpoint every (minutes)"),
    QT_TRANSLATE_NOOP("OptionSchema", "Also write a resumable checkpoint after this many minutes of training, so a crash or kill loses at most that much work. 0 does not count time."),
    QT_TRANSLATE_NOOP("OptionSchema", "off"),
    QT_TRANSLATE_NOOP("OptionSchema", "attention probes"),
    QT_TRANSLATE_NOOP("OptionSchema", "Up to 4 sentences, separated by |, whose attention in every layer and head is saved after every epoch, to follow how attention changes during training. Each is cut to 64 tokens (fewer in large models, so that each save stays under 1 MB). Empty uses the first 3 validation texts."),
};

}  // namespace

QString translated(const std::string& english) {
    return QCoreApplication::translate("OptionSchema", english.c_str());
}

QStringList sources() {
    QStringList list;
    for (const char* text : kStrings) list << QString::fromUtf8(text);
    return list;
}

}  // namespace OptionSchemaStrings
