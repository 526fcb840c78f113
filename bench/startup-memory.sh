#!/usr/bin/env bash
# Start-up to the first 200 on an existing 10,000-article database (a second start) on JDK 25 and
# JDK 17, two ways: the README's `bin/masthead` (the jar extracted once per build, an AOT cache on
# JDK 25 or an AppCDS archive on JDK 17 from its training run, which the first, untimed start makes)
# and plain `java -jar`. Then resident memory under load with the page cache filling up, both ways
# on JDK 25: resident memory (RSS) at its peak (VmHWM) and at the end of the load, each split into
# anonymous and file-backed pages. Targets: first 200 within 4 s on JDK 25; resident memory <= 400 MB.
# VARIANTS= skips the start-up part, MEMORY_VARIANTS= the memory part.
set -euo pipefail
# JVM options only when given: bin/masthead then runs with its own defaults, exactly as the README
# starts it, and java -jar with lib.sh's (the README's former flags).
GIVEN_JVM_OPTS=${JVM_OPTS:-}
source "$(dirname "$0")/lib.sh"

check_common
RUNS=${RUNS:-3}
JAVA17_BIN=${JAVA17_BIN:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
VARIANTS=${VARIANTS-launcher jar}
MEMORY_VARIANTS=${MEMORY_VARIANTS-launcher jar}

ensure_data

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }

# start_variant VARIANT JAVA NAME PORT [ARGS...]: starts the server one way; sets MASTHEAD_PID.
start_variant() {
	local variant=$1 java=$2 name=$3 port=$4
	shift 4
	if [[ $variant == jar ]]; then
		start_masthead "$name" "$java" "$DATA_DIR" "$port" "$@"
		return
	fi
	# bin/masthead execs java: its PID is the server's. Its launch directory is next to the jar.
	# shellcheck disable=SC2086
	env JAVA="$java" MASTHEAD_JAR="$JAR" ${GIVEN_JVM_OPTS:+"JAVA_OPTS=$GIVEN_JVM_OPTS"} "$ROOT_DIR/bin/masthead" \
		--masthead.data-dir="$DATA_DIR" --server.port="$port" --server.address=127.0.0.1 $APP_ARGS "$@" \
		>"$RESULTS/$name.log" 2>&1 &
	MASTHEAD_PID=$!
	STARTED_PIDS+=("$MASTHEAD_PID")
}

# start_once VARIANT JAVA NAME: prints "wall_ms cpu_s rss_mb" for one start to the first 200 of the front page.
start_once() {
	local variant=$1 java=$2 name=$3 port t0 t1 pid
	port=$(free_port)
	t0=$(now_ms)
	start_variant "$variant" "$java" "$name" "$port"
	pid=$MASTHEAD_PID
	wait_200 "http://127.0.0.1:$port/" 600 "$pid" # polls without starting a process: no CPU taken from the start
	t1=$(now_ms)
	echo "$((t1 - t0)) $(cpu_seconds "$pid") $(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
	stop_pid "$pid"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

summary "== Start-up to first 200 of / on an existing $ARTICLES-article database ($RUNS starts each; java -jar with $JVM_OPTS," \
	"bin/masthead with ${GIVEN_JVM_OPTS:-its own defaults})"
summary "   $(machine_note)"
javas=("$JAVA_BIN")
if [[ -x "$JAVA17_BIN" && "$(java_major "$JAVA17_BIN")" != "$(java_major "$JAVA_BIN")" ]]; then javas+=("$JAVA17_BIN"); fi
for java in "${javas[@]}"; do
	major=$(java_major "$java")
	for variant in $VARIANTS; do
		if [[ $variant == launcher ]]; then
			# The first start of a build with this JDK runs the training: untimed, as a newsroom's
			# first start; nothing happens when the archive is already there.
			log "bin/masthead on JDK $major: a first start (training run if this build has no archive yet)"
			start_once launcher "$java" "startup-jdk$major-launcher-first" >/dev/null
			grep -h '^masthead: ' "$RESULTS/startup-jdk$major-launcher-first.log" >&2 || true
		fi
		file=$RESULTS/startup-jdk$major-$variant.txt
		: >"$file"
		for run in $(seq 1 "$RUNS"); do
			start_once "$variant" "$java" "startup-jdk$major-$variant-$run" >>"$file"
		done
		wall=$(cut -d' ' -f1 "$file" | median)
		cpu=$(cut -d' ' -f2 "$file" | median)
		rss=$(cut -d' ' -f3 "$file" | median)
		runs=$(cut -d' ' -f1 "$file" | tr '\n' ' ')
		what="java -jar"
		[[ $variant == launcher ]] && what="bin/masthead ($( ((major >= 25)) && echo AOT cache || echo AppCDS))"
		target=""
		((major >= 25)) && target="  RATIO to target $(ratio "$wall" 4000) (target <= 4000 ms, ratio <= 1.00)"
		summary "   JDK $major, $what: median $wall ms (runs: ${runs% }), $cpu CPU-s by then, RSS $rss MB$target"
	done
done

# sample_memory PID FILE: "VmRSS RssAnon RssFile" in kB every 0.5 s until the process ends or the
# sampler is killed. File-backed pages (the jars, the AOT cache or CDS archive, Lucene's mmapped
# index) are shared and reclaimable page cache, but count in RSS like anonymous memory does.
sample_memory() {
	local pid=$1 file=$2
	(
		while [[ -r /proc/$pid/status ]]; do
			awk '/^(VmRSS|RssAnon|RssFile):/ { v[$1] = $2 } END { print v["VmRSS:"], v["RssAnon:"], v["RssFile:"] }' \
				"/proc/$pid/status" 2>/dev/null || true
			sleep 0.5
		done
	) >"$file" &
	STARTED_PIDS+=("$!")
	SAMPLER_PID=$!
}

# Memory under load: thousands of different articles with the cache on, so it fills up while serving.
paths=$RESULTS/memory-paths.txt
for variant in $MEMORY_VARIANTS; do
	port=$(free_port)
	start_variant "$variant" "$JAVA_BIN" "memory-$variant" "$port"
	masthead=$MASTHEAD_PID
	wait_200 "http://127.0.0.1:$port/" 600 "$masthead"
	if [[ ! -s $paths ]]; then
		if [[ -s "$RESULTS/uncached-paths.txt" ]]; then cp "$RESULTS/uncached-paths.txt" "$paths"; else collect_paths "$port" "$paths"; fi
	fi
	sample_memory "$masthead" "$RESULTS/memory-$variant-rss.txt"
	# Every article once first, so the cache is full however fast this machine renders; then the load.
	fill0=$SECONDS
	sed "s|^|http://127.0.0.1:$port|" "$paths" | xargs -P 4 -n 50 curl -s -H 'Accept-Encoding: gzip' >/dev/null
	fill_s=$((SECONDS - fill0))
	PATHS_FILE=$paths wrk_run "$RESULTS/memory-$variant-load.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" \
		-d"$WRK_DURATION" -H 'Accept-Encoding: gzip' -s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
	kill "$SAMPLER_PID" 2>/dev/null || true
	hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$masthead/status")
	peak=$(sort -n "$RESULTS/memory-$variant-rss.txt" | tail -1)
	end=$(awk '/^(VmRSS|RssAnon|RssFile):/ { v[$1] = $2 } END { print v["VmRSS:"], v["RssAnon:"], v["RssFile:"] }' \
		"/proc/$masthead/status")
	stop_pid "$masthead"
	what="java -jar"
	[[ $variant == launcher ]] && what="bin/masthead"
	summary "== Resident memory, JDK $(java_major "$JAVA_BIN") $what: $(wc -l <"$paths") different articles each once (${fill_s} s)," \
		"then over and over for $WRK_DURATION with the cache on ($(rps "$RESULTS/memory-$variant-load.txt") req/s)"
	split() { awk '{ printf "%.0f MB = %.0f MB anonymous + %.0f MB file-backed", $1 / 1024, $2 / 1024, $3 / 1024 }' <<<"$1"; }
	summary "   peak RSS (VmHWM) $hwm MB; at the highest sample $(split "$peak"); at the end of the load $(split "$end")" \
		" RATIO to target $(ratio "$hwm" 400) (target <= 400 MB, ratio <= 1.00)"
	summary "   $(noise_note "$RESULTS/memory-$variant-load.txt")"
done
