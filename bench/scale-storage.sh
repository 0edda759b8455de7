#!/usr/bin/env bash
# What PostgreSQL holds at SESSIONS active sessions (docs/scaling.md): table and index sizes, bytes
# per row, and the cost of the statements that run all the time at that size. No server: every
# migration is applied with psql to a fresh database, then seeded straight in SQL:
#   SESSIONS active sessions (10 per user, as bench/admin-list.sh seeds them),
#   ENDED ended sessions (history kept for WARDEN_SESSION_HISTORY_RETENTION),
#   AUDIT audit entries (login and end entries, with address and user agent),
#   OUTBOX published outbox events (kept for WARDEN_OUTBOX_RETENTION), with real payloads.
# Then VACUUM ANALYZE, the sizes, and EXPLAIN ANALYZE (median of REPEAT executions) of:
#   ops-outbox-backlog, ops-count-open-alarms (metrics gauges, every WARDEN_METRICS_REFRESH_INTERVAL),
#   ops-count-active-sessions (every WARDEN_METRICS_SESSION_COUNT_INTERVAL), on every instance,
#   session-count-all (the Sessions page's total, counted up to 10,001),
#   session-find-open-by-token-hashes (session validation, every request; one token here).
#   bench/scale-storage.sh                      (SESSIONS=1000000 ENDED=1000000 AUDIT=2000000 OUTBOX=2000000)
#   SESSIONS=100000 ENDED=0 AUDIT=0 OUTBOX=0 bench/scale-storage.sh   (a quick run)
#   BENCH_KEEP_DB=1 ... keeps the database; SKIP_SEED=1 BENCH_KEEP_DB=1 ... measures it again
#   BENCH_SEED_ORDER=login ... inserts the active sessions in login order (default: random order)
#   UP_TO=15 ... applies the migrations up to V15 only (the layout before V16 and V17, for a before figure)
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-1000000}"
ENDED="${ENDED:-1000000}"
AUDIT="${AUDIT:-2000000}"
OUTBOX="${OUTBOX:-2000000}"
REPEAT="${REPEAT:-5}"
STATEMENTS=adapters-db/src/main/resources/warden-db-statements.yaml

machine_line
if [ "${SKIP_SEED:-0}" = 1 ]; then
  BENCH_DB="warden_bench_scale_$SESSIONS"
  ENDED=0 AUDIT=0 OUTBOX=0
else
fresh_db "warden_bench_scale_$SESSIONS"
for migration in $(ls adapters-db/src/main/resources/db/migration/V*.sql | sort -V); do
  version=$(basename "$migration" | sed -E 's/^V([0-9]+)__.*/\1/')
  [ -z "${UP_TO:-}" ] || [ "$version" -le "$UP_TO" ] || continue
  sql -f "$migration" >/dev/null
done
start=$(date +%s)
seed_sessions $((SESSIONS / 10)) 10
say "seeded the active sessions in $(( $(date +%s) - start )) s"

if [ "$ENDED" -gt 0 ]; then
  say "seeding $ENDED ended sessions"
  sql <<SQL
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at,
                      ended_at, end_reason)
SELECT md5('bench-ended-' || i)::uuid,
       md5('bench-user-' || (i % ($SESSIONS / 10) + 1))::uuid,
       rtrim(translate(encode(sha256(('bench-ended-token-' || i)::bytea), 'base64'), '+/', '-_'), '='),
       '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       ended - interval '3 hours', ended - interval '1 hour', ended + interval '21 hours', ended,
       (ARRAY['USER_LOGOUT', 'IDLE_TIMEOUT', 'ADMIN_TERMINATED', 'ABSOLUTE_LIFETIME'])[1 + i % 4]
FROM (SELECT i, now() - random() * interval '30 days' AS ended FROM generate_series(1, $ENDED) i) e;
SQL
fi

if [ "$AUDIT" -gt 0 ]; then
  say "seeding $AUDIT audit entries"
  sql <<SQL
INSERT INTO audit_entries (id, type, occurred_at, user_id, username, session_id, ip_address, user_agent, reason)
SELECT md5('bench-audit-' || i)::uuid,
       CASE WHEN i % 2 = 0 THEN 'LOGIN_SUCCEEDED' ELSE 'LOGOUT' END,
       now() - random() * interval '30 days',
       md5('bench-user-' || (i % ($SESSIONS / 10) + 1))::uuid, 'bench' || lpad((i % ($SESSIONS / 10) + 1)::text, 7, '0'),
       md5('bench-session-' || i)::uuid,
       '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       CASE WHEN i % 2 = 0 THEN NULL ELSE 'USER_LOGOUT' END
FROM generate_series(1, $AUDIT) i;
SQL
fi

if [ "$OUTBOX" -gt 0 ]; then
  say "seeding $OUTBOX published outbox events"
  sql <<SQL
INSERT INTO outbox (event_id, aggregate_key, event_type, payload, created_at, published_at)
SELECT e, u, 'warden.session.created', jsonb_build_object(
          'eventId', e::text, 'type', 'warden.session.created', 'occurredAt', t::text,
          'sessionId', md5('bench-session-' || i)::uuid::text, 'userId', u::text,
          'username', 'bench' || lpad((i % ($SESSIONS / 10) + 1)::text, 7, '0'),
          'ipAddress', '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
          'userAgent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
          'createdAt', t::text, 'expiresAt', (t + interval '24 hours')::text,
          'reason', NULL, 'actorId', NULL, 'endedAt', NULL),
       t, t + interval '20 milliseconds'
FROM (SELECT i, md5('bench-event-' || i)::uuid AS e, md5('bench-user-' || (i % ($SESSIONS / 10) + 1))::uuid AS u,
             now() - random() * interval '24 hours' AS t
      FROM generate_series(1, $OUTBOX) i) o;
SQL
fi
say "seeded everything in $(( $(date +%s) - start )) s; VACUUM ANALYZE"
sql -c "VACUUM ANALYZE"
fi

echo "rows: $(sql -c "SELECT (SELECT count(*) FROM sessions) || ' open sessions, ' || (SELECT count(*) FROM session_history) || ' ended sessions (session_history, V15)'"), $(sql -c 'SELECT count(*) FROM audit_entries') audit entries, $(sql -c 'SELECT count(*) FROM outbox') outbox events"
echo "relation                                  rows         size     bytes/row"
sql -F' ' -c "SELECT c.relname, GREATEST(c.reltuples, 0)::bigint, pg_relation_size(c.oid)
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE n.nspname = 'public' AND c.relkind IN ('r', 'i') AND c.relname NOT LIKE 'flyway%'
                AND pg_relation_size(c.oid) > 8192
              ORDER BY pg_relation_size(c.oid) DESC" \
  | awk '{ printf "%-40s %10d %9.1f MB %8.0f\n", $1, $2, $3 / 1048576, ($2 > 0 ? $3 / $2 : 0) }'
sql -F' ' -c "SELECT 'TOTAL (database)', pg_database_size(current_database())" \
  | awk '{ printf "%-40s %21.1f MB\n", $1 " " $2, $3 / 1048576 }'
for table in sessions audit_entries outbox users; do
  sql -F' ' -c "SELECT '$table', pg_relation_size('$table'), pg_indexes_size('$table'), pg_total_relation_size('$table')" \
    | awk '{ printf "%-16s heap %8.1f MB  indexes %8.1f MB  total (with TOAST) %8.1f MB\n", $1, $2/1048576, $3/1048576, $4/1048576 }'
done

open=$(sql -c "SELECT count(*) FROM sessions WHERE ended_at IS NULL")
echo "bytes per open session, sessions with all its indexes and user_agents (V16): $(sql -c \
  "SELECT round((pg_total_relation_size('sessions')
                 + COALESCE(pg_total_relation_size(to_regclass('user_agents')), 0)) / $open::numeric)")" \
  "(seeded in ${BENCH_SEED_ORDER:-random} order)"

statement() { # statement NAME -> the named statement from the YAML, on one line
  awk -v name="$1" '$0 ~ "^    " name ":" { on = 1; next }
    on && (NF == 0 || $0 ~ /^    [a-z#-]/) { exit } on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS"
}
measure() { # measure SQL ARGS MODE -> median execution time in ms
  local script
  local call="q"; [ -n "$2" ] && call="q($2)"
  script=$(printf 'SET plan_cache_mode = %s;\nPREPARE q AS %s;\n' "$3" "$1"
           for _ in $(seq 1 "$REPEAT"); do echo "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE $call;"; done)
  echo "$script" | sql | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' | stats | awk '{printf "%.2f", $1}'
}
window="now() - interval '60 minutes'"
row() { # row LABEL SQL ARGS
  printf '%-34s %11s %14s\n' "$1" "$(measure "$2" "$3" force_custom_plan)" "$(measure "$2" "$3" force_generic_plan)"
}
plan() { # plan SQL ARGS -> the scan lines of its custom plan
  printf 'SET plan_cache_mode = force_custom_plan;\nPREPARE q AS %s;\nEXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) EXECUTE q(%s);\n' "$1" "$2" \
    | sql | grep -E 'Scan|Heap Fetches' | sed -E 's/^ *(-> *)?//' | paste -sd';' | cut -c1-160
}
backlog=$(statement ops-outbox-backlog)
alarms=$(statement ops-count-open-alarms)
active=$(statement ops-count-active-sessions | sed -E 's/:lastActiveAfter\b/$1/g')
page=$(statement session-count-all | sed -E 's/:now\b/$1/g; s/:lastActiveAfter\b/$2/g; s/:cap\b/$3/g')
validate=$(statement session-find-open-by-token-hashes | sed -E 's/:tokenHashes\b/$1/g')
for s in "$backlog" "$alarms" "$active" "$page" "$validate"; do [ -n "$s" ] || die "a statement is missing in $STATEMENTS"; done
token="'{$(sql -c "SELECT token_hash FROM sessions WHERE ended_at IS NULL ORDER BY id LIMIT 1 OFFSET $((SESSIONS / 2))")}'"
echo "statement                          custom plan   generic plan   (median of $REPEAT, ms)"
row "ops-outbox-backlog" "$backlog" ""
row "ops-count-open-alarms" "$alarms" ""
row "ops-count-active-sessions" "$active" "$window"
row "session-count-all (page total)" "$page" "now(), $window, 10001"
row "session-find-open-by-token-hashes" "$validate" "$token"
echo "plans: ops-count-active-sessions: $(plan "$active" "$window")"
echo "       session-count-all: $(plan "$page" "now(), $window, 10001")"
echo "SUMMARY sessions=$SESSIONS db_mb=$(sql -c "SELECT pg_database_size(current_database()) / 1048576")"
