#!/usr/bin/env bash
# Validation with tokens spread over many sessions, as real traffic is (issue 22), against the HTTP
# ceiling in the same run.
#   bench/validation-spread.sh      200,000 active sessions, tokens drawn from 100,000 of them
#   SESSIONS=10000000 TOKENS=1000000 bench/validation-spread.sh
# Seeds SESSIONS sessions (10 per user) whose tokens are known (token i is the base64url SHA-256 of
# "bench-token-i", stored as its hash like any token), last active 2 to 40 minutes ago, so nearly
# every validation is that session's first in its activity-write interval (idle / 60 = 1 min) and
# must record activity. wrk walks a file of TOKENS tokens sampled at random (each thread from its own
# random start). Per run: the HTTP ceiling (an unknown /api path: 404 without the database), then
# validation, each DURATION s at CONNECTIONS connections; the last-active rows written
# (pg_stat_user_tables.n_tup_upd) and the database's commits (pg_stat_database.xact_commit) during
# the validation run. Prints validation / ceiling, the goal being >= 0.5.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-200000}"
TOKENS="${TOKENS:-100000}"
CONNECTIONS="${CONNECTIONS:-32}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-20}"
USERS=$((SESSIONS / 10))

ensure_wrk
ensure_built
fresh_db warden_bench_spread
start_server WARDEN_STREAMS=off
# Last active 2 to 40 minutes ago (past the 1-minute activity-write interval); tokens from seeded_tokens.
seed_sessions "$USERS" 10 "38 minutes" "2 minutes"
tokens="$BENCH_WORK/tokens"
seeded_tokens 1 "$SESSIONS" "$TOKENS" >"$tokens"
[ "$(grep -c . "$tokens")" = "$TOKENS" ] || die "expected $TOKENS tokens"
measure_validation "$tokens" "active sessions: $SESSIONS, tokens drawn from $TOKENS of them"
