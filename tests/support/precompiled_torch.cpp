// The one source of bertbench_test_pch, the target whose precompiled torch
// header the engine's tests reuse (tests/CMakeLists.txt). Nothing to run.
