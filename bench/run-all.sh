#!/usr/bin/env bash
# Runs every benchmark into one results directory and prints the combined summary.
set -euo pipefail
bench=$(cd "$(dirname "$0")" && pwd)
RESULTS=${RESULTS:-$bench/results/$(date +%Y%m%d-%H%M%S)}
export RESULTS
mkdir -p "$RESULTS"
"$bench/cached-vs-nginx.sh"
"$bench/uncached.sh"
"$bench/startup-memory.sh"
echo
echo "Summary (also in $RESULTS/summary.txt):"
cat "$RESULTS/summary.txt"
