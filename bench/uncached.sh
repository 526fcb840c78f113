#!/usr/bin/env bash
# Uncached article pages: every request renders from the database (masthead.cache.enabled=false),
# cycling over thousands of different articles of a 10,000-article newsroom. Prints requests/s,
# p50/p99 and server CPU per page against the targets (>= 1,500 req/s, p99 <= 50 ms), at the issue's
# WRK_CONNECTIONS (64) and at WRK_CONNECTIONS_LOW (16) readers at once, in one run.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check_common
WRK_CONNECTIONS_LOW=${WRK_CONNECTIONS_LOW:-16}

ensure_data
port=$(free_port)
start_masthead uncached "$JAVA_BIN" "$DATA_DIR" "$port" --masthead.cache.enabled=false
masthead=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port/" 120 "$masthead"

paths=$RESULTS/uncached-paths.txt
collect_paths "$port" "$paths"
count=$(wc -l <"$paths")

export PATHS_FILE=$paths
log "Warming up for $WARMUP_DURATION (JIT)"
wrk_run "$RESULTS/uncached-warmup.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP_DURATION" \
	-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
sample_rss "$masthead" "$RESULTS/uncached-rss.txt"
summary "== Uncached article pages, $count different articles of $ARTICLES (JDK $(java_major "$JAVA_BIN"), $JVM_OPTS)"
summary "   wrk -t$WRK_THREADS -d$WRK_DURATION --latency -s paths.lua at -c$WRK_CONNECTIONS (the cached bench's setting)" \
	"and at -c$WRK_CONNECTIONS_LOW; $(machine_note)"
# The issue's setting first, then fewer readers at once: how throughput and the tail hold at each.
for connections in $WRK_CONNECTIONS $WRK_CONNECTIONS_LOW; do
	out=$RESULTS/uncached-c$connections.txt
	wrk_run "$out" "$masthead" -t"$WRK_THREADS" -c"$connections" -d"$WRK_DURATION" --latency \
		-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
	r=$(rps "$out")
	p50=$(latency_ms "$out" 50)
	p99=$(latency_ms "$out" 99)
	requests=$(awk '/requests in/ { print $1 }' "$out")
	server_cpu=$(awk -F'server_cpu_s=' '{ split($2, a, " "); print a[1] }' "$out.cpu")
	summary "   -c$connections: $r req/s  RATIO to target $(ratio "$r" 1500) (target >= 1500);" \
		"p50 $p50 ms, p99 $p99 ms  RATIO to target $(ratio "$p99" 50) (target <= 50 ms, ratio <= 1.00)"
	summary "     Masthead CPU per page: $(awk -v c="$server_cpu" -v n="$requests" 'BEGIN { printf "%.2f ms", c * 1000 / n }')" \
		"(at $(nproc) fully available cores that would allow about" \
		"$(awk -v c="$server_cpu" -v n="$requests" -v k="$(nproc)" 'BEGIN { printf "%.0f", k * n / c }') req/s, before wrk's share)"
	summary "     $(noise_note "$out")"
	e=$(errors "$out")
	[[ -z "$e" ]] || summary "     ! $e"
done
kill "$SAMPLER_PID" 2>/dev/null || true
summary "   Masthead resident memory under this load: max $(max_mb "$RESULTS/uncached-rss.txt") MB (target <= 400)"
