#!/usr/bin/env bash
# Issue 7's third figure: one newsletter issue to COUNT (50,000) subscribers from two Masthead nodes
# on one PostgreSQL database; the node that is sending is killed with SIGKILL once about half the
# issue is recorded as sent, and the other node takes the sending job over and finishes it. The
# killed node is NOT started again: the survivor alone finishes. Every copy is counted at Postfix's
# smtp-sink (-D dump); each node has a sink of its own, so the dumps also say which node sent what.
#
# What the sending engine does with two nodes: every node runs its own sending loop, so BOTH nodes
# send the issue at once, each leasing its own batches of delivery rows. The script calls the node
# whose sink got the first message "A" and kills it; B goes on sending, and A's leased deliveries
# come back to B once they are past their LEASE.
#
# Printed: duplicates and misses (the target: none), how long after the kill the survivor sent its
# first message (the takeover), msg/s before the kill and after the takeover, CPU-ms per message.
# Checks (CHECK PASS/FAIL lines, counted by .ci/run): no duplicate and no miss (the engine commits a
# delivery's SENT mark right after writing its final dot and before reading the relay's reply, so a
# kill can only leave a message the relay has but the database does not mark: a duplicate with the
# same Message-ID, within one commit's time per connection; see the newsletter sending package's RecordingTransport);
# both nodes were sending before the kill; the survivor took over; the takeover time.
# Needs: curl, wrk, java, psql + initdb (postgresql), smtp-sink (postfix).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/newsletter-lib.sh"
source "$(dirname "$0")/cluster-lib.sh"

check_common
COUNT=${COUNT:-50000}
CONNECTIONS=${CONNECTIONS:-4}
# Shorter than the defaults (60 s lease, 10 s x 4 heartbeats) only to shorten the wait for B.
LEASE=${LEASE:-10s}
HEARTBEAT=${HEARTBEAT:-2s}
MISSED_HEARTBEATS=${MISSED_HEARTBEATS:-4}
# A fraction of COUNT recorded as sent before the kill (the kill waits for B to be ready as well).
KILL_AT=${KILL_AT:-$((COUNT / 2))}
DOMAIN=kill.test

trap finish_cluster EXIT
trap 'exit 130' INT TERM
chmod 777 "$RESULTS"
pg_up
fresh_database

sink_1=$(free_port)
sink_2=$(free_port)
smtp-sink -u nobody -D "$RESULTS/sink-1.dump" "127.0.0.1:$sink_1" 256 >"$RESULTS/sink-1.log" 2>&1 &
STARTED_PIDS+=("$!")
smtp-sink -u nobody -D "$RESULTS/sink-2.dump" "127.0.0.1:$sink_2" 256 >"$RESULTS/sink-2.log" 2>&1 &
STARTED_PIDS+=("$!")

node_args=(--masthead.newsletter.sending.connections="$CONNECTIONS" --masthead.newsletter.sending.lease="$LEASE"
	--db-scheduler.polling-interval=1s --db-scheduler.heartbeat-interval="$HEARTBEAT"
	--db-scheduler.missed-heartbeats-limit="$MISSED_HEARTBEATS")
port_1=$(free_port)
port_2=$(free_port)
log "Starting node 1 on port $port_1 (demo newsroom), relay smtp-sink 127.0.0.1:$sink_1"
start_masthead kill-node-1 "$JAVA_BIN" "$RESULTS/node-1" "$port_1" "${DB_ARGS[@]}" "${node_args[@]}" \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$sink_1" --masthead.demo=true
pid_1=$MASTHEAD_PID
wait_log "$RESULTS/kill-node-1.log" "Demo newsroom (loaded|not loaded)" 300 "$pid_1"
wait_200 "http://127.0.0.1:$port_1/" 120 "$pid_1"
log "Starting node 2 on port $port_2, relay smtp-sink 127.0.0.1:$sink_2"
start_masthead kill-node-2 "$JAVA_BIN" "$RESULTS/node-2" "$port_2" "${DB_ARGS[@]}" "${node_args[@]}" \
	--spring.mail.host=127.0.0.1 --spring.mail.port="$sink_2"
pid_2=$MASTHEAD_PID
wait_200 "http://127.0.0.1:$port_2/" 300 "$pid_2"

token=$(api_token)
add_subscribers_pg bench-briefing 3 "$COUNT" "$DOMAIN"
issue=$(compose_issue "http://127.0.0.1:$port_1" "$token" bench-briefing)
send_issue "http://127.0.0.1:$port_1" "$token" bench-briefing "$issue"
t_send=$(date +%s%N)
cpu_1=$(cpu_seconds "$pid_1")
cpu_2=$(cpu_seconds "$pid_2")
log "Issue $issue to $COUNT subscribers: waiting for the first messages at a sink"
until [[ -s $RESULTS/sink-1.dump || -s $RESULTS/sink-2.dump ]]; do
	kill -0 "$pid_1" && kill -0 "$pid_2" || die "a node died on its own"
	(($(date +%s%N) - t_send < 120000000000)) || die "no node sent anything within 2 minutes"
	sleep 0.05
done
# "A" is the node whose sink got the first message, "B" the other one (both send).
if [[ -s $RESULTS/sink-1.dump ]]; then
	pid_a=$pid_1 pid_b=$pid_2 port_b=$port_2 name_a="node 1" name_b="node 2" cpu_a0=$cpu_1
	dump_a=$RESULTS/sink-1.dump dump_b=$RESULTS/sink-2.dump
else
	pid_a=$pid_2 pid_b=$pid_1 port_b=$port_1 name_a="node 2" name_b="node 1" cpu_a0=$cpu_2
	dump_a=$RESULTS/sink-2.dump dump_b=$RESULTS/sink-1.dump
fi
b=http://127.0.0.1:$port_b
log "$name_a sent first (call it A); $name_b is B"

while true; do
	sent=$(issue_field "$b" "$token" bench-briefing "$issue" sent || true)
	[[ -n $sent ]] && ((sent >= KILL_AT)) && break
	kill -0 "$pid_a" || die "node A died on its own"
	sleep 0.05
done
[[ $(issue_field "$b" "$token" bench-briefing "$issue" status || true) == SENT ]] && die "the issue was sent before the kill: raise COUNT"
cpu_a=$(cpu_seconds "$pid_a")
kill -9 "$pid_a"
t_kill=$(date +%s%N)
wait "$pid_a" 2>/dev/null || true
at_kill_a=$(sink_recipients "$dump_a" | wc -l)
at_kill_b=$(sink_recipients "$dump_b" | wc -l)
recorded=$(sql -c "select count(*) from newsletter_delivery where issue_id = $issue and status = 'SENT'")
leased=$(sql -c "select count(*) from newsletter_delivery where issue_id = $issue and status = 'QUEUED' and lease_owner is not null")
log "Node A killed: $recorded recorded as sent, $leased leased by A's workers; at the sinks: A $at_kill_a, B $at_kill_b"
cpu_b0=$(cpu_seconds "$pid_b")
size_b=$(stat -c %s "$dump_b" 2>/dev/null || echo 0)

t_first=
while [[ $(issue_field "$b" "$token" bench-briefing "$issue" status) != SENT ]]; do
	kill -0 "$pid_b" || die "node B died"
	if [[ -z $t_first ]] && (($(stat -c %s "$dump_b" 2>/dev/null || echo 0) > size_b)); then
		t_first=$(date +%s%N)
		log "Node B sent its first message of the issue $(((t_first - t_kill) / 1000000)) ms after the kill"
	fi
	(($(date +%s%N) - t_kill < 900000000000)) || die "the issue did not finish within 15 minutes of the kill"
	sleep 0.1
done
t_done=$(date +%s%N)
cpu_b1=$(cpu_seconds "$pid_b")
sleep 1
[[ -n $t_first ]] || t_first=$t_done
exactly_once "$COUNT" "$DOMAIN" "$dump_a" "$dump_b"
by_a=$(sink_recipients "$dump_a" | grep -cF "@$DOMAIN" || true)
by_b=$(sink_recipients "$dump_b" | grep -cF "@$DOMAIN" || true)
status_counts=$(sql -c "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from newsletter_delivery where issue_id = $issue group by status) s")
rate() { awk -v n="$1" -v ns="$2" 'BEGIN { if (ns > 0) printf "%.0f", n / (ns / 1e9); else print "n/a" }'; }
cpu_ms() { awk -v c="$1" -v n="$2" 'BEGIN { if (n > 0) printf "%.2f", c * 1000 / n; else print "n/a" }'; }
takeover_ms=$(((t_first - t_kill) / 1000000))

summary "== bench/two-nodes-kill.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(machine_note); $(uptime | sed 's/.*load/load/'))"
summary "$COUNT subscribers, $CONNECTIONS connections per node, lease $LEASE, heartbeat $HEARTBEAT x $MISSED_HEARTBEATS missed; the sending node (A = $name_a) killed (SIGKILL) with $recorded recorded as sent and $at_kill_a messages at its sink; A not restarted, B = $name_b finished"
summary "node A sent $by_a messages (sink A), node B $by_b (sink B); deliveries in the database: $status_counts"
summary "takeover: node B sent its first message $takeover_ms ms after the kill; B finished the issue $(((t_done - t_kill) / 1000000)) ms after the kill"
summary "rate: node A $(rate "$at_kill_a" $((t_kill - t_send))) msg/s from the send to the kill; node B $(rate $((by_b)) $((t_done - t_first))) msg/s from its first message to the end; whole issue $(rate "$COUNT" $((t_done - t_send))) msg/s including the takeover"
summary "CPU per message: node A $(cpu_ms "$(awk -v x="$cpu_a" -v y="$cpu_a0" 'BEGIN { print x - y }')" "$at_kill_a") ms, node B $(cpu_ms "$(awk -v x="$cpu_b1" -v y="$cpu_b0" 'BEGIN { print x - y }')" "$by_b") ms"
summary "at the sinks: $AT_SINK messages for $UNIQUE recipients: duplicates $DUPLICATES, missing $MISSING; copies per recipient (recipients x copies): $COPIES"
if ((DUPLICATES == 0 && MISSING == 0)); then
	summary "RESULT: exactly once for every subscriber"
else
	summary "RESULT: NOT exactly once: $DUPLICATES duplicates, $MISSING missing (copies per recipient: $RESULTS/copies-$DOMAIN.txt)"
fi
check "kill: no subscriber got two copies" "$(((DUPLICATES == 0) ? 0 : 1))" "duplicates $DUPLICATES of $COUNT"
check "kill: every subscriber got the issue" "$(((MISSING == 0) ? 0 : 1))" \
	"missing $MISSING of $COUNT"
check "kill: both nodes were sending before the kill" "$(((at_kill_a > 0 && at_kill_b > 0) ? 0 : 1))" "at the sinks when A was killed: A $at_kill_a, B $at_kill_b"
check "kill: node B took the sending over" "$(((by_b > 0) ? 0 : 1))" "node B sent $by_b"
check "kill: the survivor sent within ${TAKEOVER_LIMIT_S:-60} s of the kill (lease $LEASE, heartbeats $HEARTBEAT x $MISSED_HEARTBEATS)" \
	"$(((takeover_ms < ${TAKEOVER_LIMIT_S:-60} * 1000) ? 0 : 1))" "$takeover_ms ms"
# The dumps hold every message (about 10 kB each): kept only when asked for.
[[ ${KEEP_DUMPS:-false} == true ]] || rm -f "$RESULTS"/sink-*.dump
checks_done
