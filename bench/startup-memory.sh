#!/usr/bin/env bash
# Start-up to the first 200 on an existing 10,000-article database (a second start) on JDK 25 and
# JDK 17, two ways: the README's `java -jar`, and the jar extracted with an AOT cache (JDK 25) or an
# AppCDS archive (JDK 17) from a training run. Then resident memory under load with the page cache
# filling up. Targets: first 200 within 4 s on JDK 25; resident memory <= 400 MB.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check_common
RUNS=${RUNS:-3}
JAVA17_BIN=${JAVA17_BIN:-/usr/lib/jvm/java-17-openjdk-amd64/bin/java}
VARIANTS=${VARIANTS:-jar aot}

ensure_data

now_ms() { echo $(($(date +%s%N) / 1000000)); }

# start_once JAVA NAME: prints "wall_ms cpu_s rss_mb" for one start to the first 200 of the front page.
start_once() {
	local java=$1 name=$2 port t0 t1 pid
	port=$(free_port)
	t0=$(now_ms)
	start_masthead "$name" "$java" "$DATA_DIR" "$port"
	pid=$MASTHEAD_PID
	until [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "http://127.0.0.1:$port/" || true) == 200 ]]; do
		kill -0 "$pid" 2>/dev/null || die "the server exited while starting (see $RESULTS/$name.log)"
		(($(now_ms) - t0 < 180000)) || die "no 200 within 180 s (see $RESULTS/$name.log)"
		sleep 0.02
	done
	t1=$(now_ms)
	echo "$((t1 - t0)) $(cpu_seconds "$pid") $(awk '/^VmRSS:/ { printf "%.0f", $2 / 1024 }' "/proc/$pid/status")"
	stop_pid "$pid"
}

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# train JAVA ARCHIVE: one run of the extracted jar that records the classes (and on JDK 25 the
# linked classes and method profiles) of a start and a few page views; written when the JVM exits.
train() {
	local java=$1 archive=$2 major port pid
	major=$(java_major "$java")
	[[ -s "$archive" ]] && return
	log "Training run on JDK $major for $archive"
	port=$(free_port)
	if ((major >= 25)); then
		EXTRA_JVM_OPTS="-XX:AOTCacheOutput=$archive" start_masthead "train-jdk$major" "$java" "$DATA_DIR" "$port"
	else
		EXTRA_JVM_OPTS="-XX:ArchiveClassesAtExit=$archive" start_masthead "train-jdk$major" "$java" "$DATA_DIR" "$port"
	fi
	pid=$MASTHEAD_PID
	wait_200 "http://127.0.0.1:$port/" 180 "$pid"
	for p in $(curl -sf "http://127.0.0.1:$port/" | grep -o 'href="/[a-z0-9-]*/"' | sed 's/^href="//; s/"$//' | head -10) \
		/section/city/ /page/2/; do
		curl -s -o /dev/null "http://127.0.0.1:$port$p"
		curl -s -o /dev/null -H 'Accept-Encoding: gzip' "http://127.0.0.1:$port$p"
	done
	kill "$pid"
	# The archive is written on exit, which takes a while: no kill -9 here.
	for _ in $(seq 1 1200); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
	[[ -s "$archive" ]] || die "the training run wrote no $archive (see $RESULTS/train-jdk$major.log)"
}

summary "== Start-up to first 200 of / on an existing $ARTICLES-article database ($JVM_OPTS, $RUNS starts each)"
summary "   $(machine_note)"
javas=("$JAVA_BIN")
if [[ -x "$JAVA17_BIN" && "$(java_major "$JAVA17_BIN")" != "$(java_major "$JAVA_BIN")" ]]; then javas+=("$JAVA17_BIN"); fi
extracted=$RESULTS/extracted
for java in "${javas[@]}"; do
	major=$(java_major "$java")
	for variant in $VARIANTS; do
		jar=$JAR
		opts=""
		if [[ $variant == aot ]]; then
			if [[ ! -f "$extracted/$(basename "$JAR")" ]]; then
				"$java" -Djarmode=tools -jar "$JAR" extract --destination "$extracted" >"$RESULTS/extract.log" 2>&1 \
					|| die "could not extract $JAR (see $RESULTS/extract.log)"
			fi
			jar=$extracted/$(basename "$JAR")
			if ((major >= 25)); then
				archive=$extracted/app-jdk$major.aot
				JAR=$jar train "$java" "$archive"
				opts="-XX:AOTCache=$archive"
			else
				archive=$extracted/app-jdk$major.jsa
				JAR=$jar train "$java" "$archive"
				opts="-XX:SharedArchiveFile=$archive"
			fi
		fi
		file=$RESULTS/startup-jdk$major-$variant.txt
		: >"$file"
		for run in $(seq 1 "$RUNS"); do
			JAR=$jar EXTRA_JVM_OPTS=$opts start_once "$java" "startup-jdk$major-$variant-$run" >>"$file"
		done
		wall=$(cut -d' ' -f1 "$file" | median)
		cpu=$(cut -d' ' -f2 "$file" | median)
		rss=$(cut -d' ' -f3 "$file" | median)
		runs=$(cut -d' ' -f1 "$file" | tr '\n' ' ')
		what="java -jar"
		[[ $variant == aot ]] && what="extracted, $( ((major >= 25)) && echo AOT cache || echo AppCDS)"
		target=""
		((major >= 25)) && target="  RATIO to target $(ratio "$wall" 4000) (target <= 4000 ms, ratio <= 1.00)"
		summary "   JDK $major, $what: median $wall ms (runs: ${runs% }), $cpu CPU-s by then, RSS $rss MB$target"
	done
done

# Memory under load: thousands of different articles with the cache on, so it fills up while serving.
port=$(free_port)
start_masthead memory "$JAVA_BIN" "$DATA_DIR" "$port"
masthead=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port/" 180 "$masthead"
paths=$RESULTS/memory-paths.txt
if [[ -s "$RESULTS/uncached-paths.txt" ]]; then cp "$RESULTS/uncached-paths.txt" "$paths"; else collect_paths "$port" "$paths"; fi
sample_rss "$masthead" "$RESULTS/memory-rss.txt"
PATHS_FILE=$paths wrk_run "$RESULTS/memory-load.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" \
	-d"$WRK_DURATION" -H 'Accept-Encoding: gzip' -s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
kill "$SAMPLER_PID" 2>/dev/null || true
hwm=$(awk '/^VmHWM:/ { printf "%.0f", $2 / 1024 }' "/proc/$masthead/status")
summary "== Resident memory, JDK $(java_major "$JAVA_BIN") java -jar, $(wc -l <"$paths") different articles for $WRK_DURATION" \
	"with the cache on ($(rps "$RESULTS/memory-load.txt") req/s)"
summary "   max VmRSS sampled $(max_mb "$RESULTS/memory-rss.txt") MB, VmHWM $hwm MB  RATIO to target" \
	"$(ratio "$hwm" 400) (target <= 400 MB, ratio <= 1.00)"
summary "   $(noise_note "$RESULTS/memory-load.txt")"
