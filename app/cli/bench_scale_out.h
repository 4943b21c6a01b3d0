// bench's scale-out section: training throughput of the same run in 1, 2, 4 ...
// local processes at equal global batch, the machine's cores split between
// them, each measured by running `bertbench-cli train --nproc P` itself.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace bertbench::cli {

struct ScaleOutRow {
    int processes = 0;
    int threadsEach = 0;
    double samplesPerSecond = 0;  // median over the timed steps (rank 0's view: all ranks' examples)
    double relativeToOne = 0;     // samples/s over one process's, at the same cores in all
};

// `processes`: the counts to measure (1 first, as the reference); `preset`
// the model; `steps` optimizer steps of batch 32 per run, the first 3 untimed.
std::vector<ScaleOutRow> measureScaleOut(const std::vector<int>& processes, const std::string& preset,
                                         const std::string& dataFile, int steps);

// 1, 2, 4, ... up to the machine's cores.
std::vector<int> defaultProcessCounts();

nlohmann::ordered_json scaleOutJson(const std::vector<ScaleOutRow>& rows);

}  // namespace bertbench::cli
