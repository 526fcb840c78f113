#!/usr/bin/env bash
# Issue 7, storage and CDN: from an article's publication until the CDN purge endpoint (a stub)
# receives its keys, with the production settings (target: well within s-maxage; p95 <= 1 s), and
# media reads from S3-compatible storage (S3Proxy on loopback) against the local data directory as
# baseline: a whole 200 KB picture, a 64 KB range of a 5 MB narration. TRIALS (30) publications,
# ROUNDS (300) reads of each kind. Runs StorageAndPurgeBenchmark through Maven (the SQLite run only).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

need mvn maven
BUILD_DIR=${BENCH_BUILD_DIR:-/tmp/masthead-bench-storage}
TRIALS=${TRIALS:-30}
ROUNDS=${ROUNDS:-300}

log "Publishing $TRIALS articles and reading media $ROUNDS times per kind (the build and the application start first)"
(cd "$ROOT_DIR" && mvn -q -B test-compile surefire:test -Dmasthead.build.dir="$BUILD_DIR" -Dtest=StorageAndPurgeBenchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dbench.trials="$TRIALS" -Dbench.rounds="$ROUNDS" \
	-DredirectTestOutputToFile=true) >"$RESULTS/storage-cdn-mvn.log" 2>&1 || die "the benchmark failed (see $RESULTS/storage-cdn-mvn.log)"
grep -h '^BENCH' "$BUILD_DIR"/surefire-reports/*StorageAndPurgeBenchmark*.{txt,xml} 2>/dev/null | sort -u >"$RESULTS/storage-cdn.txt" || true
[[ -s "$RESULTS/storage-cdn.txt" ]] || die "no figures in the output (see $BUILD_DIR/surefire-reports)"

summary "== Storage and CDN purges; $(machine_note)"
while read -r line; do summary "   ${line#BENCH }"; done <"$RESULTS/storage-cdn.txt"
