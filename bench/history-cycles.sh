#!/usr/bin/env bash
# Ended-session history over three retention cycles (issue 22, docs/benchmarks.md section 13): does
# any table or index grow? No server: the migrations are applied with psql to a fresh database and
# each simulated day is driven in SQL, as Warden would drive it:
#   SESSIONS active sessions (10 per user); every day ENDS_PER_DAY of them end (V14's ending UPDATE,
#   one row per statement; after V15 its trigger moves the row) and as many new ones log in, so the active count holds;
#   then the retention job runs with a RETENTION_DAYS retention, and VACUUM stands in for autovacuum.
# MODE=after (default): the schema up to the newest migration (V15, history by day); retention drops
#   whole days (warden_session_history_drop_oldest) after preparing the days ahead.
# MODE=before: the schema up to V14 (history rows in sessions); retention is the batched DELETE
#   (retention-delete-ended-sessions of that version), 1,000 rows a batch.
# Prints, per simulated day, the sizes of sessions and its indexes, of session_history, and the bytes
# per active session (pg_total_relation_size(sessions) / open sessions); then the cost of ending
# 10,000 sessions one statement each (time and WAL), and (MODE=after) of 10,000 more ended by a
# statement that moves the row itself (WITH ended AS (DELETE ... RETURNING) INSERT), the trigger off.
#   bench/history-cycles.sh                          (SESSIONS=20000 ENDS_PER_DAY=20000 RETENTION_DAYS=3)
#   MODE=before bench/history-cycles.sh
source "$(dirname "$0")/lib.sh"

MODE="${MODE:-after}"
SESSIONS="${SESSIONS:-20000}"
ENDS_PER_DAY="${ENDS_PER_DAY:-20000}"
RETENTION_DAYS="${RETENTION_DAYS:-3}"
CYCLES="${CYCLES:-3}"
DAYS=$(( RETENTION_DAYS * (CYCLES + 1) ))

machine_line
fresh_db "warden_bench_history_$MODE"
for migration in $(ls adapters-db/src/main/resources/db/migration/V*.sql | sort -V); do
  if [ "$MODE" = before ] && [[ "$(basename "$migration")" == V15__* ]]; then break; fi
  sql -f "$migration" >/dev/null
done
seed_sessions $((SESSIONS / 10)) 10
sql -c "CREATE SEQUENCE bench_login"
sql -c "SELECT format('fresh: %s active sessions, sessions %s with its indexes, %s B per active session (heap %s B, indexes %s B)',
          count(*), pg_size_pretty(pg_total_relation_size('sessions')), pg_total_relation_size('sessions') / count(*),
          pg_relation_size('sessions') / count(*), pg_indexes_size('sessions') / count(*)) FROM sessions"

# One simulated day: D days after today (UTC), ENDS_PER_DAY ends spread over it, as many logins.
day() {
  local d="$1"
  sql <<SQL
DO \$\$
DECLARE
  day_start timestamptz := CAST(CAST(now() AT TIME ZONE 'UTC' AS date) + $d AS timestamp) AT TIME ZONE 'UTC';
  victim uuid;
BEGIN
  FOR victim IN SELECT id FROM sessions WHERE ended_at IS NULL ORDER BY created_at LIMIT $ENDS_PER_DAY LOOP
    UPDATE sessions SET ended_at = day_start + random() * interval '1 day', end_reason = 'USER_LOGOUT'
    WHERE id = victim AND ended_at IS NULL;
  END LOOP;
END
\$\$;
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT gen_random_uuid(), md5('bench-user-' || (n % ($SESSIONS / 10) + 1))::uuid,
       rtrim(translate(encode(sha256(('bench-login-' || n)::bytea), 'base64'), '+/', '-_'), '='),
       '10.' || (n % 200) || '.' || ((n / 200) % 250) || '.' || (n % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       now() + $d * interval '1 day', now() + $d * interval '1 day', now() + ($d + 1) * interval '1 day'
FROM (SELECT nextval('bench_login') AS n FROM generate_series(1, $ENDS_PER_DAY)) s;
SQL
  local cutoff="CAST(CAST(now() AT TIME ZONE 'UTC' AS date) + $d + 1 AS timestamp) AT TIME ZONE 'UTC' - interval '$RETENTION_DAYS days'"
  if [ "$MODE" = before ]; then
    sql <<SQL
DO \$\$
DECLARE n integer;
BEGIN
  LOOP
    DELETE FROM sessions WHERE id IN (SELECT id FROM sessions WHERE ended_at < $cutoff
                                      ORDER BY ended_at LIMIT 1000 FOR UPDATE SKIP LOCKED);
    GET DIAGNOSTICS n = ROW_COUNT;
    EXIT WHEN n < 1000;
  END LOOP;
END
\$\$;
SQL
  else
    sql -c "SELECT warden_session_history_prepare(CAST(now() AT TIME ZONE 'UTC' AS date) + $d, CAST(now() AT TIME ZONE 'UTC' AS date) + $d + 7)" >/dev/null
    while [ -n "$(sql -c "SELECT warden_session_history_drop_oldest($cutoff)")" ]; do :; done
  fi
  sql -c "VACUUM sessions" >/dev/null
  [ "$MODE" = after ] && sql -c "VACUUM session_history" >/dev/null
  local history_rows="(SELECT count(*) FROM session_history)"
  [ "$MODE" = before ] && history_rows="(SELECT count(*) FROM sessions WHERE ended_at IS NOT NULL)"
  sql <<SQL
SELECT format('day %s  open %s  sessions %s (heap %s, indexes %s)  B/active %s  history %s rows %s in %s partitions',
  lpad('$d', 2), (SELECT count(*) FROM sessions WHERE ended_at IS NULL),
  pg_size_pretty(pg_total_relation_size('sessions')), pg_size_pretty(pg_relation_size('sessions')),
  pg_size_pretty(pg_indexes_size('sessions')),
  pg_total_relation_size('sessions') / (SELECT count(*) FROM sessions WHERE ended_at IS NULL),
  COALESCE(pg_size_pretty((SELECT sum(pg_total_relation_size(inhrelid)) FROM pg_inherits
                            WHERE inhparent = to_regclass('session_history'))), '-'),
  $history_rows,
  (SELECT count(*) FROM pg_inherits WHERE inhparent = to_regclass('session_history')));
SQL
}

say "MODE=$MODE: $SESSIONS active sessions, $ENDS_PER_DAY ends a day, retention $RETENTION_DAYS days, $DAYS days"
for d in $(seq 1 "$DAYS"); do
  day "$d"
  if [ $(( d % RETENTION_DAYS )) = 0 ]; then
    say "end of cycle $(( d / RETENTION_DAYS )): per index of sessions:"
    sql -c "SELECT '  ' || c.relname || ' ' || pg_size_pretty(pg_relation_size(c.oid)) FROM pg_index i
            JOIN pg_class c ON c.oid = i.indexrelid WHERE i.indrelid = 'sessions'::regclass ORDER BY c.relname"
  fi
done

# The cost of an end: 10,000 ends, one UPDATE each (as session-mark-ended), in one transaction.
sql -c "VACUUM ANALYZE sessions" >/dev/null
sql <<SQL
CREATE TEMP TABLE t (at timestamptz, lsn pg_lsn);
INSERT INTO t VALUES (clock_timestamp(), pg_current_wal_insert_lsn());
DO \$\$
DECLARE victim uuid;
BEGIN
  FOR victim IN SELECT id FROM sessions WHERE ended_at IS NULL ORDER BY created_at LIMIT 10000 LOOP
    UPDATE sessions SET ended_at = now(), end_reason = 'USER_LOGOUT' WHERE id = victim AND ended_at IS NULL;
  END LOOP;
END
\$\$;
SELECT format('10,000 ends: %s ms, %s WAL bytes per end (MODE=$MODE)',
              round(extract(epoch FROM clock_timestamp() - at) * 1000),
              (pg_current_wal_insert_lsn() - lsn) / 10000) FROM t;
SQL

# The alternative to the trigger: each ending statement moving the row itself (trigger disabled).
if [ "$MODE" = after ]; then
  sql <<SQL
ALTER TABLE sessions DISABLE TRIGGER sessions_end_to_history;
CREATE TEMP TABLE t (at timestamptz, lsn pg_lsn);
INSERT INTO t VALUES (clock_timestamp(), pg_current_wal_insert_lsn());
DO \$\$
DECLARE victim uuid;
BEGIN
  FOR victim IN SELECT id FROM sessions WHERE ended_at IS NULL ORDER BY created_at LIMIT 10000 LOOP
    WITH ended AS (DELETE FROM sessions WHERE id = victim AND ended_at IS NULL RETURNING *)
    INSERT INTO session_history (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at,
                                 expires_at, ended_at, end_reason, ended_by, reauthenticated_at)
    SELECT id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at,
           now(), 'USER_LOGOUT', NULL, reauthenticated_at FROM ended;
  END LOOP;
END
\$\$;
SELECT format('10,000 ends as WITH ended AS (DELETE ... RETURNING) INSERT: %s ms, %s WAL bytes per end',
              round(extract(epoch FROM clock_timestamp() - at) * 1000),
              (pg_current_wal_insert_lsn() - lsn) / 10000) FROM t;
ALTER TABLE sessions ENABLE TRIGGER sessions_end_to_history;
SQL
fi
