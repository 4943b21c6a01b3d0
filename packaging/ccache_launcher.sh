#!/bin/sh
# The compiler launcher (CMakeLists.txt): every compile through ccache, set up
# so that a build in another clone of the repository (CI's) reuses what this
# one compiled:
# - paths relative to the checkout (CCACHE_BASEDIR);
# - precompiled headers accepted (ccache refuses a translation unit that uses
#   one unless told it may ignore __TIME__ and #defines the header cannot see;
#   the code uses neither);
# - a precompiled header compiled with its old output removed first: ccache
#   takes an existing X.gch for a header the compile uses, hashes it, and files
#   the new one under a key that no fresh clone computes;
# - room for two builds (GCC and the sanitizer's clang) with their
#   precompiled headers, about 500 MB each.
here=$(cd "$(dirname "$0")/.." && pwd)
previous=
for argument in "$@"; do
  if [ "$previous" = "-o" ]; then
    case "$argument" in *.gch | *.pch) rm -f "$argument" ;; esac
  fi
  previous=$argument
done
export CCACHE_BASEDIR="$here"
export CCACHE_SLOPPINESS=pch_defines,time_macros,include_file_mtime,include_file_ctime
export CCACHE_MAXSIZE=${CCACHE_MAXSIZE:-20G}
exec ccache "$@"
