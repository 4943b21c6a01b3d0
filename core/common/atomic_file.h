// Writing a file so that readers only ever see the old or the new content:
// data goes to "<path>.partial-<pid>" in the same folder, is flushed to disk,
// then renamed over <path>. An interrupted write leaves the old file intact.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace bertbench {

// Calls write() with a binary stream for the temporary file, then renames it
// into place. Throws FileError naming <path> when any step fails; the temporary
// file is removed on failure (also when write() throws).
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

void writeTextFileAtomically(const std::string& path, const std::string& text);

}  // namespace bertbench
