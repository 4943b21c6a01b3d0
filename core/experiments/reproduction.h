// Reproduce: a recorded run started again with identical options, data
// (refused when the data file's content changed) and starting model, into a
// new folder, and its loss curve compared with the original's, bit for bit
// (the losses as metrics.jsonl writes them). On the same machine and thread
// count the curves are identical; elsewhere, float rounding may differ.
#pragma once

#include "session/session.h"

#include <cstdint>
#include <string>

namespace bertbench {

struct ReproductionResult {
    std::string original, reproduction;  // run folders
    int64_t originalSteps = 0, reproducedSteps = 0;
    bool identical = false;              // every step's loss equal, and as many steps
    int64_t firstDifference = -1;        // the first step whose loss differs; -1: none
};

// Throws UsageError when the run cannot be started again (no recorded source,
// changed data, a model that cannot be restored).
ReproductionResult reproduceRun(Session& session, const std::string& runDir, const std::string& outDir);

// "RUN-reproduced", or "RUN-reproduced-2" ... when that exists.
std::string reproductionFolderFor(const std::string& runDir);

}  // namespace bertbench
