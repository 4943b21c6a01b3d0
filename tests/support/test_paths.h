// Where a test finds the checkout, its fixtures, bertbench-cli and the
// screenshot folder: from the environment CTest gives every test
// (tests/CMakeLists.txt), not compiled in. Absolute paths on the compiler's
// command line would make each test's object file differ between two clones
// of the repository, and CI's clone could reuse none of what a session
// compiled (ccache). A test run by hand needs them set (ctest -V prints them).
#pragma once

#include <QtGlobal>

#include <cstdlib>

namespace testpaths {

inline const char* fromEnvironment(const char* name) {
    const char* value = std::getenv(name);
    if (!value || !*value) qFatal("%s is not set: run the tests through ctest, which sets it", name);
    return value;
}

inline const char* fixturesDir() { return fromEnvironment("BERTBENCH_FIXTURES_DIR"); }
inline const char* sourceDir() { return fromEnvironment("BERTBENCH_SOURCE_DIR"); }
inline const char* cliPath() { return fromEnvironment("BERTBENCH_CLI_PATH"); }
inline const char* screenshotDir() { return fromEnvironment("BERTBENCH_SCREENSHOT_DIR"); }

}  // namespace testpaths
