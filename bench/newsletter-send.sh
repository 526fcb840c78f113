#!/usr/bin/env bash
# Issue 4's sending figure: one issue to COUNT (100,000) confirmed subscribers through Postfix's
# smtp-sink on loopback, against Postfix's own load generator smtp-source sending the same number of
# messages of the same size over the same number of connections to the same sink, in the same run.
# Target: Masthead/smtp-source >= 0.5, with resident memory flat during the send (sampled every 0.5 s).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/newsletter-lib.sh"

check_common
COUNT=${COUNT:-100000}
CONNECTIONS=${CONNECTIONS:-4}
DATA=$RESULTS/newsletter-data
rm -rf "$DATA"
mkdir -p "$DATA"
chmod 777 "$RESULTS"

sink_port=$(free_port)
port=$(free_port)
base=http://127.0.0.1:$port

# 1. A probe sink that keeps what it gets, to learn the size of one real message.
smtp-sink -u nobody -D "$RESULTS/probe.dump" "127.0.0.1:$sink_port" 256 >"$RESULTS/probe-sink.log" 2>&1 &
sink_pid=$!
STARTED_PIDS+=("$sink_pid")

log "Starting Masthead (demo newsroom) on port $port, relay 127.0.0.1:$sink_port, $CONNECTIONS connections"
start_masthead newsletter-send "$JAVA_BIN" "$DATA" "$port" --masthead.demo=true \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$sink_port" \
	--masthead.newsletter.sending.connections="$CONNECTIONS" --db-scheduler.polling-interval=1s
pid=$MASTHEAD_PID
wait_200 "$base/" 180 "$pid"
wait_log "$RESULTS/newsletter-send.log" "Demo newsroom (loaded|not loaded)" 180 "$pid"
token=$(editor_token "$DATA")
[[ $token == mh_* ]] || die "no API token from the CLI (see $RESULTS/cli.log)"

add_subscribers "$DATA/masthead.db" bench-probe 1 1 probe.test
probe=$(compose_issue "$base" "$token" bench-probe)
send_issue "$base" "$token" bench-probe "$probe"
until [[ $(issue_field "$base" "$token" bench-probe "$probe" status) == SENT ]]; do sleep 0.5; kill -0 "$pid" || die "Masthead died"; done
sleep 1
# The message as the relay got it: everything after the sink's own X- lines and Received header.
size=$(awk 'body { n += length($0) + 2 } /^Received: / { r = 1; next } r && /^[ \t]/ { next } r { body = 1; n += length($0) + 2; r = 0 }
	END { print n }' "$RESULTS/probe.dump")
((size > 1000)) || die "the probe message looks too small ($size bytes, see $RESULTS/probe.dump)"
kill "$sink_pid"; wait "$sink_pid" 2>/dev/null || true
log "One message is $size bytes"

# 2. The counting sink both senders use.
smtp-sink -u nobody -c "127.0.0.1:$sink_port" 256 >"$RESULTS/sink.log" 2>&1 &
sink_pid=$!
STARTED_PIDS+=("$sink_pid")
sleep 0.5

log "smtp-source: $COUNT messages of $size bytes over $CONNECTIONS connections"
t0=$(date +%s%N)
smtp-source -s "$CONNECTIONS" -m "$COUNT" -l "$((size - 250))" -d -f briefing@ledger.test -t reader@sink.test \
	"127.0.0.1:$sink_port" >"$RESULTS/smtp-source.log" 2>&1
t1=$(date +%s%N)
source_ms=$(((t1 - t0) / 1000000))
source_rate=$(awk -v c="$COUNT" -v ms="$source_ms" 'BEGIN { printf "%.0f", c / ms * 1000 }')
log "smtp-source: $source_ms ms, $source_rate messages/s"

log "Adding $COUNT confirmed subscribers"
add_subscribers "$DATA/masthead.db" bench-briefing 2 "$COUNT" sink.test
issue=$(compose_issue "$base" "$token" bench-briefing)
sample_rss "$pid" "$RESULTS/rss.txt"
rss_before=$(awk '/^VmRSS:/ { print $2 }' "/proc/$pid/status")
cpu0=$(cpu_seconds "$pid")
t0=$(date +%s%N)
send_issue "$base" "$token" bench-briefing "$issue"
log "Masthead: sending issue $issue to $COUNT subscribers"
: >"$RESULTS/progress.tsv"
while true; do
	progress=$(issue_progress "$base" "$token" bench-briefing "$issue")
	status=$(progress_field status <<<"$progress")
	sent=$(progress_field sent <<<"$progress")
	printf '%s\t%s\t%s\n' "$(($(date +%s%N) / 1000000))" "$status" "$sent" >>"$RESULTS/progress.tsv"
	[[ $status == SENT ]] && break
	kill -0 "$pid" || die "Masthead died"
	sleep 0.5
done
t1=$(date +%s%N)
cpu1=$(cpu_seconds "$pid")
kill "$SAMPLER_PID" 2>/dev/null || true
masthead_ms=$(((t1 - t0) / 1000000))
masthead_rate=$(awk -v c="$COUNT" -v ms="$masthead_ms" 'BEGIN { printf "%.0f", c / ms * 1000 }')
failed=$(issue_field "$base" "$token" bench-briefing "$issue" failed)
log "Masthead: $masthead_ms ms, $masthead_rate messages/s, $sent sent, $failed failed"

# Memory: the samples of the send, first and last quarter, and the spread.
rss_note=$(awk -v before="$rss_before" '{ v[NR] = $1 } END {
	q = int(NR / 4); if (q < 1) q = 1
	for (i = 1; i <= q; i++) a += v[i]; for (i = NR - q + 1; i <= NR; i++) b += v[i]
	min = v[1]; max = v[1]; for (i = 1; i <= NR; i++) { if (v[i] < min) min = v[i]; if (v[i] > max) max = v[i] }
	printf "RSS before %d MB; during the send (%d samples) min %d MB, max %d MB, first quarter avg %d MB, last quarter avg %d MB",
		before / 1024, NR, min / 1024, max / 1024, a / q / 1024, b / q / 1024 }' "$RESULTS/rss.txt")

{
	echo "== bench/newsletter-send.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(machine_note))"
	echo "messages: $COUNT of $size bytes, $CONNECTIONS connections, relay: Postfix smtp-sink on loopback"
	echo "smtp-source:  $source_ms ms  $source_rate msg/s"
	echo "Masthead:     $masthead_ms ms  $masthead_rate msg/s  (from the send call to status SENT, enqueueing included; $sent sent, $failed failed; server CPU $(awk -v a="$cpu0" -v b="$cpu1" 'BEGIN { printf "%.1f", b - a }') s, $(awk -v a="$cpu0" -v b="$cpu1" -v c="$COUNT" 'BEGIN { printf "%.3f", (b - a) * 1000 / c }') CPU-ms per message)"
	echo "RATIO Masthead/smtp-source: $(ratio "$masthead_rate" "$source_rate")  (target >= 0.5)"
	echo "$rss_note"
} | tee "$RESULTS/summary.txt"
