// The engine's hyperparameter presets (core/training/training_presets.h) as the
// GUI shows them: the same ids and options, with translated names and
// descriptions.
#pragma once

#include "training/training_options.h"

#include <QString>
#include <QStringList>

namespace TrainingPresets {

// Stable ids, used in settings: "classic", "fast-cpu", "lora".
QStringList ids();
QString displayName(const QString& id);   // translated
QString description(const QString& id);   // translated, for a tooltip
bertbench::TrainingOptions options(const QString& id);  // the engine defaults for an unknown id
QString matching(const bertbench::TrainingOptions& options);  // the preset with these values, or "" (custom)

}  // namespace TrainingPresets
