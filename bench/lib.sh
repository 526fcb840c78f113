# Shared by the bench scripts: sourced, never run. Bash, loopback only, cleans up what it starts.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT_DIR=$(cd "$BENCH_DIR/.." && pwd)

JAR=${JAR:-$ROOT_DIR/target/masthead.jar}
JDK25_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java
if [[ -z "${JAVA_BIN:-}" ]]; then
	if [[ -x $JDK25_JAVA ]]; then JAVA_BIN=$JDK25_JAVA; else JAVA_BIN=$(command -v java || true); fi
fi
# The README's flags: a fixed heap and the serial collector keep resident memory low on a small
# machine (notes/verified-stack.md); override with JVM_OPTS to compare.
JVM_OPTS=${JVM_OPTS:--Xmx256m -XX:+UseSerialGC}
ARTICLES=${ARTICLES:-10000}
# Background work that is not page serving stays off while measuring: narration would run Festival
# for the demo articles of the last week. Override with APP_ARGS.
APP_ARGS=${APP_ARGS:---masthead.audio.enabled=false}
WRK_THREADS=${WRK_THREADS:-2}
WRK_CONNECTIONS=${WRK_CONNECTIONS:-64}
WRK_DURATION=${WRK_DURATION:-20s}
WARMUP_DURATION=${WARMUP_DURATION:-15s}
RESULTS_ROOT=${RESULTS_ROOT:-$BENCH_DIR/results}
RESULTS=${RESULTS:-$RESULTS_ROOT/$(date +%Y%m%d-%H%M%S)}
DATA_DIR=${DATA_DIR:-$RESULTS_ROOT/data-$ARTICLES}

mkdir -p "$RESULTS" "$RESULTS_ROOT"
ln -sfn "$RESULTS" "$RESULTS_ROOT/latest"

STARTED_PIDS=()

log() { printf '[%s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

cleanup() {
	local pid
	for pid in "${STARTED_PIDS[@]}"; do
		if kill -0 "$pid" 2>/dev/null; then
			kill "$pid" 2>/dev/null || true
		fi
	done
	for pid in "${STARTED_PIDS[@]}"; do
		for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$pid" 2>/dev/null || true
	done
	STARTED_PIDS=()
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# need COMMAND PACKAGE: say what to install instead of installing anything.
need() {
	command -v "$1" >/dev/null 2>&1 || die "'$1' is missing: apt-get install $2"
}

check_common() {
	need curl curl
	need wrk wrk
	need ss iproute2
	need awk gawk
	[[ -n "$JAVA_BIN" && -x "$JAVA_BIN" ]] || die "no java: set JAVA_BIN (JDK 17 or newer)"
	[[ -f "$JAR" ]] || die "$JAR is missing: run 'mvn -q -B package -DskipTests' in $ROOT_DIR first"
}

java_major() { "$1" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit }'; }

# JVM options for a java binary: JDK 22+ needs native access allowed for sqlite-jdbc.
java_opts() {
	local opts=$JVM_OPTS
	if (($(java_major "$1") >= 22)); then opts="--enable-native-access=ALL-UNNAMED $opts"; fi
	echo "$opts"
}

free_port() {
	# Below the kernel's ephemeral range, so an outgoing connection (JDBC, SMTP, wrk) can never hold
	# the port between this check and the bind (an smtp-sink once failed with "Address already in
	# use" on a port in that range); never a port any socket uses; never one this run handed out.
	local port low=32768 used=${RESULTS:-/tmp}/.bench-ports
	read -r low _ </proc/sys/net/ipv4/ip_local_port_range 2>/dev/null || true
	((low > 12000)) || die "the ephemeral port range starts at $low: no room for the benchmark's ports below it"
	for _ in $(seq 1 100); do
		port=$((10000 + RANDOM % (low - 10000)))
		grep -qx "$port" "$used" 2>/dev/null && continue
		if [[ -z $(ss -Htan "sport = :$port" 2>/dev/null) ]]; then
			{ echo "$port" >>"$used"; } 2>/dev/null || true
			echo "$port"
			return
		fi
	done
	die "no free port found"
}

# start_masthead NAME JAVA DATA_DIR PORT [ARGS...]: starts in the background; sets MASTHEAD_PID.
start_masthead() {
	local name=$1 java=$2 data=$3 port=$4
	shift 4
	# shellcheck disable=SC2046
	# shellcheck disable=SC2086
	"$java" $(java_opts "$java") ${EXTRA_JVM_OPTS:-} -jar "$JAR" --masthead.data-dir="$data" --server.port="$port" \
		--server.address=127.0.0.1 $APP_ARGS "$@" >"$RESULTS/$name.log" 2>&1 &
	MASTHEAD_PID=$!
	STARTED_PIDS+=("$MASTHEAD_PID")
}

stop_pid() {
	local pid=$1
	kill "$pid" 2>/dev/null || true
	for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
	kill -9 "$pid" 2>/dev/null || true
}

# wait_200 URL SECONDS PID: waits for a 200 from URL (http://127.0.0.1:PORT/PATH), asking every 20 ms
# with probe_get, failing early if the process dies. It starts no process, so it can time a start.
wait_200() {
	local url=$1 seconds=$2 pid=$3 deadline=$((SECONDS + $2))
	[[ $url =~ ^http://127\.0\.0\.1:([0-9]+)(/.*)$ ]] || die "wait_200 takes http://127.0.0.1:PORT/PATH, not $url"
	local port=${BASH_REMATCH[1]} path=${BASH_REMATCH[2]}
	while ((SECONDS < deadline)); do
		probe_get "$port" "$path"
		[[ $PROBE_STATUS == 200 ]] && return 0
		kill -0 "$pid" 2>/dev/null || die "the server exited before answering $url (see $RESULTS)"
		pause 0.02
	done
	die "no 200 from $url within $seconds s"
}

# probe_get PORT PATH: sets PROBE_STATUS to the status code of one GET to 127.0.0.1:PORT (000 when
# nothing answers), with bash's own /dev/tcp. No process is started: a loop of curl and sleep every
# 20 ms took about 1.7 CPU-s in 4 s, a fifth of a 2-core machine, from the server whose start it timed.
probe_get() {
	local port=$1 path=$2 fd line=
	PROBE_STATUS=000
	{ exec {fd}<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || return 0
	printf 'GET %s HTTP/1.1\r\nHost: 127.0.0.1:%s\r\nConnection: close\r\n\r\n' "$path" "$port" >&"$fd" 2>/dev/null &&
		read -r -t 10 line <&"$fd" 2>/dev/null
	exec {fd}>&-
	if [[ $line =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]]; then PROBE_STATUS=${BASH_REMATCH[1]}; fi
	return 0
}

# pause SECONDS: sleeps without starting a process (a read with a timeout on a pipe nobody writes to).
pause() {
	[[ -n ${PAUSE_FD:-} ]] || exec {PAUSE_FD}<> <(:)
	read -r -t "$1" -u "$PAUSE_FD" _ || true
}

# wait_log FILE PATTERN SECONDS PID
wait_log() {
	local file=$1 pattern=$2 deadline=$((SECONDS + $3)) pid=$4
	while ((SECONDS < deadline)); do
		grep -qE "$pattern" "$file" 2>/dev/null && return 0
		kill -0 "$pid" 2>/dev/null || die "the server exited before logging '$pattern' (see $file)"
		sleep 0.5
	done
	die "'$pattern' not logged in $3 s (see $file)"
}

# ensure_data: a data directory holding ARTICLES published articles (the demo newsroom plus
# generated ones), made once and reused, so every later start is a start on an existing database.
ensure_data() {
	if [[ -f "$DATA_DIR/.articles-$ARTICLES" ]]; then return; fi
	log "Preparing $DATA_DIR: demo newsroom plus generated articles up to $ARTICLES (takes a minute or two)"
	mkdir -p "$DATA_DIR"
	local port
	port=$(free_port)
	start_masthead prepare-data "$JAVA_BIN" "$DATA_DIR" "$port" --masthead.demo=true \
		--masthead.demo.generate-articles="$ARTICLES"
	wait_log "$RESULTS/prepare-data.log" "Generated articles: (done|none needed)" 900 "$MASTHEAD_PID"
	# Let listeners of the publications (the search index) catch up before stopping.
	sleep 15
	stop_pid "$MASTHEAD_PID"
	touch "$DATA_DIR/.articles-$ARTICLES"
}

# sample_rss PID FILE: VmRSS in kB every 0.5 s until the process ends or the sampler is killed.
sample_rss() {
	local pid=$1 file=$2
	(
		while [[ -r /proc/$pid/status ]]; do
			awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status" 2>/dev/null || true
			sleep 0.5
		done
	) >"$file" &
	STARTED_PIDS+=("$!")
	SAMPLER_PID=$!
}

# collect_paths PORT FILE: article paths from every STRIDE-th listing page, newest to oldest, so
# they come from the whole archive; shuffled with a fixed seed.
collect_paths() {
	local port=$1 out=$2 page=1 url body count stride=${STRIDE:-4}
	log "Collecting article paths from the listing pages (every ${stride}th page)"
	: >"$out.all"
	while ((page < 5000)); do
		url="http://127.0.0.1:$port/page/$page/"
		((page == 1)) && url="http://127.0.0.1:$port/"
		body=$(curl -s --max-time 10 -w '\n%{http_code}' "$url")
		[[ ${body##*$'\n'} == 200 ]] || break
		grep -o 'href="/[a-z0-9-]*/"' <<<"$body" | sed 's/^href="//; s/"$//' \
			| grep -v -x -E '/(rss|news-feed|newsletters|search|sitemap|page)/' >>"$out.all" || true
		page=$((page + stride))
	done
	sort -u "$out.all" | awk 'BEGIN { srand(42) } { print rand() "\t" $0 }' | sort -k1,1 | cut -f2 >"$out"
	rm -f "$out.all"
	count=$(wc -l <"$out")
	((count >= 100)) || die "only $count article paths found: is the database filled (ARTICLES=$ARTICLES)?"
	log "$count different article paths"
}

max_mb() { awk 'BEGIN { m = 0 } $1 > m { m = $1 } END { printf "%.0f", m / 1024 }' "$1"; }

# jiffies PID...: user+system CPU ticks used so far by these processes and their children threads.
jiffies() {
	local pid total=0 t
	for pid in "$@"; do
		t=$(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$pid/stat" 2>/dev/null || echo 0)
		total=$((total + t))
	done
	echo "$total"
}

machine_jiffies() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }

# wrk_run OUTFILE "SERVER_PIDS" WRK_ARGS...: runs wrk (bounded by its -d) and keeps its output; in
# OUTFILE.cpu it notes the CPU-seconds used by the server, by wrk, and by everything else on the
# machine meanwhile (other people's builds on a shared machine), so a noisy run can be recognised.
wrk_run() {
	local out=$1 pids=$2 s0 m0 t0 s1 m1 t1 wrk_cpu hz
	shift 2
	hz=$(getconf CLK_TCK)
	# shellcheck disable=SC2086
	s0=$(jiffies $pids)
	m0=$(machine_jiffies)
	t0=$(date +%s%N)
	local TIMEFORMAT='%U %S'
	{ time timeout 300 wrk "$@" >"$out" 2>&1; } 2>"$out.time" || die "wrk failed: $(cat "$out")"
	t1=$(date +%s%N)
	m1=$(machine_jiffies)
	# shellcheck disable=SC2086
	s1=$(jiffies $pids)
	wrk_cpu=$(awk '{ print $1 + $2 }' "$out.time")
	awk -v s="$((s1 - s0))" -v m="$((m1 - m0))" -v w="$wrk_cpu" -v hz="$hz" -v t="$(((t1 - t0) / 1000000))" \
		-v cores="$(nproc)" 'BEGIN {
			server = s / hz; total = m / hz; others = total - server - w; if (others < 0) others = 0
			printf "wall_s=%.1f server_cpu_s=%.1f wrk_cpu_s=%.1f others_cpu_s=%.1f others_share=%.0f%%\n",
				t / 1000, server, w, others, 100 * others / (t / 1000 * cores) }' >"$out.cpu"
}

# What else ran on the machine during a wrk run, in words.
noise_note() {
	awk -F'[ =]' '{ for (i = 1; i < NF; i += 2) v[$i] = $(i + 1) } END {
		printf "server used %s CPU-s, wrk %s, other processes %s (%s of the machine)",
			v["server_cpu_s"], v["wrk_cpu_s"], v["others_cpu_s"], v["others_share"] }' "$1.cpu"
}

# Requests/sec from a wrk output.
rps() { awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$1"; }

# A latency percentile of a wrk --latency output, in ms.
latency_ms() {
	awk -v p="$2%" '$1 == p {
		v = $2; unit = v; sub(/[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
		if (unit == "us") v /= 1000; else if (unit == "s") v *= 1000; else if (unit == "m") v *= 60000
		printf "%.1f", v }' "$1"
}

errors() { awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }' "$1"; }

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "n/a" }'; }

# cpu_seconds PID: user+system CPU time the process has used so far.
cpu_seconds() {
	awk -v hz="$(getconf CLK_TCK)" '{ sub(/^.*\) /, ""); printf "%.2f", ($12 + $13) / hz }' "/proc/$1/stat"
}

# cores and background load before a run; the per-run figures come from noise_note.
machine_note() {
	local m0 m1
	m0=$(machine_jiffies)
	sleep 2
	m1=$(machine_jiffies)
	awk -v d="$((m1 - m0))" -v hz="$(getconf CLK_TCK)" -v c="$(nproc)" 'BEGIN {
		busy = 100 * d / hz / 2 / c
		printf "%d cores, %.0f%% busy with other work just before the run%s", c, busy,
			(busy > 25) ? " (a shared machine: absolute figures are noisy, same-run ratios less so)" : "" }'
}

summary() { echo "$*" | tee -a "$RESULTS/summary.txt"; }
