// Whether a run folder may be resumed with the options a request brings: the
// settings it started with (settings.json) against those asked for now.
// Torch-free, so the settings.json reader can be fuzzed on its own.
#pragma once

#include "training/training_options.h"

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bertbench {

// Option keys a resumed run may change: where it runs, how it batches
// evaluation and how often it checkpoints change no result.
bool affectsResult(const std::string& key);

// What differs between the saved settings and a resume request (`options`, and
// `now`, the settings.json the request would write), as "key: saved -> requested"
// items; empty when the run may go on. Throws FileError naming `settingsFile`
// when the saved settings are damaged (wrong types, unknown choices).
std::vector<std::string> resumeDifferences(const nlohmann::json& saved, const TrainingOptions& options,
                                           const nlohmann::json& now, const std::string& settingsFile);

}  // namespace bertbench
