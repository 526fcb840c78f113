#!/usr/bin/env bash
# Cached article page: Masthead's page cache against nginx serving the same bytes as static files,
# same wrk settings, same Accept-Encoding, in one run. Prints the ratio Masthead/nginx.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check_common
need nginx nginx-light
ENCODINGS=${ENCODINGS:-gzip identity}
ROUNDS=${ROUNDS:-1}

ensure_data
port=$(free_port)
start_masthead cached "$JAVA_BIN" "$DATA_DIR" "$port"
masthead=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port/" 120 "$masthead"

# The newest article of the front page: the page readers hit most. The first link that leads to a
# page with og:type "article".
path=""
for candidate in $(curl -sf "http://127.0.0.1:$port/" | grep -o 'href="/[a-z0-9-]*/"' | sed 's/^href="//; s/"$//' | head -30); do
	if curl -sf "http://127.0.0.1:$port$candidate" | grep -q 'property="og:type" content="article"'; then
		path=$candidate
		break
	fi
done
[[ -n "$path" ]] || die "no article link on the front page"
url="http://127.0.0.1:$port$path"

# nginx gets exactly the bytes Masthead sends: the plain page and its pre-gzipped copy (gzip_static).
site=$RESULTS/nginx/site
mkdir -p "$site$path"
curl -sf "$url" -o "$site${path}index.html"
curl -sf -H 'Accept-Encoding: gzip' "$url" -o "$site${path}index.html.gz"
gzip -t "$site${path}index.html.gz" || die "Masthead did not answer with gzip"
nginx_port=$(free_port)
cat >"$RESULTS/nginx/nginx.conf" <<EOF
# Minimal and fair: as many workers as cores, no access log, sendfile, keep-alive without limit.
worker_processes auto;
daemon off;
pid $RESULTS/nginx/nginx.pid;
error_log $RESULTS/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  types { text/html html; }
  default_type text/html;
  sendfile on;
  tcp_nopush on;
  tcp_nodelay on;
  keepalive_requests 1000000;
  keepalive_timeout 65;
  gzip off;
  gzip_static on;
  gzip_vary on;
  etag on;
  client_body_temp_path $RESULTS/nginx/tmp;
  proxy_temp_path $RESULTS/nginx/tmp;
  fastcgi_temp_path $RESULTS/nginx/tmp;
  uwsgi_temp_path $RESULTS/nginx/tmp;
  scgi_temp_path $RESULTS/nginx/tmp;
  server { listen 127.0.0.1:$nginx_port; root $site; }
}
EOF
mkdir -p "$RESULTS/nginx/tmp"
nginx -c "$RESULTS/nginx/nginx.conf" -p "$RESULTS/nginx" >"$RESULTS/nginx/stdout.log" 2>&1 &
nginx_master=$!
STARTED_PIDS+=("$nginx_master")
nginx_url="http://127.0.0.1:$nginx_port$path"
wait_200 "$nginx_url" 10 "$nginx_master"
nginx_pids="$nginx_master $(pgrep -P "$nginx_master" | tr '\n' ' ')"

# Both must send the same body for the same request, or the comparison means nothing.
for enc in gzip identity; do
	a=$(curl -sf -H "Accept-Encoding: $enc" "$url" | sha256sum)
	b=$(curl -sf -H "Accept-Encoding: $enc" "$nginx_url" | sha256sum)
	[[ "$a" == "$b" ]] || die "nginx and Masthead send different bytes for Accept-Encoding: $enc"
done

log "Warming up Masthead for $WARMUP_DURATION (JIT), nginx for 3s"
wrk_run "$RESULTS/cached-warmup.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP_DURATION" \
	-H 'Accept-Encoding: gzip' "$url"
wrk_run "$RESULTS/nginx-warmup.txt" "$nginx_pids" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d3s -H 'Accept-Encoding: gzip' "$nginx_url"

sample_rss "$masthead" "$RESULTS/cached-rss.txt"
summary "== Cached article page $path (JDK $(java_major "$JAVA_BIN"), $JVM_OPTS)"
summary "   wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION; $(machine_note)"
for enc in $ENCODINGS; do
	for round in $(seq 1 "$ROUNDS"); do
		# Alternating nginx and Masthead spreads the slow drifts of a shared machine over both.
		wrk_run "$RESULTS/nginx-$enc-$round.txt" "$nginx_pids" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" \
			-d"$WRK_DURATION" --latency -H "Accept-Encoding: $enc" "$nginx_url"
		wrk_run "$RESULTS/cached-$enc-$round.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" \
			-d"$WRK_DURATION" --latency -H "Accept-Encoding: $enc" "$url"
		m=$(rps "$RESULTS/cached-$enc-$round.txt")
		n=$(rps "$RESULTS/nginx-$enc-$round.txt")
		size=$(stat -c %s "$site${path}index.html$([[ $enc == gzip ]] && echo .gz)")
		summary "   Accept-Encoding: $enc ($size bytes), round $round: Masthead $m req/s" \
			"(p99 $(latency_ms "$RESULTS/cached-$enc-$round.txt" 99) ms), nginx $n req/s" \
			"(p99 $(latency_ms "$RESULTS/nginx-$enc-$round.txt" 99) ms)  RATIO Masthead/nginx $(ratio "$m" "$n") (target >= 0.50)"
		summary "     Masthead run: $(noise_note "$RESULTS/cached-$enc-$round.txt")"
		summary "     nginx run:    $(noise_note "$RESULTS/nginx-$enc-$round.txt")"
		for f in "$RESULTS/cached-$enc-$round.txt" "$RESULTS/nginx-$enc-$round.txt"; do
			e=$(errors "$f")
			[[ -z "$e" ]] || summary "     ! $(basename "$f"): $e"
		done
	done
done
kill "$SAMPLER_PID" 2>/dev/null || true
summary "   Masthead resident memory under this load: max $(max_mb "$RESULTS/cached-rss.txt") MB (target <= 400)"
