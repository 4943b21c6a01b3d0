#include "training/autocast_scope.h"

#include <ATen/autocast_mode.h>

namespace bertbench {

AutocastScope::AutocastScope(TrainingPrecision precision, torch::Device device)
    : active_(precision == TrainingPrecision::BFloat16), cuda_(device.is_cuda()) {
    if (!active_) return;
    if (cuda_) {
        wasEnabled_ = at::autocast::is_enabled();
        previousType_ = at::autocast::get_autocast_gpu_dtype();
        at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        at::autocast::set_enabled(true);
    } else {
        wasEnabled_ = at::autocast::is_cpu_enabled();
        previousType_ = at::autocast::get_autocast_cpu_dtype();
        at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        at::autocast::set_cpu_enabled(true);
    }
    at::autocast::increment_nesting();
}

AutocastScope::~AutocastScope() {
    if (!active_) return;
    // The outermost scope drops the bfloat16 copies of the weights autocast cached.
    if (at::autocast::decrement_nesting() == 0) at::autocast::clear_cache();
    if (cuda_) {
        at::autocast::set_enabled(wasEnabled_);
        at::autocast::set_autocast_gpu_dtype(previousType_);
    } else {
        at::autocast::set_cpu_enabled(wasEnabled_);
        at::autocast::set_autocast_cpu_dtype(previousType_);
    }
}

}  // namespace bertbench
