// Learning-rate multipliers per optimizer step, as transformers'
// get_{linear,constant,cosine}_schedule_with_warmup compute them: the rate used
// by step s (0-based) is base × factor(s), so step 0 runs with rate 0 when there
// is any warmup.
#pragma once

#include "training/training_options.h"

#include <cstdint>

namespace bertbench {

double learningRateFactor(LrSchedule schedule, int64_t step, int64_t warmupSteps, int64_t totalSteps);

}  // namespace bertbench
