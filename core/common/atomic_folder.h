// Replacing a whole folder (a checkpoint, a run's best model) so that a process
// killed at any moment leaves either the old folder or the new one complete:
// the new one is built under "<dir>.partial-<pid>", then <dir> becomes
// "<dir>.previous", the partial folder becomes <dir>, and the previous one goes.
// recoverFolder() repairs what a kill between those renames left.
#pragma once

#include <string>

namespace bertbench {

// "<dir>.partial-<this process id>": where to build the new folder.
std::string partialFolderFor(const std::string& dir);

// Moves `partial` into place as `dir` (see above). Throws FileError naming
// `dir` when a rename fails; the old folder is then still in place.
void replaceFolder(const std::string& partial, const std::string& dir);

// After a kill: a lone "<dir>.previous" becomes <dir> again, a
// "<dir>.previous" beside a complete <dir> is removed, and every
// "<dir>.partial-*" (an unfinished build) is removed. Call only while no other
// process writes `dir` (the run folder's lock).
void recoverFolder(const std::string& dir);

}  // namespace bertbench
