#!/usr/bin/env bash
# Issue 7's "PostgreSQL restarted under load": two Masthead nodes behind nginx on a PostgreSQL of
# this run (PG_PRIVATE=true, see cluster-lib.sh). While wrk reads cached article pages through
# nginx, a loop signs readers up, an editor creates, edits and publishes articles through the Admin
# API, and an issue to COUNT subscribers is being sent (at RATE msg/s so that it spans the outage),
# PostgreSQL is stopped with a fast shutdown, left down for OUTAGE seconds, and started again.
#
# Checked (CHECK PASS/FAIL lines, counted by .ci/run; any failure makes the script exit 1):
#  - no answer is a 500: not to wrk, not to the sign-ups, not to the editor; every failed sign-up or
#    API call is a 503;
#  - during the outage a cached article page answers 200, a page that needs the database 503 with
#    Retry-After, the Admin API 503 problem JSON with "code":"service.unavailable";
#  - both nodes are ready again (/readyz) without anything done to them, each has its listening
#    connection back (masthead-signals-* in pg_stat_activity), and an article published on node 1
#    is served by node 2;
#  - nothing answered 2xx is lost: every sign-up answered "sent" has its subscription, every article
#    created/edited/published with a 2xx answer is there with its headline and status, and every
#    subscriber of the issue got the message at smtp-sink; a second copy only where a node logged a
#    message the relay accepted whose SENT mark the shutdown cut off and that another node claimed
#    before the mark could be written again (its lease ran out while the database was down).
# Printed, not checked: how long the nodes took to be ready again, publish-to-other-node times, the
# answers by status code during the outage and over the whole run.
# Needs: curl, wrk, java, nginx, psql + initdb (postgresql), smtp-sink (postfix).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
source "$(dirname "$0")/newsletter-lib.sh"
source "$(dirname "$0")/cluster-lib.sh"

check_common
need nginx nginx-light
COUNT=${COUNT:-6000}
RATE=${RATE:-100}
LOAD=${LOAD:-70}         # seconds of wrk, sign-ups and edits
OUTAGE_AT=${OUTAGE_AT:-20}
OUTAGE=${OUTAGE:-20}     # seconds PostgreSQL stays down (a page that needs it takes up to 10 s to answer 503)
LEASE=${LEASE:-15s}
NODE_ARTICLES=${NODE_ARTICLES:-120}
DOMAIN=restart.test
[[ $PG_PRIVATE == true ]] || die "pg-restart.sh restarts the PostgreSQL it started itself: run it with PG_PRIVATE=true"

now_ms() { echo $((${EPOCHREALTIME/./} / 1000)); }
trap finish_cluster EXIT
trap 'exit 130' INT TERM
chmod 777 "$RESULTS"
pg_up
fresh_database

sink=$(free_port)
smtp-sink -u nobody -D "$RESULTS/sink.dump" "127.0.0.1:$sink" 256 >"$RESULTS/sink.log" 2>&1 &
STARTED_PIDS+=("$!")
# Sign-ups all come from loopback here: the per-address limit would refuse them after ten.
node_args=(--spring.mail.host=127.0.0.1 --spring.mail.port="$sink" --masthead.newsletter.sending.lease="$LEASE"
	--masthead.newsletter.sending.rate-per-second="$RATE" --masthead.newsletter.signups-per-address-minute=1000000
	--db-scheduler.polling-interval=1s)
port_1=$(free_port)
port_2=$(free_port)
n1=http://127.0.0.1:$port_1
n2=http://127.0.0.1:$port_2
log "Starting node 1 on port $port_1 (demo newsroom and $NODE_ARTICLES articles)"
start_masthead restart-node-1 "$JAVA_BIN" "$RESULTS/node-1" "$port_1" "${DB_ARGS[@]}" "${node_args[@]}" \
	--masthead.demo=true --masthead.demo.generate-articles="$NODE_ARTICLES"
pid_1=$MASTHEAD_PID
wait_log "$RESULTS/restart-node-1.log" "Generated articles: (done|none needed)" 600 "$pid_1"
wait_200 "$n1/" 120 "$pid_1"
log "Starting node 2 on port $port_2"
start_masthead restart-node-2 "$JAVA_BIN" "$RESULTS/node-2" "$port_2" "${DB_ARGS[@]}" "${node_args[@]}"
pid_2=$MASTHEAD_PID
wait_200 "$n2/" 300 "$pid_2"
start_nginx "$port_1" "$port_2"
site=http://127.0.0.1:$NGINX_PORT

token=$(api_token)
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')
first_id() { curl -s "${auth[@]}" "$n1/api/admin/$1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
section=$(first_id sections)
author=$(first_id authors)
[[ -n $section && -n $author ]] || die "no section or author in the demo newsroom"
add_subscribers_pg bench-briefing 3 "$COUNT" "$DOMAIN"
issue=$(compose_issue "$n1" "$token" bench-briefing)

# Article pages for wrk, cached on both nodes before the load starts.
STRIDE=1 collect_paths "$port_1" "$RESULTS/paths.txt"
export PATHS_FILE=$RESULTS/paths.txt
while read -r path; do curl -s -o /dev/null "$n1$path"; curl -s -o /dev/null "$n2$path"; done <"$PATHS_FILE"
cached=$(head -1 "$PATHS_FILE")

# --- the load: wrk, sign-ups, editor, sending ---------------------------------------------------
rm -f "$RESULTS/stop"
signups() {
	local i=0 code t
	while [[ ! -e $RESULTS/stop ]]; do
		i=$((i + 1))
		t=$(now_ms)
		code=$(curl -s -m 30 -o "$RESULTS/signup.out" -w '%{http_code}' -H 'Accept: application/json' \
			--data-urlencode "email=signup$i@signup.test" "$site/newsletters/bench-briefing/signup" || echo 000)
		grep -q '"result":"sent"' "$RESULTS/signup.out" 2>/dev/null && ok=sent || ok=-
		echo "$t $code signup$i@signup.test $ok"
		sleep 0.05
	done >"$RESULTS/signups.log"
}
editor() {
	local i=0 slug t code id revision
	while [[ ! -e $RESULTS/stop ]]; do
		i=$((i + 1))
		slug="restart-$i-$RANDOM"
		t=$(now_ms)
		code=$(curl -s -m 30 -o "$RESULTS/editor.out" -w '%{http_code}' "${auth[@]}" "$site/api/admin/articles" \
			-d "{\"slug\":\"$slug\",\"headline\":\"Restart $i: the harbour board meets\",\"dek\":\"Dek $i.\",\"body\":\"<p>Article $i.</p>\",\"sectionId\":$section,\"authorIds\":[$author]}" || echo 000)
		id=$(grep -o '"id":[0-9]*' "$RESULTS/editor.out" | head -1 | cut -d: -f2 || true)
		echo "$t create $code ${id:--} $slug"
		if [[ $code == 2* && -n $id ]]; then
			revision=$(grep -o '"revision":[0-9]*' "$RESULTS/editor.out" | head -1 | cut -d: -f2 || true)
			t=$(now_ms)
			code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' -X PUT "${auth[@]}" "$site/api/admin/articles/$id" \
				-d "{\"slug\":\"$slug\",\"headline\":\"Restart $i: the harbour board meets, edited\",\"dek\":\"Dek $i.\",\"body\":\"<p>Article $i, edited.</p>\",\"sectionId\":$section,\"authorIds\":[$author],\"revision\":${revision:-0}}" || echo 000)
			echo "$t edit $code $id $slug"
			if [[ $code == 2* && ! -e $RESULTS/hold-publish ]]; then
				t=$(now_ms)
				code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "${auth[@]}" -d '{"action":"publish"}' \
					"$site/api/admin/articles/$id/transitions" || echo 000)
				echo "$t publish $code $id $slug"
			fi
		fi
		sleep 0.2
	done >"$RESULTS/editor.log"
}
# During the outage: a cached article page, a page that needs the database, the Admin API; one loop
# each, every line with the request's start and end (a probe counts when it ran wholly between the
# stop command and the start command).
probe() { # KIND
	local i=0 t code extra
	while [[ ! -e $RESULTS/stop ]]; do
		i=$((i + 1))
		t=$(now_ms)
		case $1 in
			cached) code=$(curl -s -m 30 -o /dev/null -w '%{http_code}' "$site$cached" || echo 000); extra= ;;
			page)
				code=$(curl -s -m 30 -o /dev/null -D "$RESULTS/probe-page.headers" -w '%{http_code}' "$site/no-such-article-$i/" || echo 000)
				extra=$(grep -ci '^retry-after:' "$RESULTS/probe-page.headers" || true) ;;
			api)
				code=$(curl -s -m 30 -o "$RESULTS/probe-api.out" -D "$RESULTS/probe-api.headers" -w '%{http_code}' "${auth[@]}" \
					"$site/api/admin/articles?size=1" || echo 000)
				extra="$(grep -ci '^content-type: application/problem+json' "$RESULTS/probe-api.headers" || true) $(grep -c '"code":"service.unavailable"' "$RESULTS/probe-api.out" || true)" ;;
		esac
		echo "$t $(now_ms) $1 $code $extra"
		sleep 0.3
	done >"$RESULTS/probes-$1.log"
}

log "Load for $LOAD s: wrk through nginx, sign-ups, an editor, issue $issue to $COUNT subscribers at $RATE msg/s"
wrk -t2 -c16 -d"${LOAD}s" --latency -s "$BENCH_DIR/paths-status.lua" "$site" >"$RESULTS/wrk.txt" 2>&1 &
wrk_pid=$!
STARTED_PIDS+=("$wrk_pid")
signups &
STARTED_PIDS+=("$!")
editor &
STARTED_PIDS+=("$!")
for kind in cached page api; do
	probe "$kind" &
	STARTED_PIDS+=("$!")
done
send_issue "$n1" "$token" bench-briefing "$issue"
t_load=$(now_ms)

# A publication drops every page showing the newest articles (article pages too): for the check
# that cached pages keep being served, the editor holds its publications for the last seconds
# before the stop and while PostgreSQL stops (it goes on creating and editing), and the probed page
# is fetched from both nodes just before it, so it is in both caches.
sleep $((OUTAGE_AT - 4))
touch "$RESULTS/hold-publish"
sleep 3
for _ in 1 2; do curl -s -o /dev/null "$n1$cached"; curl -s -o /dev/null "$n2$cached"; done
sleep 1
sent_before=$(issue_field "$n1" "$token" bench-briefing "$issue" sent || true)
log "Stopping PostgreSQL (fast shutdown); $sent_before of $COUNT recorded as sent"
t_down=$(now_ms)
pg_ctl_private stop-fast
t_stopped=$(now_ms)
# Publications resume only once PostgreSQL is down (they then fail with 503): one let through
# between the refresh above and the stop dropped the probed page from both caches, and the probe
# during the outage got a 503 (a clean-clone CI run of c99552f).
rm -f "$RESULTS/hold-publish"
sleep "$OUTAGE"
log "Starting PostgreSQL again"
t_up0=$(now_ms)
pg_ctl_private start
t_up=$(now_ms)
ready_1= ready_2=
while [[ -z $ready_1 || -z $ready_2 ]]; do
	[[ -z $ready_1 && $(curl -s -o /dev/null -m 5 -w '%{http_code}' "$n1/readyz" || true) == 200 ]] && ready_1=$(now_ms)
	[[ -z $ready_2 && $(curl -s -o /dev/null -m 5 -w '%{http_code}' "$n2/readyz" || true) == 200 ]] && ready_2=$(now_ms)
	(($(now_ms) - t_up < 120000)) || break
	sleep 0.1
done
log "Ready again: node 1 ${ready_1:+$((ready_1 - t_up)) ms}, node 2 ${ready_2:+$((ready_2 - t_up)) ms} after PostgreSQL accepted connections"

wait "$wrk_pid" || true
touch "$RESULTS/stop"
sleep 2
log "Load over; waiting for the issue to be sent"
t_wait=$(now_ms)
while [[ $(issue_field "$n1" "$token" bench-briefing "$issue" status || true) != SENT ]]; do
	(($(now_ms) - t_wait < 600000)) || break
	sleep 1
done
issue_status=$(issue_field "$n1" "$token" bench-briefing "$issue" status || true)
t_sent=$(now_ms)
sleep 1

# --- after: signals, then nothing lost ------------------------------------------------------------
listeners=$(sql -c "select count(*) from pg_stat_activity where application_name like 'masthead-signals-%'")
: >"$RESULTS/publish-1-to-2.ms"
for i in 1 2 3 4 5; do
	slug="after-restart-$i-$RANDOM"
	id=$(curl -s "${auth[@]}" "$n1/api/admin/articles" -d "{\"slug\":\"$slug\",\"headline\":\"After the restart $i\",\"dek\":\"Dek.\",\"body\":\"<p>Body.</p>\",\"sectionId\":$section,\"authorIds\":[$author]}" \
		| grep -o '"id":[0-9]*' | head -1 | cut -d: -f2 || true)
	[[ -n $id ]] || { echo 99999 >>"$RESULTS/publish-1-to-2.ms"; continue; }
	t0=$(now_ms)
	curl -s -o /dev/null "${auth[@]}" -d '{"action":"publish"}' "$n1/api/admin/articles/$id/transitions"
	until [[ $(curl -s -o /dev/null -w '%{http_code}' "$n2/$slug/") == 200 ]]; do
		(($(now_ms) - t0 < 30000)) || break
		sleep 0.02
	done
	echo $(($(now_ms) - t0)) >>"$RESULTS/publish-1-to-2.ms"
done
publish_max=$(sort -n "$RESULTS/publish-1-to-2.ms" | tail -1)

# Sign-ups answered "sent" and their subscriptions.
awk '$2 == 200 && $4 == "sent" { print $3 }' "$RESULTS/signups.log" | sort >"$RESULTS/signups-acknowledged.txt"
sql -c "select s.address from subscriber s join subscription sub on sub.subscriber_id = s.id join newsletter n on n.id = sub.newsletter_id where n.slug = 'bench-briefing' and s.address like '%@signup.test'" \
	| sort >"$RESULTS/signups-stored.txt"
signups_ok=$(wc -l <"$RESULTS/signups-acknowledged.txt")
signups_lost=$(comm -23 "$RESULTS/signups-acknowledged.txt" "$RESULTS/signups-stored.txt" | wc -l)

# Articles: every 2xx create exists, every 2xx edit has its headline, every 2xx publish is published.
edits_ok=0 edits_lost=0
while read -r _ action code id slug; do
	[[ $code == 2* ]] || continue
	edits_ok=$((edits_ok + 1))
	article=$(curl -s "${auth[@]}" "$n2/api/admin/articles/$id")
	case $action in
		create) grep -qF "\"slug\":\"$slug\"" <<<"$article" || { edits_lost=$((edits_lost + 1)); echo "lost: $action $id $slug"; } ;;
		edit) grep -qF 'meets, edited"' <<<"$article" || { edits_lost=$((edits_lost + 1)); echo "lost: $action $id $slug"; } ;;
		publish) grep -qF '"status":"PUBLISHED"' <<<"$article" || { edits_lost=$((edits_lost + 1)); echo "lost: $action $id $slug"; } ;;
	esac
done <"$RESULTS/editor.log" >"$RESULTS/editor-lost.txt"

exactly_once "$COUNT" "$DOMAIN" "$RESULTS/sink.dump"
# No miss has an explanation the engine allows: a SENT mark is committed only after the final dot,
# and a message withdrawn before its dot (its mark could not be written) is sent again later.
sink_recipients "$RESULTS/sink.dump" | sed 's/^X-Rcpt-Args: *//; s/[<>]//g' | awk '{ print $1 }' | sort >"$RESULTS/received-all.txt"
sort -u "$RESULTS/received-all.txt" >"$RESULTS/received.txt"
seq 1 "$COUNT" | sed "s/.*/reader&@$DOMAIN/" | sort | comm -23 - "$RESULTS/received.txt" >"$RESULTS/missing.txt"
# A duplicate the engine explains and logs: the relay accepted a message whose SENT mark was being
# committed when PostgreSQL cut the connection, the node could not write the mark again before
# another node claimed the row (its lease had run out while the database was down), and that node
# sent it again, with the same Message-ID. Each duplicate is looked up among those log lines.
# Only the issue's readers count here: a confirmation mail of a sign-up may go out twice when its
# sent mark was lost with the connection (at least once, by design), and is counted below.
grep "^reader[0-9]*@$DOMAIN\$" "$RESULTS/received-all.txt" | uniq -d >"$RESULTS/duplicates.txt" || true
confirmations_twice=$(grep '@signup\.test$' "$RESULTS/received-all.txt" | uniq -d | wc -l)
grep -ho 'Delivery [0-9]* of issue [0-9]* was accepted by the relay but could not be recorded' "$RESULTS"/restart-node-*.log \
	| awk '{ print $2 }' | sort -u >"$RESULTS/unrecorded.txt" || true
unexplained=0
while read -r address; do
	number=${address#reader}
	number=${number%@*}
	grep -qx "$((900000000000000000 + 3 * 1000000 + number))" "$RESULTS/unrecorded.txt" || unexplained=$((unexplained + 1))
done <"$RESULTS/duplicates.txt"

# Answers by status code: over the run, and for requests sent while PostgreSQL was down.
codes() { awk -v col="$1" '{ n[$col]++ } END { for (c in n) printf "%s%s x %d", (k++ ? ", " : ""), c, n[c] }' "$2"; }
in_outage() { awk -v a="$t_down" -v b="$t_up" '$1 >= a && $1 <= b' "$1"; }
in_outage "$RESULTS/signups.log" >"$RESULTS/signups-outage.log"
in_outage "$RESULTS/editor.log" >"$RESULTS/editor-outage.log"
cat "$RESULTS"/probes-*.log | awk -v a="$t_down" -v b="$t_up0" '$1 >= a && $2 <= b' >"$RESULTS/probes-outage.log"
wrk_code() { awk -v c="$1" '$1 == "status" && $2 == c { print $3 }' "$RESULTS/wrk.txt"; }
wrk_codes=$(awk '$1 == "status" && $3 > 0 { printf "%s%s x %s", (k++ ? ", " : ""), $2, $3 }' "$RESULTS/wrk.txt")
bad_signups=$(awk '$2 != 200' "$RESULTS/signups.log" | awk '$2 != 503' | wc -l)
bad_editor=$(awk '$3 !~ /^2/ && $3 != 503' "$RESULTS/editor.log" | wc -l)
fives=$(($(awk '$2 == 500' "$RESULTS/signups.log" | wc -l) + $(awk '$3 == 500' "$RESULTS/editor.log" | wc -l) + $(wrk_code 500)))
cached_probes=$(grep -c ' cached ' "$RESULTS/probes-outage.log" || true)
cached_200=$(grep -c ' cached 200 *$' "$RESULTS/probes-outage.log" || true)
page_probes=$(grep -c ' page ' "$RESULTS/probes-outage.log" || true)
page_503=$(grep -c ' page 503 1$' "$RESULTS/probes-outage.log" || true)
api_probes=$(grep -c ' api ' "$RESULTS/probes-outage.log" || true)
api_503=$(grep -c ' api 503 1 1$' "$RESULTS/probes-outage.log" || true)

summary "== bench/pg-restart.sh ($(date -u +%Y-%m-%dT%H:%MZ), $(machine_note); $(uptime | sed 's/.*load/load/'))"
summary "PostgreSQL stopped (fast) $OUTAGE_AT s into $LOAD s of load, down $(((t_up0 - t_down) / 1000)) s (the stop itself took $((t_stopped - t_down)) ms), accepting connections again $((t_up - t_up0)) ms after pg_ctl start"
since_up() { if [[ -n $1 ]]; then echo "$(($1 - t_up)) ms"; else echo never; fi; }
summary "ready again after PostgreSQL was back: node 1 $(since_up "$ready_1"), node 2 $(since_up "$ready_2")"
summary "wrk -t2 -c16 through nginx over $(wc -l <"$PATHS_FILE") cached article pages: $(rps "$RESULTS/wrk.txt") req/s, answers: $wrk_codes; p99 $(latency_ms "$RESULTS/wrk.txt" 99) ms"
summary "during the outage: sign-ups $(codes 2 "$RESULTS/signups-outage.log"); editor $(codes 3 "$RESULTS/editor-outage.log"); probes: cached page $cached_200 of $cached_probes 200, uncached page $page_503 of $page_probes 503 with Retry-After, API $api_503 of $api_probes 503 problem JSON service.unavailable (probes that ran wholly between pg_ctl stop and pg_ctl start)"
summary "whole run: sign-ups $(codes 2 "$RESULTS/signups.log"); editor $(codes 3 "$RESULTS/editor.log"); sign-up addresses that got their confirmation mail twice: $confirmations_twice"
summary "after: $listeners listening connections (masthead-signals-*); published on node 1 -> served by node 2: $(tr '\n' ' ' <"$RESULTS/publish-1-to-2.ms")ms"
summary "issue: $issue_status $(((t_sent - t_load) / 1000)) s after the send ($sent_before sent before the stop); at the sink $AT_SINK messages for $UNIQUE of $COUNT subscribers: duplicates $DUPLICATES, missing $MISSING ($COPIES); deliveries: $(sql -c "select string_agg(status || ' ' || n, ', ') from (select status, count(*) n from newsletter_delivery where issue_id = $issue group by status) s")"
check "restart: no answer was a 500" "$(((fives == 0) ? 0 : 1))" "$fives answers 500"
check "restart: every failed sign-up or API call was a 503" "$(((bad_signups + bad_editor == 0) ? 0 : 1))" "sign-ups $bad_signups, editor $bad_editor other answers"
check "restart: cached page answered 200 during the outage" "$(((cached_probes > 0 && cached_200 == cached_probes) ? 0 : 1))" "$cached_200 of $cached_probes"
check "restart: a page that needs the database answered 503 with Retry-After while PostgreSQL was down" "$(((page_probes > 0 && page_503 == page_probes) ? 0 : 1))" "$page_503 of $page_probes"
check "restart: Admin API answered 503 problem JSON while PostgreSQL was down" "$(((api_probes > 0 && api_503 == api_probes) ? 0 : 1))" "$api_503 of $api_probes"
check "restart: both nodes ready again without manual action" "$([[ -n $ready_1 && -n $ready_2 ]] && echo 0 || echo 1)"
check "restart: both nodes listen again" "$(((listeners == 2) ? 0 : 1))" "$listeners masthead-signals-* connections"
check "restart: a publish on node 1 is served by node 2 (within 10 s)" "$(((publish_max < 10000) ? 0 : 1))" "slowest of 5: $publish_max ms"
check "restart: every acknowledged sign-up is stored" "$(((signups_ok > 0 && signups_lost == 0) ? 0 : 1))" "$signups_lost lost of $signups_ok"
check "restart: every acknowledged create, edit and publish is there" "$(((edits_ok > 0 && edits_lost == 0) ? 0 : 1))" "$edits_lost lost of $edits_ok"
if ((DUPLICATES == 0 && MISSING == 0)); then
	summary "RESULT: the issue reached every subscriber exactly once"
else
	summary "RESULT: NOT exactly once: $DUPLICATES duplicates, $MISSING missing (listed in $RESULTS/missing.txt)"
fi
check "restart: the issue was sent; a second copy only of a message logged as accepted but not recorded when PostgreSQL went away" \
	"$([[ $issue_status == SENT ]] && ((unexplained == 0)) && echo 0 || echo 1)" "$issue_status, duplicates $DUPLICATES, of them not logged: $unexplained"
check "restart: every subscriber got the issue" "$(((MISSING == 0) ? 0 : 1))" "missing $MISSING"
[[ ${KEEP_DUMPS:-false} == true ]] || rm -f "$RESULTS/sink.dump"
checks_done
