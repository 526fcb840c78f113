#!/usr/bin/env bash
# Narration figures (issue 5): a 1,000-word article published with the production settings, from
# publishing until its narration is ready (target <= 60 s); CPU seconds per second of audio for the
# whole process and its engines (target <= 0.06), against the bare tools (text2wave + lame by hand)
# as baseline; MP3 size per minute (target <= 400 KB). Needs festival, festvox-us-slt-hts and lame.
# WORDS=20000 narrates a 20,000-word article instead. Runs NarrationBenchmark through Maven (the SQLite run only).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

need text2wave "festival festvox-us-slt-hts"
need lame lame
need mvn maven
WORDS=${WORDS:-1000}
BUILD_DIR=${BENCH_BUILD_DIR:-/tmp/masthead-bench-narration}

log "Narrating a $WORDS-word article (the build and the application start first; a few minutes)"
(cd "$ROOT_DIR" && mvn -q -B test-compile surefire:test -Dmasthead.build.dir="$BUILD_DIR" -Dtest=NarrationBenchmark \
	-Dsurefire.failIfNoSpecifiedTests=false -Dbench.words="$WORDS" -DredirectTestOutputToFile=true) >"$RESULTS/narration-mvn.log" 2>&1 || die "the benchmark failed (see $RESULTS/narration-mvn.log)"
grep -h '^BENCH' "$BUILD_DIR"/surefire-reports/*NarrationBenchmark*.{txt,xml} 2>/dev/null | sort -u >"$RESULTS/narration.txt" || true
[[ -s "$RESULTS/narration.txt" ]] || die "no figures in the output (Festival missing? see $BUILD_DIR/surefire-reports)"
val() { grep -o " $1=[0-9.]*" "$RESULTS/narration.txt" | head -1 | cut -d= -f2; }

summary "== Narration with Festival (cmu_us_slt_arctic_hts) + lame, $(val words) words, $(val audio_s) s of audio; $(machine_note)"
summary "   publish -> narration ready: $(val latency_s) s  RATIO to target $(grep -o 'target_s=60 ratio=[0-9.]*' "$RESULTS/narration.txt" | cut -d= -f3) (target <= 60 s)"
summary "   CPU per second of audio, whole process and engines: $(val cpu_per_audio_s) s" \
	" RATIO to target $(grep -o 'target=0.06 ratio=[0-9.]*' "$RESULTS/narration.txt" | cut -d= -f3) (target <= 0.06)"
summary "   baseline, bare text2wave + lame on the same text: $(val baseline_cpu_per_audio_s) s per second of audio;" \
	"Masthead RATIO to baseline $(val masthead_vs_baseline)"
summary "   MP3: $(val mp3_kb_per_min) KB per minute  RATIO to target $(grep -o 'target=400 ratio=[0-9.]*' "$RESULTS/narration.txt" | cut -d= -f3) (target <= 400)"
