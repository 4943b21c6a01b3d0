// Where a run's model and data came from, as JSON: the "source" block the
// session writes into settings.json at the start of every run (see
// reproduce_command.h for its shape), and the requests rebuilt from it, so
// that a recorded run can be run again through the same session calls.
#pragma once

#include "session/session_types.h"

#include <nlohmann/json.hpp>

namespace bertbench {

nlohmann::json dataSourceJson(const DataRequest& request);
DataRequest dataRequestFromSource(const nlohmann::json& source);  // throws UsageError on a malformed block

nlohmann::json modelSourceJson(const OpenModelRequest& request);
nlohmann::json modelSourceJson(const NewModelRequest& request);

}  // namespace bertbench
