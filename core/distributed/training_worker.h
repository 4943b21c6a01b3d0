// The whole life of a worker process of a local data-parallel run: read the
// job rank 0 wrote, join the group, train silently, exit. Both programs
// (bertbench-cli and bertbench) run it when started as
// `PROGRAM --bertbench-worker BUNDLE_DIR` (local_launch.h).
#pragma once

#include <string>

namespace bertbench {

// Returns the exit code: 0 done, 3 a bad job or data, 5 the group failed
// (GroupError; a message on stderr names this rank), 4 anything else.
int runTrainingWorker(const std::string& bundleDir);

}  // namespace bertbench
