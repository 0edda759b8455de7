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
say "seeding $USERS users x 10 sessions with known tokens"
sql <<SQL
INSERT INTO users (id, username, password_hash, role, status, failed_attempts, created_at)
SELECT md5('bench-user-' || u)::uuid, 'bench' || lpad(u::text, 7, '0'),
       '\$argon2id\$v=19\$m=19456,t=2,p=1\$YmVuY2gtc2VlZA\$bm90LWEtcmVhbC1oYXNoLWZvci1iZW5jaA',
       'USER', 'ACTIVE', 0, now() - interval '30 days'
FROM generate_series(1, $USERS) u;
CREATE FUNCTION pg_temp.b64url(b bytea) RETURNS text LANGUAGE sql IMMUTABLE
    AS \$\$ SELECT rtrim(translate(encode(b, 'base64'), '+/', '-_'), '=') \$\$;
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT md5('bench-session-' || i)::uuid, md5('bench-user-' || ((i - 1) / 10 + 1))::uuid,
       pg_temp.b64url(sha256(('session:' || pg_temp.b64url(sha256(('bench-token-' || i)::bytea)))::bytea)),
       '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0',
       now() - interval '5 hours', now() - interval '2 minutes' - random() * interval '38 minutes',
       now() + interval '19 hours'
FROM generate_series(1, $SESSIONS) i;
SQL
sql -c "VACUUM ANALYZE users" -c "VACUUM ANALYZE sessions"
tokens="$BENCH_WORK/tokens"
sql -c "SELECT rtrim(translate(encode(sha256(('bench-token-' || i)::bytea), 'base64'), '+/', '-_'), '=')
        FROM generate_series(1, $SESSIONS) i ORDER BY random() LIMIT $TOKENS" >"$tokens"
[ "$(grep -c . "$tokens")" = "$TOKENS" ] || die "expected $TOKENS tokens"
export WARDEN_BENCH_TOKENS="$tokens"
WARDEN_BENCH_TOKEN="$(head -1 "$tokens")"
export WARDEN_BENCH_TOKEN
curl -fsS -o /dev/null -H "Authorization: Bearer $WARDEN_BENCH_TOKEN" "$BENCH_BASE/api/auth/session" \
  || die "a seeded token does not validate"

updates() { sql -c "SELECT n_tup_upd FROM pg_stat_user_tables WHERE relname = 'sessions'"; }
commits() { sql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }

say "warm-up: 5 s of each"
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/get.lua "$BENCH_BASE/api/bench-ceiling" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/validate.lua "$BENCH_BASE/api/auth/session" >/dev/null
sleep 12

machine_line
echo "active sessions: $SESSIONS, tokens drawn from $TOKENS of them, $CONNECTIONS connections, $DURATION s runs, wrk -t2"
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/get.lua "$BENCH_BASE/api/bench-ceiling" | grep '^RESULT')
  echo "run ceiling #$r: ${line#RESULT }"
  echo "ceiling ${line#RESULT }" >>"$results"
  before=$(updates); commits_before=$(commits)
  line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/validate.lua "$BENCH_BASE/api/auth/session" | grep '^RESULT')
  sleep 12   # PostgreSQL flushes a busy backend's statistics at most every second, an idle one's ~10 s later
  writes=$(( $(updates) - before )); txns=$(( $(commits) - commits_before ))
  echo "run validation #$r: ${line#RESULT } last_active_rows=$writes commits=$txns"
  echo "validation ${line#RESULT } rows=$writes commits=$txns" >>"$results"
  [ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
    || die "errors (non-2xx or socket errors/timeouts) in the run above"
done

echo
sel() { awk -v k="$1" '$1 == k' "$results" | field "$2" | stats; }
read -r c_rps c_min c_max <<<"$(sel ceiling rps)"
read -r v_rps v_min v_max <<<"$(sel validation rps)"
read -r v_p99 _ _ <<<"$(sel validation p99_ms)"
read -r rows _ _ <<<"$(sel validation rows)"
read -r txns _ _ <<<"$(sel validation commits)"
read -r reqs _ _ <<<"$(sel validation requests)"
echo "SUMMARY (median over $RUNS runs [min-max])"
printf 'HTTP ceiling (404)  %7.0f req/s [%s-%s]\n' "$c_rps" "$c_min" "$c_max"
printf 'validation          %7.0f req/s [%s-%s]  p99 %s ms  last-active rows %s, commits %s per %s validations\n' \
  "$v_rps" "$v_min" "$v_max" "$v_p99" "$rows" "$txns" "$reqs"
awk -v v="$v_rps" -v c="$c_rps" 'BEGIN { printf "validation / ceiling: %.2f (goal >= 0.5)\n", v / c }'
