#!/usr/bin/env bash
# Issue 3's first figure: from "Publish" (the Admin API call an editor's client makes) until an
# anonymous reader is served the article at its URL AND finds it listed on the home page (both
# answered through the page cache, as readers get them). Target <= 1 s. TRIALS articles, each
# created as a draft first, then published and polled; p50/p95/max of the whole span and of the
# publish call alone. Runs the production jar on the demo newsroom in a fresh data directory.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

check_common
TRIALS=${TRIALS:-100}
DATA=$RESULTS/publish-data
rm -rf "$DATA"
mkdir -p "$DATA"

now_ms() { echo $(($(date +%s%N) / 1000000)); }

port=$(free_port)
base=http://127.0.0.1:$port
log "Starting Masthead with the demo newsroom on port $port"
start_masthead publish "$JAVA_BIN" "$DATA" "$port" --masthead.demo=true
pid=$MASTHEAD_PID
wait_200 "$base/" 180 "$pid"
wait_log "$RESULTS/publish.log" "Demo newsroom (loaded|not loaded)" 180 "$pid"

# An Editor's API token, made by the README's CLI on the same data directory.
# shellcheck disable=SC2046
token=$("$JAVA_BIN" $(java_opts "$JAVA_BIN") -jar "$JAR" admin create-api-token --name "publish bench" --role editor \
	--masthead.data-dir="$DATA" 2>>"$RESULTS/cli.log" | tail -1)
[[ $token == mh_* ]] || die "no API token from the CLI (see $RESULTS/cli.log)"
auth=(-H "Authorization: Bearer $token" -H 'Content-Type: application/json')

first_id() { curl -s "${auth[@]}" "$base/api/admin/$1" | grep -o '"id":[0-9]*' | head -1 | cut -d: -f2; }
section=$(first_id sections)
author=$(first_id authors)
[[ -n $section && -n $author ]] || die "no section or author in the demo newsroom"
section_field=",\"sectionId\":$section,\"authorIds\":[$author]"

: >"$RESULTS/publish-latency.tsv"
log "Publishing $TRIALS articles one after another"
for i in $(seq 1 "$TRIALS"); do
	slug="bench-publish-$i-$RANDOM"
	body="{\"slug\":\"$slug\",\"headline\":\"Bench article $i: the council meets again\",\"dek\":\"A short summary of article $i.\",\"body\":\"<p>Article $i, written to be published and read at once.</p>\"$section_field}"
	created=$(curl -s "${auth[@]}" -d "$body" "$base/api/admin/articles")
	id=$(grep -o '"id":[0-9]*' <<<"$created" | head -1 | cut -d: -f2)
	[[ -n $id ]] || die "could not create a draft: $created"
	# Readers (and the cache) have seen the home page before the publication.
	curl -s -o /dev/null "$base/"
	t0=$(now_ms)
	code=$(curl -s -o "$RESULTS/publish-answer.json" -w '%{http_code}' "${auth[@]}" -d '{"action":"publish"}' \
		"$base/api/admin/articles/$id/transitions")
	t1=$(now_ms)
	[[ $code == 200 ]] || die "publish answered $code: $(cat "$RESULTS/publish-answer.json")"
	until [[ $(curl -s -o /dev/null -w '%{http_code}' "$base/$slug/") == 200 ]]; do
		(($(now_ms) - t0 < 30000)) || die "/$slug/ not served within 30 s"
	done
	until curl -s "$base/" | grep -q "href=\"/$slug/\""; do
		(($(now_ms) - t0 < 30000)) || die "/$slug/ not on the home page within 30 s"
	done
	t2=$(now_ms)
	printf '%d\t%d\t%d\n' "$i" $((t1 - t0)) $((t2 - t0)) >>"$RESULTS/publish-latency.tsv"
done

pct() { cut -f"$1" "$RESULTS/publish-latency.tsv" | sort -n | awk -v p="$2" '{ v[NR] = $1 } END {
	i = int(NR * p / 100 + 0.999); if (i < 1) i = 1; print v[i] }'; }
p95=$(pct 3 95)
summary "== Publish -> served at its URL and listed on the home page, $TRIALS trials, $(machine_note)"
summary "   whole span: p50 $(pct 3 50) ms, p95 $p95 ms, max $(pct 3 100) ms  RATIO p95 to target $(ratio "$p95" 1000) (target <= 1000 ms)"
summary "   the publish call alone: p50 $(pct 2 50) ms, p95 $(pct 2 95) ms"
