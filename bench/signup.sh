#!/usr/bin/env bash
# Issue 4: newsletter sign-up POSTs per second with every row durable. wrk posts distinct addresses
# (signup.lua) to a fresh SQLite data directory; each sign-up writes subscriber, pending
# subscription, consent record, confirmation token and the mail job in one transaction, and the
# confirmation emails go out meanwhile to Postfix's smtp-sink on loopback. After the run the server
# is stopped and the rows are counted in the database file: every answered sign-up must be there.
# Targets: >= 500 sign-ups/s sustained, p99 <= 50 ms.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check_common
need sqlite3 sqlite3
need smtp-sink postfix

data=$RESULTS/signup-data
mkdir -p "$data"
sink_port=$(free_port)
smtp-sink -u nobody -c "127.0.0.1:$sink_port" 256 >"$RESULTS/signup-sink.log" 2>&1 &
STARTED_PIDS+=("$!")

port=$(free_port)
# The per-client-address limit would stop wrk's single address after ten sign-ups: raised for the run.
start_masthead signup "$JAVA_BIN" "$data" "$port" --spring.mail.host=127.0.0.1 --spring.mail.port="$sink_port" \
	--masthead.newsletter.signups-per-address-minute=100000000
masthead=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port/" 120 "$masthead"

db=$data/masthead.db
now=$(($(date +%s) * 1000))
sqlite3 "$db" <<SQL >/dev/null
PRAGMA busy_timeout = 10000;
INSERT INTO newsletter (id, slug, name, description, host_name, cadence, sender_name, sender_address, reply_to,
  status, position, tracking_enabled, created_at, updated_at)
  VALUES (800000000000000001, 'bench-signups', 'Bench Signups', 'Sign-ups under load.', NULL, 'Never', 'The Ledger',
  'signups@ledger.test', NULL, 'ACTIVE', 1, 0, $now, $now);
SQL
export SIGNUP_SLUG=bench-signups

export SIGNUP_RUN=warm
log "Warming up for $WARMUP_DURATION (JIT)"
wrk_run "$RESULTS/signup-warmup.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WARMUP_DURATION" \
	-s "$BENCH_DIR/signup.lua" "http://127.0.0.1:$port/"
export SIGNUP_RUN=run
summary "== Newsletter sign-up POSTs, distinct addresses, SQLite (JDK $(java_major "$JAVA_BIN"), $JVM_OPTS)"
summary "   wrk -t$WRK_THREADS -c$WRK_CONNECTIONS -d$WRK_DURATION --latency -s signup.lua; $(machine_note)"
wrk_run "$RESULTS/signup.txt" "$masthead" -t"$WRK_THREADS" -c"$WRK_CONNECTIONS" -d"$WRK_DURATION" --latency \
	-s "$BENCH_DIR/signup.lua" "http://127.0.0.1:$port/"
stop_pid "$masthead"

r=$(rps "$RESULTS/signup.txt")
p50=$(latency_ms "$RESULTS/signup.txt" 50)
p99=$(latency_ms "$RESULTS/signup.txt" 99)
answered=$(awk '/requests in/ { print $1 }' "$RESULTS/signup.txt")
non2xx=$(awk '/Non-2xx/ { print $NF }' "$RESULTS/signup.txt")
count() { sqlite3 "$db" "PRAGMA busy_timeout = 10000; $1" | tail -1; }
subscribers=$(count "select count(*) from subscriber where address like 'bench-run-%';")
pending=$(count "select count(*) from subscription s join subscriber r on r.id = s.subscriber_id where r.address like 'bench-run-%' and s.status = 'PENDING';")
consents=$(count "select count(*) from subscription_consent c join subscriber r on r.id = c.subscriber_id where r.address like 'bench-run-%';")
tokens=$(count "select count(*) from subscription_token t join subscriber r on r.id = t.subscriber_id where r.address like 'bench-run-%';")
queued=$(count "select count(*) from scheduled_tasks where task_name = 'newsletter-confirmation';")
summary "   $r sign-ups/s  RATIO to target $(ratio "$r" 500) (target >= 500);" \
	"p50 $p50 ms, p99 $p99 ms  RATIO to target $(ratio "$p99" 50) (target <= 50 ms, ratio <= 1.00)"
summary "   answered: $answered (non-2xx: ${non2xx:-0}); in the database after the stop: $subscribers subscribers," \
	"$pending pending subscriptions, $consents consent records, $tokens tokens;" \
	"confirmation mail jobs still queued: $queued (the rest went to smtp-sink)"
summary "   $(noise_note "$RESULTS/signup.txt")"
if ((subscribers < answered || pending < answered || consents < answered || tokens < answered)); then
	summary "   ! fewer rows than answered sign-ups"
fi
e=$(errors "$RESULTS/signup.txt")
[[ -z "$e" ]] || summary "   ! $e"
