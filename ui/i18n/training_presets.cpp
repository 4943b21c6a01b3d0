// TrainingPresets: see training_presets.h.
#include "i18n/training_presets.h"

#include "training/training_presets.h"

#include <QCoreApplication>

namespace TrainingPresets {
namespace {

// The core's English names and descriptions, listed for lupdate.
[[maybe_unused]] const char* const kStrings[] = {
    QT_TRANSLATE_NOOP("TrainingPresets", "Classic notebook"),
    QT_TRANSLATE_NOOP("TrainingPresets", "Fast CPU"),
    QT_TRANSLATE_NOOP("TrainingPresets", "LoRA"),
    QT_TRANSLATE_NOOP("TrainingPresets", "New model"),
    QT_TRANSLATE_NOOP("TrainingPresets",
                      "For a model created from random weights: the Fast CPU settings with learning rate 5e-4, ten "
                      "times the fine-tuning rate, because nothing pre-trained needs protecting."),
    QT_TRANSLATE_NOOP("TrainingPresets",
                      "The BERT CoLA notebook: batch 32, learning rate 2e-5, 4 epochs, every example padded to max "
                      "length, random shuffling."),
    QT_TRANSLATE_NOOP("TrainingPresets",
                      "Dynamic padding with length buckets, max length 64, batch 32, learning rate 5e-5, 3 epochs: "
                      "several times faster on a CPU."),
    QT_TRANSLATE_NOOP("TrainingPresets",
                      "Low-rank adapters (rank 8, alpha 16) on query and value with learning rate 5e-4: few trainable "
                      "weights, small checkpoints."),
};

QString translate(const std::string& english) {
    return QCoreApplication::translate("TrainingPresets", english.c_str());
}

}  // namespace

QStringList ids() {
    QStringList list;
    for (const auto& preset : bertbench::trainingPresets()) list << QString::fromStdString(preset.id);
    return list;
}

QString displayName(const QString& id) {
    const auto* preset = bertbench::findTrainingPreset(id.toStdString());
    return preset ? translate(preset->name) : id;
}

QString description(const QString& id) {
    const auto* preset = bertbench::findTrainingPreset(id.toStdString());
    return preset ? translate(preset->description) : QString();
}

bertbench::TrainingOptions options(const QString& id) {
    const auto* preset = bertbench::findTrainingPreset(id.toStdString());
    return preset ? preset->options() : bertbench::TrainingOptions{};
}

QString matching(const bertbench::TrainingOptions& options) {
    return QString::fromStdString(bertbench::matchingPreset(options));
}

}  // namespace TrainingPresets
