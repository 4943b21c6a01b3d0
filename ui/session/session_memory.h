// SessionMemory: what a later launch needs to reopen the workbench as it was
// left — the last imported dataset (path and every reading option, as
// confirmed by the user), its holdout file, and the model (its folder, or how
// a new model was made when it was never saved). Kept in QSettings as JSON.
#pragma once

#include "session/workbench_types.h"

#include <optional>

namespace SessionMemory {

struct LastModel {
    QString folder;                      // a model folder to open; empty when `created` applies
    std::optional<NewModelSpec> created; // a new model to make again
};

void rememberDataset(const ImportRequest& request);
void rememberHoldout(const QString& path);  // "" forgets it
void rememberModel(const LoadedModel& model);
void forget();  // a fresh start: the welcome page on the next launch

// Only what can still be reopened: a dataset whose file exists, a model folder
// that exists; nullopt otherwise.
std::optional<ImportRequest> lastDataset();
QString lastHoldout();
std::optional<LastModel> lastModel();

}  // namespace SessionMemory
