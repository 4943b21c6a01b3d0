// The run history: every run folder under a runs root (the GUI's default
// location, or the CLI's --runs DIR), each read into a RunRecord. Reading
// never throws for a folder's content: a half-written, damaged or foreign
// folder is listed as unreadable with the reason.
#pragma once

#include "experiments/run_record.h"

#include <string>
#include <vector>

namespace bertbench {

// The folder as a RunRecord; `problem` says what made it unreadable.
RunRecord readRunRecord(const std::string& folder);

// Every direct subfolder of `root` that looks like a run (it has settings.json,
// metrics.jsonl, report.json or a .lock), newest first; also each run's
// adaptation/ (a masked-LM phase before fine-tuning) and each trial of a
// sweep folder (one with sweep.json), named "parent/child" unless renamed.
// An absent root is an empty history.
std::vector<RunRecord> indexRuns(const std::string& root);

// The name the history shows; kept in run.json, next to the run's own files.
void renameRun(const std::string& folder, const std::string& name);

}  // namespace bertbench
