#!/usr/bin/env bash
# What one session's last-activity write costs PostgreSQL, with today's layout and with the two
# layouts that would let PostgreSQL update the row in place (issue 22: validation spread over ten
# million sessions writes one row per request, since each is its session's first in its interval).
#   bench/activity-write-cost.sh                 1,000,000 sessions (about 6 minutes)
#   SESSIONS=200000 bench/activity-write-cost.sh
# Seeds SESSIONS sessions (seed_sessions, in login order; then VACUUM FULL, so that each layout's
# bytes are those of a freshly written table), then copies the database twice:
#   today     the schema as migrated: last_active_at is in sessions_open_by_activity and
#             sessions_open_by_network, so every write is a non-HOT update that inserts a new entry
#             into each of the table's eight indexes
#   hot       those two indexes without last_active_at (activity dropped, network on the address
#             only) and fillfactor 90: every write is a HOT update, no index touched; the activity
#             sort and the idle sweep would have no index left
#   narrow    the activity in a table of its own (session_id, last_active_at), with its primary key and
#             the activity index; sessions keeps its column (not written any more) but neither index
#             on it, as in hot: activity writes never touch sessions
# and in each runs the statement ActivityWrites sends (session-record-activities, read from
# warden-db-statements.yaml; on the narrow table with its table name) for BATCHES batches of 5,000
# sessions drawn at random, each batch committed, after pg_prewarm. Prints microseconds of the
# statement per row written (one backend: its time is its CPU, plus WAL), the HOT updates of sessions,
# and bytes per open session with every index, before and after the writes.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-1000000}"
BATCHES="${BATCHES:-20}"
BATCH=5000
USERS=$((SESSIONS / 10))

ensure_built
fresh_db warden_bench_activity_today
start_server WARDEN_STREAMS=off   # migrates the schema
stop_server
BENCH_SEED_ORDER=login seed_sessions "$USERS" 10 "38 minutes" "2 minutes"
statement=$(awk '/^    session-record-activities: >-/ { on = 1; next } on && /^ *$/ { exit } on { print }' \
              adapters-db/src/main/resources/warden-db-statements.yaml)
[ -n "$statement" ] || die "session-record-activities not found in warden-db-statements.yaml"

hot=warden_bench_activity_hot narrow=warden_bench_activity_narrow
sql -c "VACUUM FULL sessions" -c "VACUUM ANALYZE sessions"   # every layout rewritten once, so their bytes compare
for copy in "$hot" "$narrow"; do
  dropdb --if-exists "$copy"; createdb -T "$BENCH_DB" "$copy"
done
trap 'dropdb --if-exists "$hot"; dropdb --if-exists "$narrow"; bench_cleanup' EXIT
say "hot: no index holds last_active_at, fillfactor 90"
psql -d "$hot" -v ON_ERROR_STOP=1 -q -c "DROP INDEX sessions_open_by_activity" -c "DROP INDEX sessions_open_by_network" \
  -c "CREATE INDEX sessions_open_by_network ON sessions (warden_inet(ip_address)) WHERE ended_at IS NULL" \
  -c "ALTER TABLE sessions SET (fillfactor = 90)" -c "VACUUM FULL sessions" -c "VACUUM ANALYZE sessions"
say "narrow: session_activity (session_id, last_active_at) beside sessions"
psql -d "$narrow" -v ON_ERROR_STOP=1 -q -c "DROP INDEX sessions_open_by_activity" -c "DROP INDEX sessions_open_by_network" \
  -c "CREATE INDEX sessions_open_by_network ON sessions (warden_inet(ip_address)) WHERE ended_at IS NULL" \
  -c "CREATE TABLE session_activity (session_id uuid PRIMARY KEY, last_active_at timestamptz NOT NULL)" \
  -c "INSERT INTO session_activity SELECT id, last_active_at FROM sessions ORDER BY created_at" \
  -c "CREATE INDEX session_activity_by_time ON session_activity (last_active_at DESC)" \
  -c "VACUUM ANALYZE session_activity"
# The same statement on the narrow table: its rows are found by session_id, and it has no ended_at.
narrow_statement=$(echo "$statement" | sed -e 's/UPDATE sessions s/UPDATE session_activity s/' \
  -e 's/JOIN sessions o ON o.id = a.id/JOIN session_activity o ON o.session_id = a.id/' \
  -e 's/WHERE o.ended_at IS NULL AND /WHERE /' -e 's/SELECT o.id, a.at/SELECT o.session_id AS id, a.at/' \
  -e 's/ORDER BY o.id/ORDER BY o.session_id/' -e 's/WHERE s.id = v.id/WHERE s.session_id = v.id/')

# cost DB STATEMENT: microseconds per row written, over BATCHES committed batches of random open sessions.
cost() {
  local db="$1" text="$2"
  text=${text//:ids/ids}; text=${text//:ats/ats}
  psql -d "$db" -v ON_ERROR_STOP=1 -Atq <<SQL
CREATE EXTENSION IF NOT EXISTS pg_prewarm;
SELECT count(pg_prewarm(c.oid)) FROM pg_class c WHERE c.relname LIKE 'session%' AND c.relkind IN ('r', 'i');
CREATE TEMP TABLE pick AS SELECT id, row_number() OVER () AS n FROM (SELECT id FROM sessions ORDER BY random() LIMIT $((BATCHES * BATCH))) x;
CREATE INDEX ON pick (n);
CHECKPOINT;
CREATE TEMP TABLE took (rows bigint, micros bigint);
DO \$\$
DECLARE b int; ids text[]; ats text[]; started timestamptz; written bigint;
BEGIN
  FOR b IN 0..$((BATCHES - 1)) LOOP
    SELECT array_agg(id::text), array_agg(clock_timestamp()::text) INTO ids, ats FROM pick WHERE n > b * $BATCH AND n <= (b + 1) * $BATCH;
    started := clock_timestamp();
    EXECUTE \$s\$ $text \$s\$ USING ids, ats;
    GET DIAGNOSTICS written = ROW_COUNT;
    COMMIT;
    INSERT INTO took VALUES (written, extract(epoch FROM clock_timestamp() - started) * 1e6);
    COMMIT;
  END LOOP;
END \$\$;
SELECT sum(rows), round(sum(micros)::numeric / sum(rows), 1) FROM took;
SQL
}
# The statement's :ids and :ats become the DO block's $1 and $2.
positional() { local t="$1"; t=${t//CAST(:ids AS text[])/CAST(\$1 AS text[])}; echo "${t//CAST(:ats AS text[])/CAST(\$2 AS text[])}"; }
bytes() {
  psql -d "$1" -Atq -c "SELECT round((pg_total_relation_size('sessions') + pg_total_relation_size('user_agents')
                         + coalesce(pg_total_relation_size(to_regclass('session_activity')), 0))::numeric
                         / (SELECT count(*) FROM sessions WHERE ended_at IS NULL))"
}

machine_line
echo "open sessions: $SESSIONS; $BATCHES batches of $BATCH random sessions each, committed one by one"
for layout in today hot narrow; do
  case "$layout" in
    today) db="$BENCH_DB" text=$(positional "$statement") ;;
    hot) db="$hot" text=$(positional "$statement") ;;
    narrow) db="$narrow" text=$(positional "$narrow_statement") ;;
  esac
  before=$(bytes "$db")
  read -r rows micros <<<"$(cost "$db" "$text" | tail -1 | tr '|' ' ')"
  hot_updates=$(psql -d "$db" -Atq -c "SELECT n_tup_hot_upd FROM pg_stat_user_tables WHERE relname = 'sessions'")
  printf 'RESULT layout=%s rows=%s us_per_row=%s sessions_hot_updates=%s bytes_per_open_session=%s after_writes=%s\n' \
    "$layout" "$rows" "$micros" "$hot_updates" "$before" "$(bytes "$db")"
done
