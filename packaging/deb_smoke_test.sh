#!/usr/bin/env bash
# The .deb as a user gets it: lint it, install it with apt (which must find
# every dependency), run the installed programs on the installed sample data,
# remove it. Any missing file, library or dependency fails here.
#   packaging/deb_smoke_test.sh bertbench_X_amd64.deb BUILD_DIR
set -euo pipefail
deb=$(realpath "$1")
build=$(realpath "$2")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

echo "== lint"
# Errors fail; warnings are printed for the record.
lintian --fail-on error --tag-display-limit 0 "$deb"
desktop-file-validate "$here/packaging/bertbench.desktop"
appstreamcli validate --no-net "$build/io.github.bertbench.BertBench.metainfo.xml"

echo "== install"
if dpkg-query -W -f='${Status}' bertbench 2>/dev/null | grep -q 'install ok installed'; then
  echo "bertbench is already installed here; remove it first" >&2
  exit 1
fi
remove() { DEBIAN_FRONTEND=noninteractive $sudo apt-get remove -y bertbench >/dev/null; }
trap remove EXIT
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "$deb"

echo "== the installed programs"
work=$(mktemp -d)
trap 'remove; rm -rf "$work"' EXIT
cli=/usr/bin/bertbench-cli
data=/usr/share/bertbench/data/cola/in_domain_train.tsv
[ "$($cli --version)" = "$(sed -n 's/^project(BertBench VERSION \([0-9.]*\).*/\1/p' "$here/CMakeLists.txt")" ]
$cli train --preset tiny --train "$data" --format cola --max-steps 5 --batch-size 8 --out "$work/run" >"$work/report.json"
grep -q '"completed": *true' "$work/report.json"
$cli info --model "$work/run/best" | grep -q "\"architecture\""
$cli predict --model "$work/run/best" --text "The boy ate the apple." | grep -q '"label"'
man -w bertbench-cli >/dev/null
[ -f /usr/share/doc/bertbench/copyright ] && [ -f /usr/share/doc/bertbench/changelog.gz ]
# The window, offscreen, for a few seconds: it must still be running when stopped.
set +e
QT_QPA_PLATFORM=offscreen timeout 5 /usr/bin/bertbench >"$work/gui.log" 2>&1
status=$?
set -e
if [ $status -ne 124 ]; then
  echo "the installed bertbench exited with $status within 5 s:" >&2
  cat "$work/gui.log" >&2
  exit 1
fi

echo "== remove"
remove
trap 'rm -rf "$work"' EXIT
[ ! -e "$cli" ] && [ ! -e /usr/bin/bertbench ]
echo "The package installs, runs and removes cleanly."
