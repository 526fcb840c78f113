#!/usr/bin/env bash
# Live news feed fan-out (issue #6): a news feed item posted through the Admin API reaches 1,000
# open Server-Sent Events connections; prints the latency from POST to each connection's receipt
# (p95 target <= 1 s). Baseline in the same run: the same with 10 connections, so the ratio shows
# what 1,000 readers cost. Client and server share this machine's cores.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

CONNECTIONS=${CONNECTIONS:-1000}
ITEMS=${ITEMS:-20}
need curl curl
need ss iproute2
[[ -n "$JAVA_BIN" && -x "$JAVA_BIN" ]] || die "no java: set JAVA_BIN"
(($(java_major "$JAVA_BIN") >= 21)) || die "the client uses virtual threads: set JAVA_BIN to JDK 21 or newer"
[[ -f "$JAR" ]] || die "$JAR is missing: run 'mvn -q -B package -DskipTests' in $ROOT_DIR first"
(($(ulimit -n) >= CONNECTIONS * 2 + 200)) || ulimit -n $((CONNECTIONS * 2 + 200)) 2>/dev/null \
	|| die "open files limit $(ulimit -n) is too low for $CONNECTIONS connections on both ends"

data=$RESULTS/sse-data
mkdir -p "$data"
log "Creating an Editor API token in a fresh newsroom"
# shellcheck disable=SC2046
token=$("$JAVA_BIN" $(java_opts "$JAVA_BIN") -jar "$JAR" admin create-api-token --name sse-bench --role editor \
	--masthead.data-dir="$data" 2>"$RESULTS/sse-token.err" | grep -o 'mh_[A-Za-z0-9_-]*' | head -1)
[[ -n "$token" ]] || die "no token: $(cat "$RESULTS/sse-token.err")"

port=$(free_port)
start_masthead sse "$JAVA_BIN" "$data" "$port" --db-scheduler.enabled=false
masthead=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port/news-feed/" 180 "$masthead"

run_client() {
	local n=$1 out=$2
	timeout 300 "$JAVA_BIN" "$BENCH_DIR/SseFanout.java" "http://127.0.0.1:$port" "$token" "$n" "$ITEMS" >"$out" 2>&1 \
		|| die "client failed: $(tail -5 "$out")"
}
log "Baseline: 10 connections, $ITEMS items"
run_client 10 "$RESULTS/sse-10.txt"
log "$CONNECTIONS connections, $ITEMS items"
cpu_before=$(cpu_seconds "$masthead")
run_client "$CONNECTIONS" "$RESULTS/sse-$CONNECTIONS.txt"
cpu_after=$(cpu_seconds "$masthead")
rss_kb=$(awk '/^VmRSS:/ { print $2 }' "/proc/$masthead/status")

value() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
p95=$(value p95_ms "$RESULTS/sse-$CONNECTIONS.txt")
p95_base=$(value p95_ms "$RESULTS/sse-10.txt")
summary "== Live news feed over SSE (JDK $(java_major "$JAVA_BIN"), $JVM_OPTS); $(machine_note)"
summary "   $(head -1 "$RESULTS/sse-$CONNECTIONS.txt"); $(grep '^deliveries' "$RESULTS/sse-$CONNECTIONS.txt")"
summary "   POST to receipt at $CONNECTIONS connections: p50 $(value p50_ms "$RESULTS/sse-$CONNECTIONS.txt") ms, p95 $p95 ms," \
	"p99 $(value p99_ms "$RESULTS/sse-$CONNECTIONS.txt") ms, max $(value max_ms "$RESULTS/sse-$CONNECTIONS.txt") ms" \
	" RATIO p95 to target $(ratio "$p95" 1000) (target <= 1000 ms)"
summary "   baseline, 10 connections: p95 $p95_base ms; $CONNECTIONS/10 p95 ratio $(ratio "$p95" "$p95_base")"
summary "   Masthead CPU over the $CONNECTIONS-connection run: $(awk -v a="$cpu_after" -v b="$cpu_before" 'BEGIN { printf "%.1f", a - b }') s;" \
	"resident memory with $CONNECTIONS streams open: $((rss_kb / 1024)) MB"
