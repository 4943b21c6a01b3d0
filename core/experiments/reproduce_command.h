// The bertbench-cli command that runs a recorded run again: from its
// settings.json, the options (each field that differs from its default, as
// its flag) and the "source" block the session records at the start of a run
// (where the model and the data came from, and how the data was read):
//
//   "source": {"command": "train" | "mlm",
//              "model": {"folder": DIR} | {"preset": NAME, "family": F, "vocab": PATH, "lowercase": B, "seed": N}
//                       | {"unavailable": WHY},
//              "data": {"path": P, "format": F, "text_column": C, "text_pair_column": C, "label_column": C,
//                       "header": B|null, "skip_bad_rows": B, "validation_path": P, "validation_ratio": R,
//                       "split_seed": N, "stratified": B},
//              "test": {"path": P, ...the same reading fields} | null,
//              "new_head": B, "adapt_first": B}
#pragma once

#include <nlohmann/json.hpp>

#include <string>

namespace bertbench {

// Empty when the settings have no "source" (runs from before it was recorded),
// or when the model cannot be named (it had trained in the session before).
// The output folder is given as OUT_DIR for the user to choose.
std::string reproduceCommand(const nlohmann::json& settings, const std::string& outDir = "OUT_DIR");

// The option flags alone ("--lr 3e-05 --batch-size 16"), defaults left out.
std::string optionFlags(const nlohmann::json& options);

}  // namespace bertbench
