// Setting a session up as a recorded run was: the data read the same way
// (refused when the file's content changed), the holdout, and the model from
// the same folder or preset. Reproduce and sweeps start every run this way.
#pragma once

#include "session/session.h"

#include <nlohmann/json.hpp>

#include <string>

namespace bertbench {

// Imports the data and the holdout of a "source" block (reproduce_command.h)
// into the session. With expectedTrainHash, a training split whose content
// hash differs is refused with a UsageError naming the file.
void importRecordedData(Session& session, const nlohmann::json& source, const std::string& expectedTrainHash = {});

// Opens or creates the model a "source" block names, replacing the session's
// (its unsaved training is discarded: the caller is starting a new run).
void restoreRecordedModel(Session& session, const nlohmann::json& source);

}  // namespace bertbench
