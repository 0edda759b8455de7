#!/usr/bin/env bash
# Figure 1: session validation (GET /api/auth/session, bearer token) throughput and latency.
#   bench/validation-throughput.sh          (RUNS=3 DURATION=30 CONNECTIONS="8 32 128" by default)
# Starts Warden (embedded Kafka broker, alarm topology off: validation never touches Kafka) on a
# fresh database seeded with 100,000 background sessions, logs in 100 sessions (10 users x 10),
# warms up for 10 s, then for each connection count runs wrk RUNS times for DURATION seconds,
# round-robin over the 100 tokens. Reports the median and the spread (min-max) over the runs, and
# the last-active writes counted by PostgreSQL (pg_stat_user_tables.n_tup_upd on sessions).
# The idle timeout is the default PT60M, so a session's last activity is written at most once a
# minute (idle/60): at most about 100 sessions x (DURATION/60 + 1) writes per run, whatever the
# request count. IDLE=PT5M (5 s interval) shows more writes per run.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
DURATION="${DURATION:-30}"
CONNECTIONS="${CONNECTIONS:-8 32 128}"
IDLE="${IDLE:-PT60M}"
BACKGROUND_USERS="${BACKGROUND_USERS:-10000}"

ensure_wrk
ensure_built
fresh_db warden_bench_validate
start_server WARDEN_STREAMS=off WARDEN_SESSION_IDLE_TIMEOUT="$IDLE"
# Background sessions active within the last 40 minutes: none idles out (PT60M) during the ~8 minutes
# of runs, so the expiry sweeper updates nothing and n_tup_upd counts last-active writes only
# (checked after every run).
seed_sessions "$BACKGROUND_USERS" 10 "40 minutes"

owner_token=$(login owner "$BENCH_OWNER_PASSWORD")
tokens="$BENCH_WORK/tokens"
: >"$tokens"
say "creating 10 users and logging in 10 sessions each"
for u in $(seq 1 10); do
  create_user "$owner_token" "loadtest$u" "Loadtest-Pass-Phrase-$u!"
  for _ in $(seq 1 10); do login "loadtest$u" "Loadtest-Pass-Phrase-$u!" >>"$tokens"; done
done
[ "$(grep -c . "$tokens")" = 100 ] || die "expected 100 tokens"
export WARDEN_BENCH_TOKENS="$tokens"

updates() { sql -c "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'sessions'"; }
ended() { sql -c "SELECT count(*) FROM session_history"; }  # ended sessions leave sessions (V15)

say "warm-up: 10 s at 32 connections"
wrk -t2 -c32 -d10s -s bench/validate.lua "$BENCH_BASE/api/auth/session" >/dev/null
sleep 12

machine_line
echo "idle timeout $IDLE (last-active written at most once per idle/60 per session), $DURATION s runs, 100 tokens, wrk -t2"
results="$BENCH_WORK/results"
: >"$results"
for c in $CONNECTIONS; do
  for r in $(seq 1 "$RUNS"); do
    before=$(updates); ended_before=$(ended)
    line=$(wrk -t2 -c"$c" -d"${DURATION}s" -s bench/validate.lua "$BENCH_BASE/api/auth/session" | grep '^RESULT')
    # PostgreSQL 15 flushes a backend's table statistics at most every second while busy and about
    # 10 s after it goes idle: wait for the last flush before reading the counter.
    sleep 12
    after=$(updates)
    [ "$(ended)" = "$ended_before" ] || die "sessions ended during the run: n_tup_upd would not be last-active writes only"
    echo "run c=$c #$r: ${line#RESULT } last_active_writes=$((after - before))"
    echo "$c ${line#RESULT } writes=$((after - before))" >>"$results"
    [ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
      || die "errors (non-2xx or socket errors/timeouts) in the run above"
  done
done

echo
echo "SUMMARY (median over $RUNS runs, [min-max])"
for c in $CONNECTIONS; do
  sel() { awk -v c="$c" '$1 == c' "$results" | field "$1" | stats; }
  read -r rps rmin rmax <<<"$(sel rps)"
  read -r p50 p50min p50max <<<"$(sel p50_ms)"
  read -r p99 p99min p99max <<<"$(sel p99_ms)"
  read -r req _ _ <<<"$(sel requests)"
  read -r w wmin wmax <<<"$(sel writes)"
  printf 'connections=%-4s %6.0f req/s [%s-%s]  p50 %s ms [%s-%s]  p99 %s ms [%s-%s]  last-active writes %s [%s-%s] per %s validations\n' \
    "$c" "$rps" "$rmin" "$rmax" "$p50" "$p50min" "$p50max" "$p99" "$p99min" "$p99max" "$w" "$wmin" "$wmax" "$req"
done
