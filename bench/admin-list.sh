#!/usr/bin/env bash
# Figure 2: one page of GET /api/admin/sessions (limit 50) with many active sessions.
#   bench/admin-list.sh                       100,000 sessions (10,000 users x 10)
#   SESSIONS=1000000 bench/admin-list.sh      1,000,000 sessions (100,000 users x 10)
# Seeds the sessions straight into PostgreSQL (generate_series, unique token hashes, activity spread
# over the last 50 minutes, then VACUUM ANALYZE), starts Warden (embedded broker, topology off) and
# measures, with one wrk connection for DURATION seconds, RUNS times each:
#   first10 - the first page with limit 10 (a response under 8 KB: see bench/tcp-nodelay.sh)
#   first  - the first page
#   offset - offset = SESSIONS/2
#   cursor - the keyset cursor at the same depth (nextCursor of the page just before it)
# Then EXPLAIN (ANALYZE, BUFFERS) of the statements behind the page, taken from
# adapters-db/src/main/resources/warden-db-statements.yaml, as custom and as generic plans.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-100000}"
RUNS="${RUNS:-3}"
# At 1M rows a page takes about a second: give each run time for a dozen requests or more.
DURATION="${DURATION:-$(( SESSIONS >= 500000 ? 30 : 10 ))}"
USERS=$((SESSIONS / 10))
DEPTH=$((SESSIONS / 2))
STATEMENTS=adapters-db/src/main/resources/warden-db-statements.yaml

ensure_wrk
ensure_built
fresh_db "warden_bench_list_$SESSIONS"
start_server WARDEN_STREAMS=off
seed_start=$(date +%s)
seed_sessions "$USERS" 10
say "seeded in $(( $(date +%s) - seed_start )) s"

token=$(login owner "$BENCH_OWNER_PASSWORD")
export WARDEN_BENCH_TOKEN="$token"
api() { curl -fsS -H "Authorization: Bearer $token" "$BENCH_BASE/api/admin/sessions?$1"; }
first_id() { sed -n 's/^{"items":\[{"id":"\([^"]*\)".*/\1/p; s/.*"items":\[{"id":"\([^"]*\)".*/\1/p' | head -1; }

total=$(api "limit=1" | sed -n 's/.*"total":\([0-9]*\).*/\1/p')
cursor=$(api "limit=500&offset=$((DEPTH - 500))" | sed -n 's/.*"nextCursor":"\([^"]*\)".*/\1/p')
[ -n "$cursor" ] || die "no nextCursor in the page before depth $DEPTH"
by_offset=$(api "limit=50&offset=$DEPTH" | first_id)
by_cursor=$(api "limit=50&cursor=$cursor" | first_id)
[ -n "$by_offset" ] && [ "$by_offset" = "$by_cursor" ] \
  || die "offset and cursor pages at depth $DEPTH start differently ($by_offset vs $by_cursor)"

machine_line
echo "active sessions: $total (list total), users: $USERS, limit 50, depth $DEPTH; offset and cursor pages start at the same row"
results="$BENCH_WORK/results"
: >"$results"
declare -A urls=(
  [first10]="limit=10"
  [first]="limit=50"
  [offset]="limit=50&offset=$DEPTH"
  [cursor]="limit=50&cursor=$cursor"
)
# Each kind once briefly first: JIT and the server-side prepared statements warm up.
for kind in first10 first offset cursor; do
  wrk -t1 -c1 -d3s --timeout 60s -s bench/get.lua "$BENCH_BASE/api/admin/sessions?${urls[$kind]}" >/dev/null
done
for r in $(seq 1 "$RUNS"); do
  for kind in first10 first offset cursor; do
    line=$(wrk -t1 -c1 -d"${DURATION}s" --timeout 60s -s bench/get.lua "$BENCH_BASE/api/admin/sessions?${urls[$kind]}" | grep '^RESULT')
    echo "run $kind #$r: ${line#RESULT }"
    echo "$kind ${line#RESULT }" >>"$results"
    [ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
      || die "errors (non-2xx or socket errors/timeouts) in the run above"
  done
done

echo
echo "SUMMARY ($SESSIONS sessions; median over $RUNS runs of each run's median latency, [min-max]; one connection)"
for kind in first10 first offset cursor; do
  sel() { awk -v k="$kind" '$1 == k' "$results" | field "$1" | stats; }
  read -r p50 p50min p50max <<<"$(sel p50_ms)"
  read -r p99 _ _ <<<"$(sel p99_ms)"
  read -r req _ _ <<<"$(sel requests)"
  printf '%-7s p50 %7s ms [%s-%s]  p99 %7s ms  (%s requests per run)\n' "$kind" "$p50" "$p50min" "$p50max" "$p99" "$req"
done

# ---- the plans ----------------------------------------------------------------------------------
statement() { # the folded YAML text of one named statement, parameters renamed to $1..$n
  awk -v name="$1" '
    $0 ~ "^    " name ":" { on = 1; next }
    on && (NF == 0 || $0 ~ /^    [a-z-]+:/ || $0 ~ /^    #/) { exit }
    on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS"
}
rename() {
  sed -E 's/:now\b/$1/g; s/:lastActiveAfter\b/$2/g; s/:userId\b/$3/g; s/:ipAddress\b/$4/g; s/:q\b/$5/g;
          s/:cursorAt\b/$6/g; s/:cursorId\b/$7/g; s/:limit\b/$8/g; s/:offset\b/$9/g; s/:batchSize\b/$3/g'
}
list_sql=$(statement session-list-active | rename)
count_sql=$(statement session-count-active | rename)
sweep_sql=$(statement session-lock-expired | rename)
[ -n "$list_sql" ] && [ -n "$count_sql" ] && [ -n "$sweep_sql" ] || die "statements not found in $STATEMENTS"
read -r cur_at cur_id <<<"$(sql -F ' ' -c "SELECT to_char(last_active_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id FROM sessions
  WHERE ended_at IS NULL ORDER BY last_active_at DESC, id DESC OFFSET $((DEPTH - 1)) LIMIT 1")"
plans="$BENCH_WORK/plans.txt"
win="now(), now() - interval '60 minutes'"
explain='EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)'
warm() { # runs a prepared statement six times quietly, so plan_cache_mode=auto has decided
  printf '\\o /dev/null\n'; for _ in 1 2 3 4 5 6; do echo "EXECUTE $1;"; done; printf '\\o\n'
}
sql >"$plans" <<SQL
PREPARE list_active AS $list_sql;
PREPARE count_active AS $count_sql;
PREPARE lock_expired AS $sweep_sql;
\echo ===== custom plans (parameters known at planning: what the first executions on a connection get)
SET plan_cache_mode = force_custom_plan;
\echo ----- list, first page
$explain EXECUTE list_active($win, NULL, NULL, NULL, NULL, NULL, 50, 0);
\echo ----- list, offset $DEPTH
$explain EXECUTE list_active($win, NULL, NULL, NULL, NULL, NULL, 50, $DEPTH);
\echo ----- list, cursor at depth $DEPTH
$explain EXECUTE list_active($win, NULL, NULL, NULL, '$cur_at', '$cur_id', 50, 0);
\echo ----- count (runs with every page, cursor pages included)
$explain EXECUTE count_active($win, NULL, NULL, NULL);
\echo ----- sweeper (session-lock-expired, every WARDEN_SESSION_SWEEP_INTERVAL)
BEGIN;
$explain EXECUTE lock_expired($win, 500);
ROLLBACK;
\echo ===== steady state: plan_cache_mode = auto after six executions (pgjdbc prepares server-side from the 5th use; PostgreSQL may then switch to a generic plan)
SET plan_cache_mode = auto;
DEALLOCATE ALL;
PREPARE list_active AS $list_sql;
PREPARE count_active AS $count_sql;
\echo ----- list, first page
$(warm "list_active($win, NULL, NULL, NULL, NULL, NULL, 50, 0)")
$explain EXECUTE list_active($win, NULL, NULL, NULL, NULL, NULL, 50, 0);
\echo ----- count
$(warm "count_active($win, NULL, NULL, NULL)")
$explain EXECUTE count_active($win, NULL, NULL, NULL);
\echo ===== forced generic plans (plan_cache_mode = force_generic_plan)
SET plan_cache_mode = force_generic_plan;
\echo ----- list, first page
$explain EXECUTE list_active($win, NULL, NULL, NULL, NULL, NULL, 50, 0);
\echo ----- list, cursor at depth $DEPTH
$explain EXECUTE list_active($win, NULL, NULL, NULL, '$cur_at', '$cur_id', 50, 0);
\echo ----- count
$explain EXECUTE count_active($win, NULL, NULL, NULL);
SQL
echo
echo "PLANS (key lines; full plans: BENCH_KEEP_PLANS=path to keep them)"
grep -E '^(=====|-----)|Limit|Scan|Sort|Join|Aggregate|Rows Removed|Execution Time' "$plans" \
  | grep -vE 'Sort Method|Index Cond|Heap Fetches' | sed -E 's/  +/  /g; s/^ *//' | cut -c1-150
[ -z "${BENCH_KEEP_PLANS:-}" ] || cp "$plans" "$BENCH_KEEP_PLANS"
