#include "inference/random_state_scope.h"

namespace bertbench {

RandomStateScope::RandomStateScope() : state_(at::detail::getDefaultCPUGenerator().get_state()) {}

RandomStateScope::~RandomStateScope() {
    auto generator = at::detail::getDefaultCPUGenerator();
    generator.set_state(state_);
}

}  // namespace bertbench
