#!/usr/bin/env bash
# Issue 22's figures side by side in one run, on one seed and one Warden:
#   bench/scale-run.sh                               10,000,000 active sessions (1,000,000 users x 10)
#   SESSIONS=100000 bench/scale-run.sh               a quick run (see docs/benchmarks.md for timings)
#   KEEP_DB=1 SWEEP=0 bench/scale-run.sh             keeps the seeded database; a second KEEP_DB=1 run
#                                                    reuses it when its counts still match
# Seeds SESSIONS sessions once (seed_sessions, 10 per user; session i's token is known), or reuses
# warden_bench_scale_run_$SESSIONS when KEEP_DB=1 and it holds exactly SESSIONS seeded sessions open for
# at least two more hours and USERS seeded users. Then, phase by phase (each timed):
#   storage     pg_table_size of sessions, each of its indexes, user_agents (V16), and the total, in bytes per
#               open session (goal <= 400 with all indexes); first, before validation's writes
#   pages       every Sessions page shape of bench/admin-list.sh (KINDS, default the 6 shapes and
#               all 20 sorted kinds) as it measures them (measure_pages), goal p50 <= GOAL_MS (20)
#   validation  tokens drawn at random from every seeded session (TOKENS of them, default all of them
#               up to 2,000,000: a random sample of the 10M, so each request still is a random session)
#               against the HTTP ceiling in the same run, as bench/validation-spread.sh measures it
#               (measure_validation), goal >= 0.5 of the ceiling
#   sweep       last, since it ends sessions (SWEEP=0 skips it): BACKLOG_PERCENT (14) of the open
#               sessions idle out and PAST_EXPIRY (1000) pass their expiry, as bench/sweep-backlog.sh
#               makes them; time until the sweeper has ended them all
# Then one SUMMARY block: every figure with its goal, the load average, the machine, and each phase's
# elapsed time.
# The idle timeout is IDLE_MINUTES (default 720) rather than 60: seeding 10M takes longer than an hour,
# and with 60 minutes the seed would idle out (and be swept) during the run. The seed's activity is
# 15 to 65 minutes old, older than the activity-write interval (idle / 60 = 12 minutes), so nearly
# every validation is its session's first in its interval and records activity, as with 60 minutes.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-10000000}"
USERS=$((SESSIONS / 10))
# The deep cursor pages continue at item DEPTH (half the sessions, at most 1,000,000): the bench finds
# each cursor by reading the page at offset DEPTH - 500 once, which walks DEPTH rows.
DEPTH="${DEPTH:-$(( SESSIONS / 2 < 1000000 ? SESSIONS / 2 : 1000000 ))}"
RUNS="${RUNS:-3}"
PAGE_DURATION="${PAGE_DURATION:-10}"
VALIDATION_DURATION="${VALIDATION_DURATION:-20}"
CONNECTIONS="${CONNECTIONS:-32}"
# A random sample of every seeded session; at most 2,000,000, since each wrk Lua state (three) holds
# the whole file (about 100 bytes a token) and the runs validate fewer (about 15,000/s x 65 s).
TOKENS="${TOKENS:-$(( SESSIONS < 2000000 ? SESSIONS : 2000000 ))}"
KINDS="${KINDS:-first cursor user ip q qcommon $(session_sort_kinds)}"
GOAL_MS="${GOAL_MS:-20}"
IDLE_MINUTES="${IDLE_MINUTES:-720}"
SWEEP="${SWEEP:-1}"
BACKLOG_PERCENT="${BACKLOG_PERCENT:-14}"
PAST_EXPIRY="${PAST_EXPIRY:-1000}"
BENCH_KEEP_DB="${KEEP_DB:-0}"
IDLE="$IDLE_MINUTES minutes"
SEED_AGENT='Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36'
# WARDEN_DB_CONNECT_TIMEOUT also bounds a statement's read (at least 30 s): the offset pages that find
# the deep cursors take longer than that at ten million sessions. No measured page comes near it.
SERVER_ENV=(WARDEN_STREAMS=off "WARDEN_SESSION_IDLE_TIMEOUT=PT${IDLE_MINUTES}M" WARDEN_DB_CONNECT_TIMEOUT=PT300S)
OUT="$BENCH_WORK/out"
mkdir -p "$OUT"

ensure_wrk
ensure_built
run_start=$(date +%s)
phases=()
phase_start=0
begin_phase() { phase_start=$(date +%s); say "phase $1 (load $(cut -d' ' -f1 /proc/loadavg))"; }
end_phase() { phases+=("$1 $(( $(date +%s) - phase_start )) s"); }

# ---- the seed -----------------------------------------------------------------------------------
BENCH_DB="warden_bench_scale_run_$SESSIONS"
require_postgres
seeded_open() { # seeded sessions open for two more hours at least
  sql -c "SELECT count(*) FROM sessions WHERE ended_at IS NULL
            AND user_agent_id = (SELECT id FROM user_agents WHERE user_agent = '$SEED_AGENT')
            AND expires_at > now() + interval '2 hours'
            AND last_active_at > now() - interval '$IDLE' + interval '2 hours'"
}
seed="seeded"
if [ "$BENCH_KEEP_DB" = 1 ] && psql -d "$BENCH_DB" -Atqc 'SELECT 1' >/dev/null 2>&1 \
   && [ "$(sql -c "SELECT count(*) FROM users WHERE username LIKE 'bench%'" 2>/dev/null)" = "$USERS" ] \
   && [ "$(seeded_open 2>/dev/null)" = "$SESSIONS" ]; then
  seed="reused"
  say "reusing $BENCH_DB: $USERS users, $SESSIONS seeded sessions open"
  phases+=("seed 0 s (reused)")
else
  [ "$BENCH_KEEP_DB" != 1 ] || say "$BENCH_DB is missing or its counts do not match: seeding it"
  begin_phase seed
  fresh_db "$BENCH_DB"
  start_server "${SERVER_ENV[@]}"   # migrates the schema
  stop_server
  # Activity 15 to 65 minutes old, creation up to an hour before it: open for 22 h (lifetime) and
  # IDLE_MINUTES - 65 minutes (idle timeout) after the seed.
  seed_sessions "$USERS" 10 "50 minutes" "15 minutes" "1 hour"
  [ "$(seeded_open)" = "$SESSIONS" ] || die "the seed does not hold $SESSIONS open sessions"
  end_phase seed
fi

# ---- storage ------------------------------------------------------------------------------------
begin_phase storage
open=$(sql -c "SELECT count(*) FROM sessions WHERE ended_at IS NULL")
{
  echo "sessions: $open open; bytes per open session (goal with all indexes <= 400)"
  echo "relation                                          size     bytes/open session"
  sql -F' ' -c "SELECT 'sessions (heap, TOAST)', pg_table_size('sessions')
                UNION ALL
                SELECT * FROM (SELECT i.indexrelid::regclass::text, pg_relation_size(i.indexrelid) FROM pg_index i
                               WHERE i.indrelid = 'sessions'::regclass ORDER BY 2 DESC) x
                UNION ALL
                SELECT 'user_agents (each string once, V16)', pg_total_relation_size('user_agents')
                UNION ALL
                SELECT 'TOTAL (pg_total_relation_size)', pg_total_relation_size('sessions')
                                                         + pg_total_relation_size('user_agents')" \
    | awk -v n="$open" '{ b = $NF; $NF = ""; printf "%-40s %9.1f MB %10.0f\n", $0, b / 1048576, b / n }'
} | tee "$OUT/storage"
storage_per_session=$(awk '/^TOTAL/ { print $NF }' "$OUT/storage")
end_phase storage

# ---- pages --------------------------------------------------------------------------------------
begin_phase pages
start_server "${SERVER_ENV[@]}"
as_owner api/admin/sessions
session_page_setup "$USERS" "$DEPTH"
machine_line
echo "active sessions: $SESSIONS (API total: $total, totalIsLowerBound: $lower), users: $USERS, limit 50;" \
     "cursor depth $DEPTH; user $user_name, ip $ip ($ip_sessions sessions); idle timeout $IDLE"
DURATION="$PAGE_DURATION" measure_pages api/admin/sessions "$SESSIONS sessions" | tee "$OUT/pages"
end_phase pages

# ---- validation ---------------------------------------------------------------------------------
begin_phase validation
tokens="$BENCH_WORK/tokens"
seeded_tokens 1 "$SESSIONS" "$TOKENS" >"$tokens"
[ "$(grep -c . "$tokens")" = "$TOKENS" ] || die "expected $TOKENS tokens"
DURATION="$VALIDATION_DURATION" measure_validation "$tokens" \
  "active sessions: $SESSIONS, tokens drawn at random from $TOKENS of them" | tee "$OUT/validation"
end_phase validation

# ---- sweep --------------------------------------------------------------------------------------
if [ "$SWEEP" = 1 ]; then
  begin_phase sweep
  stop_server
  make_sweep_backlog "$BACKLOG_PERCENT" "$PAST_EXPIRY" "$IDLE"
  backlog=$(expired_open_sessions "$IDLE")
  echo "open sessions: $(sql -c "SELECT count(*) FROM sessions WHERE ended_at IS NULL"), expired backlog: $backlog"
  time_sweep "$IDLE" "${SERVER_ENV[@]}" >"$OUT/sweep"   # not in a pipe: the server it starts is stopped on exit
  cat "$OUT/sweep"
  end_phase sweep
  [ "$BENCH_KEEP_DB" != 1 ] || say "the sweep ended sessions: the next KEEP_DB=1 run seeds again"
fi

# ---- the summary --------------------------------------------------------------------------------
echo
echo "SUMMARY scale run: $SESSIONS active sessions ($USERS users x 10, $seed), idle timeout $IDLE, one Warden"
machine_line
echo "-- Sessions page: one connection, median over $RUNS runs of ${PAGE_DURATION} s of each run's p50 [min-max]; goal p50 <= $GOAL_MS ms"
sed -n '/^SUMMARY/,$p' "$OUT/pages" | tail -n +2
misses=$(sed -n '/^SUMMARY/,$p' "$OUT/pages" | grep -c 'MISSES' || true)
echo "   $(echo "$KINDS" | wc -w) shapes, $misses miss the goal"
echo "-- validation: $CONNECTIONS connections, median over $RUNS runs of ${VALIDATION_DURATION} s; tokens drawn from $TOKENS sessions"
sed -n '/^SUMMARY/,$p' "$OUT/validation" | tail -n +2 | sed 's/^/   /'
echo "-- storage: sessions with all its indexes $storage_per_session bytes per open session (goal <= 400)"
sed -n '3,$p' "$OUT/storage" | sed 's/^/   /'
if [ "$SWEEP" = 1 ]; then
  echo "-- sweep: backlog $backlog expired of $SESSIONS; goal: the whole backlog ended, in bounded batches"
  grep '^SWEEP' "$OUT/sweep" | sed 's/^/   /'
fi
echo "-- elapsed: ${phases[*]/%/;} total $(( $(date +%s) - run_start )) s"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
