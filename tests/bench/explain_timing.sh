#!/bin/bash
# Seconds per explanation (bertbench-cli explain's own "seconds": the
# attribution alone, model loading excluded) for the tiny, mini and base
# presets at 12 and 128 tokens, every method, three runs each; prints
# "preset tokens method min-max". The README's table comes from one run of
# this script on a quiet machine. Not part of the test suite: about 3 minutes
# on 2 cores.
#   tests/bench/explain_timing.sh [build-dir]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cli="${1:-$here/build}/app/cli/bertbench-cli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Untrained weights explain as fast as trained ones: one step gives each preset a run folder.
head -n 40 "$here/resources/data/cola/in_domain_train.tsv" > "$work/small.tsv"
for preset in tiny mini base; do
  "$cli" train --preset "$preset" --train "$work/small.tsv" --format cola --max-steps 1 --batch-size 8 \
    --out "$work/run-$preset" > /dev/null 2>&1
done

short="The boy quickly ate the red apple in the garden ."
long=""; for i in $(seq 1 30); do long="$long the sailors rode the breeze"; done
echo "# $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
for preset in tiny mini base; do
  for length in 12 128; do
    if [ "$length" = 12 ]; then text="$short"; else text="$long"; fi
    for method in ig grad-input rollout; do
      times=()
      for run in 1 2 3; do
        times+=("$("$cli" explain --model "$work/run-$preset/best" --text "$text" --method "$method" \
          --max-length "$length" | python3 -c 'import json, sys; print("%.3f" % json.load(sys.stdin)["seconds"])')")
      done
      sorted=$(printf '%s\n' "${times[@]}" | sort -n)
      echo "$preset $length $method $(echo "$sorted" | head -1)-$(echo "$sorted" | tail -1)"
    done
  done
done
