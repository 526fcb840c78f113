#!/usr/bin/env bash
# Uncached article pages: every request renders from the database (masthead.cache.enabled=false),
# cycling over thousands of different articles of a 10,000-article newsroom. Prints requests/s,
# p50/p99 and server CPU per page against the targets (>= 1,500 req/s, p99 <= 50 ms), at the issue's
# WRK_CONNECTIONS (64) and at WRK_CONNECTIONS_LOW (16) readers at once, in one run.
# After each Masthead run, the floor of that setting: nginx answering the same wrk script (every path
# gets one static copy of an article page, no work at all), so a p99 the machine itself causes
# (other processes, steal time, wrk's own share of two cores) shows in the same run. Needs nginx
# (apt-get install nginx-light); without it the floor is skipped and the script says so.
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

# The floor: nginx serving one article page, as rendered, at every path of the same list.
nginx_pids=""
if command -v nginx >/dev/null 2>&1; then
	floor=$RESULTS/nginx-floor
	mkdir -p "$floor/tmp"
	curl -sf "http://127.0.0.1:$port$(head -1 "$paths")" -o "$floor/page.html" || die "could not fetch an article page"
	nginx_port=$(free_port)
	cat >"$floor/nginx.conf" <<EOF
# Minimal and fair, as in cached-vs-nginx.sh: workers per core, no access log, keep-alive without limit.
worker_processes auto;
daemon off;
pid $floor/nginx.pid;
error_log $floor/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  client_body_temp_path $floor/tmp;
  proxy_temp_path $floor/tmp;
  fastcgi_temp_path $floor/tmp;
  uwsgi_temp_path $floor/tmp;
  scgi_temp_path $floor/tmp;
  server { listen 127.0.0.1:$nginx_port; root $floor; location / { try_files /page.html =404; } }
}
EOF
	nginx -c "$floor/nginx.conf" -p "$floor" >"$floor/stdout.log" 2>&1 &
	nginx_master=$!
	STARTED_PIDS+=("$nginx_master")
	wait_200 "http://127.0.0.1:$nginx_port$(head -1 "$paths")" 10 "$nginx_master"
	nginx_pids="$nginx_master $(pgrep -P "$nginx_master" | tr '\n' ' ')"
	wrk_run "$RESULTS/floor-warmup.txt" "$nginx_pids" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d3s \
		-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$nginx_port/"
fi

# jit_ticks PID: CPU ticks used so far by the JIT compiler threads (C1, C2) of a JVM.
jit_ticks() {
	local task total=0
	for task in /proc/"$1"/task/*; do
		[[ $(cat "$task/comm" 2>/dev/null) == *CompilerThre* ]] || continue
		total=$((total + $(awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "$task/stat" 2>/dev/null || echo 0)))
	done
	echo "$total"
}

# jit_share TICKS_BEFORE SERVER_TICKS_BEFORE: the JIT's percentage of the server's CPU since then
# (compiler threads the JVM stopped meanwhile take their ticks with them: never below 0).
jit_share() {
	awk -v j="$(($(jit_ticks "$masthead") - $1))" -v s="$(($(jiffies "$masthead") - $2))" \
		'BEGIN { if (j < 0) j = 0; printf "%.0f", (s > 0) ? 100 * j / s : 0 }'
}

log "Warming up for $WARMUP_DURATION (JIT)"
wrk_run "$RESULTS/uncached-warmup.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP_DURATION" \
	-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
# On two cores (and sooner on a busy machine) the JIT is still compiling after the fixed warm-up:
# in one run its threads used 40% of Masthead's CPU during the first -c64 measurement and none
# during a second one right after, which made the first setting look slower and costlier per
# page than it is. More 5-second rounds, until a round spends less than JIT_SETTLED percent of
# Masthead's CPU in the compiler (at most JIT_ROUNDS); every measurement says the JIT's share.
JIT_SETTLED=${JIT_SETTLED:-5}
JIT_ROUNDS=${JIT_ROUNDS:-12}
for round in $(seq 1 "$JIT_ROUNDS"); do
	j0=$(jit_ticks "$masthead")
	s0=$(jiffies "$masthead")
	wrk_run "$RESULTS/uncached-warmup-$round.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d5s \
		-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
	share=$(jit_share "$j0" "$s0")
	log "Warm-up round $round: the JIT compiler used $share% of Masthead's CPU"
	((share >= JIT_SETTLED)) || break
done
sample_rss "$masthead" "$RESULTS/uncached-rss.txt"
summary "== Uncached article pages, $count different articles of $ARTICLES (JDK $(java_major "$JAVA_BIN"), $JVM_OPTS)"
summary "   wrk -t$WRK_THREADS -d$WRK_DURATION --latency -s paths.lua at -c$WRK_CONNECTIONS (the cached bench's setting)" \
	"and at -c$WRK_CONNECTIONS_LOW; $(machine_note)"
# The issue's setting first, then fewer readers at once: how throughput and the tail hold at each.
for connections in $WRK_CONNECTIONS $WRK_CONNECTIONS_LOW; do
	out=$RESULTS/uncached-c$connections.txt
	j0=$(jit_ticks "$masthead")
	s0=$(jiffies "$masthead")
	wrk_run "$out" "$masthead" -t"$WRK_THREADS" -c"$connections" -d"$WRK_DURATION" --latency \
		-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$port/"
	jit=$(jit_share "$j0" "$s0")
	r=$(rps "$out")
	p50=$(latency_ms "$out" 50)
	p99=$(latency_ms "$out" 99)
	requests=$(awk '/requests in/ { print $1 }' "$out")
	server_cpu=$(awk -F'server_cpu_s=' '{ split($2, a, " "); print a[1] }' "$out.cpu")
	summary "   -c$connections: $r req/s  RATIO to target $(ratio "$r" 1500) (target >= 1500);" \
		"p50 $p50 ms, p99 $p99 ms  RATIO to target $(ratio "$p99" 50) (target <= 50 ms, ratio <= 1.00)"
	summary "     Masthead CPU per page: $(awk -v c="$server_cpu" -v n="$requests" 'BEGIN { printf "%.2f ms", c * 1000 / n }')" \
		"(at $(nproc) fully available cores that would allow about" \
		"$(awk -v c="$server_cpu" -v n="$requests" -v k="$(nproc)" 'BEGIN { printf "%.0f", k * n / c }') req/s, before wrk's share);" \
		"the JIT compiler's share of it: $jit%"
	summary "     $(noise_note "$out")"
	e=$(errors "$out")
	[[ -z "$e" ]] || summary "     ! $e"
	if [[ -n "$nginx_pids" ]]; then
		floor_out=$RESULTS/floor-c$connections.txt
		wrk_run "$floor_out" "$nginx_pids" -t"$WRK_THREADS" -c"$connections" -d"$WRK_DURATION" --latency \
			-s "$BENCH_DIR/paths.lua" "http://127.0.0.1:$nginx_port/"
		floor_p99=$(latency_ms "$floor_out" 99)
		summary "     floor at -c$connections (nginx, a static copy at every path, right after): $(rps "$floor_out") req/s," \
			"p50 $(latency_ms "$floor_out" 50) ms, p99 $floor_p99 ms; Masthead p99 / floor p99 $(ratio "$p99" "$floor_p99")"
		summary "     floor run: $(noise_note "$floor_out")"
	else
		summary "     floor skipped: nginx is not installed (apt-get install nginx-light)"
	fi
done
kill "$SAMPLER_PID" 2>/dev/null || true
summary "   Masthead resident memory under this load: max $(max_mb "$RESULTS/uncached-rss.txt") MB (target <= 400)"
