# Shared by the multi-node bench scripts (sourced after lib.sh): a PostgreSQL of their own or the
# local cluster, a fresh database per run, Masthead nodes on it, nginx in front, and a check tally
# that .ci/run adds to its "N passed, N failed" line.
# shellcheck shell=bash

need psql postgresql-client
need pg_isready postgresql-client

# PG_PRIVATE=true (the default): initdb + pg_ctl a PostgreSQL instance of this run alone, data under
# /tmp, on a free loopback port, run as the postgres user when the script runs as root. It can be
# restarted without disturbing anything else on the machine (other test runs on the system cluster).
# PG_PRIVATE=false: the server at PG_HOST:PG_PORT (default: the local cluster on 5432).
PG_PRIVATE=${PG_PRIVATE:-true}
PG_HOST=${PG_HOST:-127.0.0.1}
PG_PORT=${PG_PORT:-5432}
PG_USER=${PG_USER:-masthead}
PG_PASSWORD=${PG_PASSWORD:-masthead}
export PGPASSWORD=$PG_PASSWORD
PG_DIR=
CHECKS_PASSED=0
CHECKS_FAILED=0

# as_postgres COMMAND...: initdb and postgres refuse to run as root.
as_postgres() {
	if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_bin() {
	local dir
	dir=$(find /usr/lib/postgresql -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -1)
	[[ -n $dir && -x $dir/initdb ]] || die "initdb is missing: apt-get install postgresql"
	echo "$dir"
}

# pg_up: PostgreSQL ready, a role PG_USER with CREATEDB; sets PG_HOST and PG_PORT.
pg_up() {
	if [[ $PG_PRIVATE != true ]]; then
		pg_isready -q -h "$PG_HOST" -p "$PG_PORT" || die "PostgreSQL is not running at $PG_HOST:$PG_PORT"
		return
	fi
	local bin
	bin=$(pg_bin)
	PG_DIR=$(mktemp -d /tmp/masthead-pg.XXXXXX)
	chmod 755 "$PG_DIR"
	((EUID == 0)) && chown postgres: "$PG_DIR"
	PG_HOST=127.0.0.1
	PG_PORT=$(free_port)
	as_postgres "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth-local=trust --auth-host=scram-sha-256 -E UTF8 \
		--locale=C >"$RESULTS/pg-initdb.log" 2>&1 || die "initdb failed (see $RESULTS/pg-initdb.log)"
	cat >>"$PG_DIR/data/postgresql.conf" <<CONF
listen_addresses = '127.0.0.1'
port = $PG_PORT
unix_socket_directories = '$PG_DIR'
max_connections = 100
shared_buffers = 64MB
CONF
	pg_ctl_private start
	as_postgres psql -q -h "$PG_DIR" -p "$PG_PORT" -U postgres -d postgres \
		-c "create role $PG_USER login createdb password '$PG_PASSWORD'" >/dev/null || die "could not create role $PG_USER"
	log "PostgreSQL of this run at $PG_HOST:$PG_PORT (data $PG_DIR/data)"
}

# pg_ctl_private start|stop-fast|stop-immediate: the private instance only.
pg_ctl_private() {
	local bin
	bin=$(pg_bin)
	case $1 in
		start) as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 start >/dev/null \
			|| die "PostgreSQL did not start (see $PG_DIR/server.log)" ;;
		stop-fast) as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w -t 60 stop >/dev/null ;;
		stop-immediate) as_postgres "$bin/pg_ctl" -D "$PG_DIR/data" -m immediate -w -t 30 stop >/dev/null 2>&1 || true ;;
	esac
}

# pg_down: stops and removes the private instance (the local cluster is left alone).
pg_down() {
	if [[ -n $PG_DIR && -d $PG_DIR ]]; then
		cp "$PG_DIR/server.log" "$RESULTS/pg-server.log" 2>/dev/null || true
		pg_ctl_private stop-immediate
		rm -rf "$PG_DIR"
		PG_DIR=
	fi
}

# fresh_database: a new database for this run (dropped by finish_cluster); sets DB and DB_ARGS.
fresh_database() {
	DB=masthead_bench_$(date +%Y%m%d%H%M%S)_$RANDOM
	psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "create database $DB" >/dev/null \
		|| die "could not create database $DB as $PG_USER (a role with CREATEDB is needed)"
	DB_ARGS=(--spring.datasource.url="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" --spring.datasource.username="$PG_USER"
		--spring.datasource.password="$PG_PASSWORD" --spring.datasource.hikari.connection-timeout=5000)
	log "Database $DB on $PG_HOST:$PG_PORT"
}

sql() { psql -Atq -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d "$DB" "$@"; }

# finish_cluster: the EXIT trap of the cluster scripts: every process started, the database, the
# private PostgreSQL.
finish_cluster() {
	cleanup
	if [[ -n ${DB:-} && -z $PG_DIR ]]; then
		psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -c "drop database if exists $DB with (force)" >/dev/null 2>&1 || true
	fi
	pg_down
}

# api_token: an Editor's API token from the deployment guide's CLI command, on DB_ARGS.
api_token() {
	local token
	# shellcheck disable=SC2046
	token=$("$JAVA_BIN" $(java_opts "$JAVA_BIN") -jar "$JAR" admin create-api-token --name "cluster bench $RANDOM" \
		--role editor "${DB_ARGS[@]}" --masthead.data-dir="$RESULTS/cli" 2>>"$RESULTS/cli.log" | tail -1 || true)
	[[ $token == mh_* ]] || die "no API token from the CLI (see $RESULTS/cli.log)"
	echo "$token"
}

# start_nginx NODES_PORTS...: nginx with docs/nginx-masthead.conf in front of the nodes (the first
# alone behind the second listener); sets NGINX_PORT, NGINX_ONE_PORT and NGINX_PIDS.
start_nginx() {
	local nodes="" port
	for port in "$@"; do nodes+="server 127.0.0.1:$port; "; done
	NGINX_PORT=$(free_port)
	NGINX_ONE_PORT=$(free_port)
	mkdir -p "$RESULTS/nginx/tmp"
	sed -e "s|@NODES@|$nodes|" -e "s|@LISTEN@|127.0.0.1:$NGINX_PORT|" \
		-e "s|@NODE_A@|server 127.0.0.1:$1;|" -e "s|@LISTEN_ONE@|127.0.0.1:$NGINX_ONE_PORT|" \
		-e "s|@PREFIX@|$RESULTS/nginx|g" "$ROOT_DIR/docs/nginx-masthead.conf" >"$RESULTS/nginx/nginx.conf"
	nginx -c "$RESULTS/nginx/nginx.conf" -p "$RESULTS/nginx" >"$RESULTS/nginx/stdout.log" 2>&1 &
	local master=$!
	STARTED_PIDS+=("$master")
	wait_200 "http://127.0.0.1:$NGINX_PORT/" 10 "$master"
	NGINX_PIDS="$master $(pgrep -P "$master" | tr "\n" " " || true)"
}

# check NAME CONDITION_EXIT_CODE DETAIL: one correctness check, counted for .ci/run.
check() {
	local name=$1 ok=$2
	shift 2
	if [[ $ok == 0 ]]; then
		CHECKS_PASSED=$((CHECKS_PASSED + 1))
		summary "CHECK PASS $name${*:+: $*}"
	else
		CHECKS_FAILED=$((CHECKS_FAILED + 1))
		summary "CHECK FAIL $name${*:+: $*}"
	fi
}

# checks_done: the tally line .ci/run reads; exit status 1 when a check failed.
checks_done() {
	summary "CHECKS $CHECKS_PASSED passed, $CHECKS_FAILED failed"
	((CHECKS_FAILED == 0))
}

# sink_count DUMP: messages in an smtp-sink -D dump; sink_recipients DUMP...: one line per message.
sink_recipients() { cat "$@" 2>/dev/null | grep '^X-Rcpt-Args:' || true; }

# add_subscribers_pg SLUG NUMBER COUNT DOMAIN: newsletter-lib.sh's add_subscribers on PostgreSQL: a
# newsletter SLUG with COUNT confirmed subscribers reader1..COUNT@DOMAIN, written in one transaction.
add_subscribers_pg() {
	local slug=$1 number=$2 count=$3 domain=$4 base=$((900000000000000000 + $2 * 1000000))
	sql -v ON_ERROR_STOP=1 >/dev/null <<SQL || die "could not add $count subscribers"
BEGIN;
INSERT INTO newsletter (id, slug, name, description, host_name, cadence, sender_name, sender_address, reply_to,
  status, position, tracking_enabled, created_at, updated_at)
  VALUES ($base, '$slug', 'Bench Briefing $number', 'Every subscriber, one issue.', NULL,
  'Whenever the bench runs', 'The Ledger', 'briefing@ledger.test', NULL, 'ACTIVE', $((90 + number)), false,
  timestamptz '$(date -u +%FT%TZ)', timestamptz '$(date -u +%FT%TZ)');
INSERT INTO subscriber (id, address, address_key, created_at, updated_at)
  SELECT $base + i, 'reader' || i || '@$domain', 'reader' || i || '@$domain', timestamptz '$(date -u +%FT%TZ)',
  timestamptz '$(date -u +%FT%TZ)' FROM generate_series(1, $count) AS i;
INSERT INTO subscription (subscriber_id, newsletter_id, status, created_at, confirmed_at, unsubscribed_at)
  SELECT id, $base, 'CONFIRMED', created_at, created_at, NULL FROM subscriber WHERE id > $base AND id <= $base + $count;
COMMIT;
SQL
}

# exactly_once COUNT DOMAIN DUMP...: copies per recipient of reader1..COUNT@DOMAIN at the sinks; sets
# AT_SINK (messages), UNIQUE, DUPLICATES, MISSING and COPIES ("recipients x copies" pairs).
exactly_once() {
	local count=$1 domain=$2
	shift 2
	sink_recipients "$@" | grep -F "@$domain" | sed 's/^X-Rcpt-Args: *//; s/[<>]//g' | awk '{ print $1 }' \
		| sort | uniq -c | awk '{ print $1 }' | sort -n | uniq -c >"$RESULTS/copies-$domain.txt"
	AT_SINK=$(sink_recipients "$@" | grep -cF "@$domain" || true)
	UNIQUE=$(sink_recipients "$@" | grep -F "@$domain" | sort -u | wc -l)
	DUPLICATES=$((AT_SINK - UNIQUE))
	MISSING=$((count - UNIQUE))
	COPIES=$(awk '{ printf "%s%s x %s", (NR > 1 ? ", " : ""), $1, $2 }' "$RESULTS/copies-$domain.txt")
}
