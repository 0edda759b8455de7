#!/usr/bin/env bash
# The expiry sweep with a backlog (issue 22): SESSIONS open sessions of which BACKLOG_PERCENT have
# idled out (a Monday morning after a long weekend), plus PAST_EXPIRY past their absolute expiry.
#   bench/sweep-backlog.sh                                   1,000,000 sessions, 14% idle, about 6 minutes
#   SESSIONS=10000000 USERS=1000000 bench/sweep-backlog.sh   the issue's 10M (disk: about 6 GB)
# 1. EXPLAIN (ANALYZE, BUFFERS) of one batch (500 rows) of the statement the sweeper used before
#    (an OR of both conditions ordered by user: it gathers and sorts every expired session first)
#    and of the two walks it uses now (warden-db-statements.yaml: session-lock-past-expiry,
#    session-lock-idle), custom and generic plans, inside a transaction that is rolled back.
# 2. Starts Warden with a 1 s sweep interval and times how long it takes to end the whole backlog
#    (each end: the row, its outbox event and its audit entry, in batches of 500 a transaction).
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-1000000}"
USERS="${USERS:-$((SESSIONS / 10))}"
BACKLOG_PERCENT="${BACKLOG_PERCENT:-14}"
PAST_EXPIRY="${PAST_EXPIRY:-1000}"
PER=$((SESSIONS / USERS))

ensure_built
fresh_db "warden_bench_sweep_$SESSIONS"
start_server WARDEN_STREAMS=off   # migrates the schema
stop_server
seed_sessions "$USERS" "$PER"
make_sweep_backlog "$BACKLOG_PERCENT" "$PAST_EXPIRY" "60 minutes"
backlog=$(expired_open_sessions "60 minutes")

machine_line
echo "open sessions: $SESSIONS ($USERS users), expired backlog: $backlog"

old_statement="SELECT s.id, s.user_id, u.username, s.token_hash, s.ip_address, s.user_agent,
  s.created_at, s.last_active_at, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id
  WHERE s.ended_at IS NULL AND (s.expires_at <= :now OR s.last_active_at <= :lastActiveAfter)
  ORDER BY s.user_id, s.id LIMIT :batchSize FOR UPDATE OF s SKIP LOCKED"
values="now=now();lastActiveAfter=now() - interval '60 minutes';batchSize=500"
in_rollback() { sed 's/^DEALLOCATE ALL;/BEGIN; DEALLOCATE ALL;/; s/^RESET plan_cache_mode;/RESET plan_cache_mode; ROLLBACK;/'; }
{
  explain_text "before: session-lock-expired (OR, by user)" "$old_statement" "$values" | in_rollback
  explain session-lock-past-expiry "$values" | in_rollback
  explain session-lock-idle "$values" | in_rollback
} | show_plans

time_sweep "60 minutes" WARDEN_STREAMS=off
