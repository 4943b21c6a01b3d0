#include "training/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace bertbench {

double learningRateFactor(LrSchedule schedule, int64_t step, int64_t warmupSteps, int64_t totalSteps) {
    if (step < warmupSteps) return double(step) / double(std::max<int64_t>(1, warmupSteps));
    const double decaySteps = double(std::max<int64_t>(1, totalSteps - warmupSteps));
    const double progress = double(step - warmupSteps) / decaySteps;
    switch (schedule) {
    case LrSchedule::Linear: return std::max(0.0, double(totalSteps - step) / decaySteps);
    case LrSchedule::Constant: return 1.0;
    case LrSchedule::Cosine: return std::max(0.0, 0.5 * (1.0 + std::cos(M_PI * progress)));
    }
    return 1.0;
}

}  // namespace bertbench
