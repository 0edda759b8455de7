#!/usr/bin/env bash
# What-if for the slowest part of the Sessions page: the total (session-count-active), which runs
# with every page, cursor pages included. No server: the schema migration is applied with psql to a
# fresh database, SESSIONS active sessions are seeded (10 per user), and each variant is executed
# as a prepared statement, custom plan and generic plan (the one PostgreSQL switches to after five
# executions), REPEAT times; the median Execution Time of EXPLAIN ANALYZE is printed.
#   bench/count-alternatives.sh             (SESSIONS=100000 REPEAT=5)
#   SESSIONS=1000000 bench/count-alternatives.sh
# Variants (nothing here changes adapters-db; the extra index exists only in the bench database):
#   as-shipped     the statement from warden-db-statements.yaml (joins users for the q filter)
#   no-join        the same count without the join (enough whenever q is absent)
#   no-join+index  the same, with a covering partial index for an index-only scan:
#                  CREATE INDEX ... ON sessions (last_active_at) INCLUDE (expires_at) WHERE ended_at IS NULL
#   capped         no-join, counting at most 10,001 rows ("10,000+" in the UI)
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-100000}"
REPEAT="${REPEAT:-5}"
STATEMENTS=adapters-db/src/main/resources/warden-db-statements.yaml

fresh_db "warden_bench_count_$SESSIONS"
sql -f adapters-db/src/main/resources/db/migration/V1__warden_schema.sql >/dev/null
seed_sessions $((SESSIONS / 10)) 10

shipped=$(awk '$0 ~ "^    session-count-active:" { on = 1; next }
  on && (NF == 0 || $0 ~ /^    [a-z#-]/) { exit } on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS" \
  | sed -E 's/:now\b/$1/g; s/:lastActiveAfter\b/$2/g; s/:userId\b/$3/g; s/:ipAddress\b/$4/g; s/:q\b/$5/g')
[ -n "$shipped" ] || die "session-count-active not found in $STATEMENTS"
nojoin='SELECT count(*) AS n FROM sessions s WHERE s.ended_at IS NULL AND s.expires_at > $1 AND s.last_active_at > $2'
capped='SELECT count(*) AS n FROM (SELECT 1 FROM sessions s WHERE s.ended_at IS NULL AND s.expires_at > $1 AND s.last_active_at > $2 LIMIT 10001) c'
shipped_args="now(), now() - interval '60 minutes', NULL, NULL, NULL"
args="now(), now() - interval '60 minutes'"

measure() { # measure NAME SQL ARGS MODE -> median execution time in ms
  local script
  script=$(printf 'SET plan_cache_mode = %s;\nPREPARE q AS %s;\n' "$4" "$2"
           for _ in $(seq 1 "$REPEAT"); do echo "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q($3);"; done)
  echo "$script" | sql | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' | stats | awk '{printf "%.1f", $1}'
}
plan() { # plan SQL ARGS MODE -> the first lines of the plan
  printf 'SET plan_cache_mode = %s;\nPREPARE q AS %s;\nEXPLAIN (COSTS OFF) EXECUTE q(%s);\n' "$3" "$1" "$2" \
    | sql | grep -E 'Scan|Join|Aggregate|Limit' | sed -E 's/^ *(-> *)?//' | head -4 | paste -sd'|' | sed 's/|/ <- /g'
}

machine_line
echo "active sessions: $(sql -c 'SELECT count(*) FROM sessions WHERE ended_at IS NULL'), median of $REPEAT executions"
row() {
  printf '%-15s %-7s %9s ms   %s\n' "$1" "$4" "$(measure "$1" "$2" "$3" "force_${4}_plan")" "$(plan "$2" "$3" "force_${4}_plan")"
}
for mode in custom generic; do row as-shipped "$shipped" "$shipped_args" "$mode"; done
for mode in custom generic; do row no-join "$nojoin" "$args" "$mode"; done
for mode in custom generic; do row capped "$capped" "$args" "$mode"; done
sql -c "CREATE INDEX sessions_open_activity_expiry ON sessions (last_active_at) INCLUDE (expires_at) WHERE ended_at IS NULL" \
    -c "VACUUM ANALYZE sessions"
for mode in custom generic; do row no-join+index "$nojoin" "$args" "$mode"; done
for mode in custom generic; do row capped+index "$capped" "$args" "$mode"; done
