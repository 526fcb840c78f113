# Shared by the newsletter bench scripts (sourced after lib.sh): a bench newsletter with N confirmed
# subscribers written straight into the SQLite file, an Editor's API token, and an issue sent through
# the Admin API.
# shellcheck shell=bash

need sqlite3 sqlite3
need smtp-sink postfix
need smtp-source postfix

# add_subscribers DB SLUG NUMBER COUNT DOMAIN: a newsletter SLUG with COUNT confirmed subscribers
# (ids from NUMBER, timestamps in millis, as the application writes them).
add_subscribers() {
	local db=$1 slug=$2 number=$3 count=$4 domain=$5 now base=$((900000000000000000 + $3 * 1000000))
	now=$(($(date +%s) * 1000))
	sqlite3 "$db" <<SQL >/dev/null
PRAGMA busy_timeout = 10000;
BEGIN IMMEDIATE;
INSERT INTO newsletter (id, slug, name, description, host_name, cadence, sender_name, sender_address, reply_to,
  status, position, tracking_enabled, created_at, updated_at)
  VALUES ($base, '$slug', 'Bench Briefing $number', 'Every subscriber, one issue.', NULL,
  'Whenever the bench runs', 'The Ledger', 'briefing@ledger.test', NULL, 'ACTIVE', $((90 + number)), 0, $now, $now);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $count)
INSERT INTO subscriber (id, address, address_key, created_at, updated_at)
  SELECT $base + i, 'reader' || i || '@$domain', 'reader' || i || '@$domain', $now, $now FROM n;
INSERT INTO subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at, unsubscribed_at)
  SELECT id, $base, 'CONFIRMED', $now, $now, NULL FROM subscriber WHERE id > $base AND id <= $base + $count;
COMMIT;
SQL
}

# editor_token DATA_DIR: an Editor's API token from the README's CLI. Should the CLI fail, the token
# is written the way ApiTokens stores one (SHA-256 of the secret), so the figures do not depend on it.
editor_token() {
	local token secret hash now
	# shellcheck disable=SC2046
	token=$("$JAVA_BIN" $(java_opts "$JAVA_BIN") -jar "$JAR" admin create-api-token --name "newsletter bench $RANDOM" \
		--role editor --masthead.data-dir="$1" 2>>"$RESULTS/cli.log" | tail -1 || true)
	if [[ $token == mh_* ]]; then echo "$token"; return; fi
	log "The CLI made no token (see $RESULTS/cli.log); writing one into the database"
	secret="mh_bench$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
	hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
	now=$(($(date +%s) * 1000))
	sqlite3 "$1/masthead.db" "PRAGMA busy_timeout = 10000; INSERT INTO api_token (id, name, role, token_hash, token_prefix, created_by, created_at)
		VALUES ($((800000000000000000 + RANDOM)), 'newsletter bench', 'EDITOR', '$hash', '${secret:0:8}', NULL, $now);" >/dev/null
	echo "$secret"
}

# compose_issue BASE TOKEN NEWSLETTER: an issue of the three newest demo articles; prints its id.
compose_issue() {
	local base=$1 token=$2 newsletter=$3 slugs created id
	slugs=$(curl -s "$base/" | grep -o 'href="/[a-z0-9-]*/"' | sed 's/^href="\///; s/\/"$//' \
		| grep -v -x -E '(rss|news-feed|newsletters|search|sitemap|page|tag|author)' | awk '!seen[$0]++' | head -3 \
		| awk '{ printf "%s\"%s\"", (NR > 1 ? "," : ""), $0 }')
	[[ -n $slugs ]] || die "no articles in /feed.json"
	created=$(curl -s -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
		-d "{\"subject\":\"Bench briefing: three stories\",\"preheader\":\"What the sender does with many readers\",\"articles\":[$slugs]}" \
		"$base/api/admin/newsletters/$newsletter/issues")
	id=$(grep -o '"id":[0-9]*' <<<"$created" | head -1 | cut -d: -f2)
	[[ -n $id ]] || die "could not compose an issue: $created"
	echo "$id"
}

# issue_field BASE TOKEN NEWSLETTER ID FIELD: one number or word of the issue's progress.
issue_field() {
	issue_progress "$1" "$2" "$3" "$4" | progress_field "$5"
}

# issue_progress BASE TOKEN NEWSLETTER ID: the issue's progress as the Admin API answers it (JSON).
# A loop that wants several fields asks once and reads them with progress_field: every answer
# counts the issue's deliveries, work that would otherwise be counted against the send it watches.
issue_progress() {
	curl -s --max-time 5 -H "Authorization: Bearer $2" "$1/api/admin/newsletters/$3/issues/$4"
}

# progress_field FIELD: one number or word of the progress JSON on standard input.
progress_field() {
	grep -o "\"$1\":\"\?[A-Z0-9]*" | head -1 | sed 's/.*://; s/"//'
}

send_issue() {
	local code
	code=$(curl -s -o "$RESULTS/send-answer.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $2" \
		"$1/api/admin/newsletters/$3/issues/$4/send")
	[[ $code == 200 ]] || die "send answered $code: $(cat "$RESULTS/send-answer.json")"
}
