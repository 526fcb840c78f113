#!/usr/bin/env bash
# Issue 4's crash figure: one issue to COUNT (20,000) confirmed subscribers through Postfix's
# smtp-sink, which keeps every message it accepts; Masthead is killed with SIGKILL at a random point
# of the send, started again on the same data directory, and left to finish. Then the copies each
# recipient got are counted at the sink: exactly once for everyone is the target; duplicates and
# misses are reported as they are.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/newsletter-lib.sh"

check_common
COUNT=${COUNT:-20000}
CONNECTIONS=${CONNECTIONS:-4}
# A shorter lease than the default 60 s only shortens the wait after the restart.
LEASE=${LEASE:-20s}
DATA=$RESULTS/crash-data
rm -rf "$DATA"
mkdir -p "$DATA"
chmod 777 "$RESULTS"

sink_port=$(free_port)
port=$(free_port)
base=http://127.0.0.1:$port
smtp-sink -u nobody -D "$RESULTS/sink.dump" "127.0.0.1:$sink_port" 256 >"$RESULTS/sink.log" 2>&1 &
STARTED_PIDS+=("$!")

app_args=(--masthead.demo=true --spring.mail.host=127.0.0.1 --spring.mail.port="$sink_port"
	--masthead.newsletter.sending.connections="$CONNECTIONS" --masthead.newsletter.sending.lease="$LEASE"
	--db-scheduler.polling-interval=1s)
log "Starting Masthead (demo newsroom) on port $port, relay 127.0.0.1:$sink_port"
start_masthead crash-first "$JAVA_BIN" "$DATA" "$port" "${app_args[@]}"
pid=$MASTHEAD_PID
wait_200 "$base/" 180 "$pid"
wait_log "$RESULTS/crash-first.log" "Demo newsroom (loaded|not loaded)" 180 "$pid"
token=$(editor_token "$DATA")
[[ $token == mh_* ]] || die "no API token"
add_subscribers "$DATA/masthead.db" bench-briefing 3 "$COUNT" sink.test
issue=$(compose_issue "$base" "$token" bench-briefing)

kill_at=$((COUNT / 10 + RANDOM * RANDOM % (COUNT * 8 / 10)))
send_issue "$base" "$token" bench-briefing "$issue"
log "Sending issue $issue to $COUNT subscribers; SIGKILL once $kill_at are recorded as sent"
while true; do
	sent=$(issue_field "$base" "$token" bench-briefing "$issue" sent)
	[[ -n $sent ]] && ((sent >= kill_at)) && break
	kill -0 "$pid" || die "Masthead died on its own"
	sleep 0.2
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
at_sink=$(grep -c '^X-Rcpt-Args:' "$RESULTS/sink.dump" || true)
recorded=$(sqlite3 "$DATA/masthead.db" "select count(*) from newsletter_delivery where issue_id = $issue and status = 'SENT'")
log "Killed: $recorded recorded as sent, $at_sink messages at the sink"

t0=$(date +%s)
start_masthead crash-second "$JAVA_BIN" "$DATA" "$port" "${app_args[@]}"
pid=$MASTHEAD_PID
wait_200 "$base/" 180 "$pid"
log "Started again; waiting for the issue to finish"
while [[ $(issue_field "$base" "$token" bench-briefing "$issue" status) != SENT ]]; do
	kill -0 "$pid" || die "Masthead died after the restart"
	(($(date +%s) - t0 < 900)) || die "the issue did not finish within 15 minutes of the restart"
	sleep 1
done
t1=$(date +%s)
sleep 2
grep '^X-Rcpt-Args:' "$RESULTS/sink.dump" | sort | uniq -c | awk '{ print $1 }' | sort -n | uniq -c >"$RESULTS/copies.txt"
unique=$(grep '^X-Rcpt-Args:' "$RESULTS/sink.dump" | sort -u | wc -l)
total=$(grep -c '^X-Rcpt-Args:' "$RESULTS/sink.dump")
duplicates=$((total - unique))
missing=$((COUNT - unique))
{
	echo "== bench/newsletter-crash.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(machine_note))"
	echo "recipients: $COUNT; SIGKILL after $recorded deliveries were recorded as sent ($at_sink messages had reached the sink)"
	echo "after the restart the issue finished in $((t1 - t0)) s (lease $LEASE; db-scheduler takes over a dead execution after its missed heartbeats)"
	echo "messages at the sink: $total for $unique different recipients: duplicates $duplicates, missing $missing"
	echo "copies per recipient (count of recipients, copies): $(tr -s ' \n' ' ' <"$RESULTS/copies.txt")"
	if ((duplicates == 0 && missing == 0)); then echo "RESULT: exactly once for every recipient"; else echo "RESULT: NOT exactly once"; fi
} | tee "$RESULTS/summary.txt"
