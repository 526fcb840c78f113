#!/usr/bin/env bash
# Issue 3's second figure: the editor page ready (TinyMCE's init callback) on the demo newsroom in
# headless Chromium, target <= 1.5 s; LOADS cold loads (browser cache cleared first) and as many
# warm ones. Needs chromium and chromium-driver. Runs EditorReadyBenchmark through Maven.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

need chromium chromium
need chromedriver chromium-driver
need mvn maven
LOADS=${LOADS:-20}
BUILD_DIR=${BENCH_BUILD_DIR:-/tmp/masthead-bench-editor}

log "Loading the editor $LOADS times cold and warm (the build and the application start first; a minute or two)"
(cd "$ROOT_DIR" && mvn -q -B test-compile surefire:test -Dmasthead.build.dir="$BUILD_DIR" -Dtest=EditorReadyBenchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dbench.loads="$LOADS" -DredirectTestOutputToFile=true) >"$RESULTS/editor-mvn.log" 2>&1 \
	|| die "the benchmark failed (see $RESULTS/editor-mvn.log and $BUILD_DIR/surefire-reports)"
grep -h '^BENCH' "$BUILD_DIR"/surefire-reports/*EditorReadyBenchmark*.{txt,xml} 2>/dev/null | sort -u >"$RESULTS/editor.txt" || true
[[ -s "$RESULTS/editor.txt" ]] || die "no figures in the output (see $BUILD_DIR/surefire-reports)"
val() { grep -o " $1=[0-9.]*" "$RESULTS/editor.txt" | head -1 | cut -d= -f2; }

summary "== Editor page ready (TinyMCE init) on the demo newsroom, headless Chromium, $(val loads) loads; $(machine_note)"
summary "   cold (browser cache cleared): p50 $(val cold_p50_ms) ms, p95 $(val cold_p95_ms) ms, max $(val cold_max_ms) ms" \
	" RATIO p95 to target $(val ratio) (target <= 1500 ms)"
summary "   warm: p50 $(val warm_p50_ms) ms, p95 $(val warm_p95_ms) ms"
