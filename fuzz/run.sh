#!/usr/bin/env bash
# Runs the libFuzzer targets of a build folder made with -DBERTBENCH_BUILD_FUZZERS=ON
# (packaging/quickstart.sh sanitize makes one: build-sanitize/).
#   fuzz/run.sh BUILD_DIR SECONDS [TARGET...]
# Each target runs SECONDS on its corpus: the committed seeds in fuzz/corpus/<name>/
# plus what earlier runs found, kept in BUILD_DIR/fuzz-corpus/<name>/. Any crash,
# leak, timeout, out-of-memory or sanitizer report fails the run; the input that
# caused it is left in BUILD_DIR/fuzz-artifacts/<name>/ for a regression test.
# A line per target (executions, coverage) goes to BUILD_DIR/fuzz-summary.tsv.
# BERTBENCH_FUZZ_RUNS=N stops each target after N executions instead, if sooner.
# CI runs 45 s per target; the long campaign (README.md) runs ≥ 10^6 executions each.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
build=$(cd "${1:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}" && pwd)
seconds=${2:?usage: fuzz/run.sh BUILD_DIR SECONDS [TARGET...]}
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for dict in "$here"/dictionaries/*.dict; do targets+=("$(basename "$dict" .dict)"); done
fi

summary="$build/fuzz-summary.tsv"
printf 'target\tseconds\texecutions\texec_per_s\tcoverage_edges\tedges_in_binary\tfeatures\tcorpus_files\tresult\n' > "$summary"
failed=0
for name in "${targets[@]}"; do
  binary="$build/fuzz/fuzz_$name"
  [ -x "$binary" ] || { echo "fuzz/run.sh: $binary is not built" >&2; exit 2; }
  corpus="$build/fuzz-corpus/$name"
  artifacts="$build/fuzz-artifacts/$name"
  log="$build/fuzz-logs/$name.log"
  mkdir -p "$corpus" "$artifacts" "$(dirname "$log")"
  echo "== fuzz_$name for ${seconds}s"
  # Inputs beyond 64 KB teach these parsers nothing the small ones do not, and
  # slow every execution; 2 GB of memory is ample for any accepted input.
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
  UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    "$binary" "$corpus" "$here/corpus/$name" \
      -dict="$here/dictionaries/$name.dict" -max_total_time="$seconds" -max_len=65536 \
      -timeout=20 -rss_limit_mb=2048 -malloc_limit_mb=2048 -print_final_stats=1 \
      -artifact_prefix="$artifacts/" ${BERTBENCH_FUZZ_RUNS:+-runs=$BERTBENCH_FUZZ_RUNS} > "$log" 2>&1
  status=$?
  executions=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  rate=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' | tail -1)
  coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  instrumented=$(sed -n 's/.*(\([0-9]*\) inline 8-bit counters).*/\1/p' "$log" | head -1)
  features=$(grep -o 'ft: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*')
  files=$(find "$corpus" -type f | wc -l)
  result=ok
  if [ $status -ne 0 ]; then
    result=FAILED
    failed=1
    echo "fuzz_$name failed (exit $status); the input is in $artifacts/, the log in $log:" >&2
    grep -m1 -A25 -E 'ERROR: |runtime error|deadly signal|out-of-memory|timeout' "$log" >&2
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$name" "$seconds" "${executions:-?}" "${rate:-?}" \
    "${coverage:-?}" "${instrumented:-?}" "${features:-?}" "$files" "$result" | tee -a "$summary"
done
column -t -s $'\t' "$summary"
exit $failed
