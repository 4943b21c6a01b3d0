// The named hyperparameter presets of the Hyperparameters page. Each starts
// from the engine's defaults (TrainingOptions{}) and changes only what makes
// the preset what it is.
#pragma once

#include "training/training_options.h"

#include <QString>
#include <QStringList>

namespace TrainingPresets {

// Stable ids, used in settings: "classic", "fast-cpu", "lora".
QStringList ids();
QString displayName(const QString& id);   // translated
QString description(const QString& id);   // translated, for a tooltip
bertbench::TrainingOptions options(const QString& id);

}  // namespace TrainingPresets
