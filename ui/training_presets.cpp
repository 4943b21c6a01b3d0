// TrainingPresets: see training_presets.h.
#include "training_presets.h"

#include <QCoreApplication>

namespace TrainingPresets {

QStringList ids() { return {QStringLiteral("classic"), QStringLiteral("fast-cpu"), QStringLiteral("lora")}; }

QString displayName(const QString& id) {
    if (id == QLatin1String("classic")) return QCoreApplication::translate("TrainingPresets", "Classic notebook");
    if (id == QLatin1String("fast-cpu")) return QCoreApplication::translate("TrainingPresets", "Fast CPU");
    if (id == QLatin1String("lora")) return QCoreApplication::translate("TrainingPresets", "LoRA");
    return id;
}

QString description(const QString& id) {
    if (id == QLatin1String("classic"))
        return QCoreApplication::translate("TrainingPresets",
                                           "The BERT CoLA notebook: batch 32, learning rate 2e-5, 4 epochs, every "
                                           "example padded to max length, random shuffling.");
    if (id == QLatin1String("fast-cpu"))
        return QCoreApplication::translate("TrainingPresets",
                                           "Dynamic padding with length buckets, max length 64, batch 32, learning "
                                           "rate 5e-5, 3 epochs: several times faster on a CPU.");
    if (id == QLatin1String("lora"))
        return QCoreApplication::translate("TrainingPresets",
                                           "Low-rank adapters (rank 8, alpha 16) on query and value with learning "
                                           "rate 5e-4: few trainable weights, small checkpoints.");
    return {};
}

bertbench::TrainingOptions options(const QString& id) {
    using namespace bertbench;
    TrainingOptions o;
    if (id == QLatin1String("classic")) {
        o.batchSize = 32;
        o.learningRate = 2e-5;
        o.epochs = 4;
        o.padding = Padding::MaxLength;
        o.shuffle = ShuffleMode::Random;
    } else if (id == QLatin1String("fast-cpu")) {
        o.padding = Padding::Dynamic;
        o.shuffle = ShuffleMode::Bucketed;
        o.batchSize = 32;
        o.learningRate = 5e-5;
        o.epochs = 3;
        o.maxLength = 64;
    } else if (id == QLatin1String("lora")) {
        o.lora.rank = 8;
        o.lora.alpha = 16;
        o.learningRate = 5e-4;
    }
    return o;
}

}  // namespace TrainingPresets
