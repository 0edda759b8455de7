#!/usr/bin/env bash
# The Sessions page's total, the alternatives measured (docs/decisions.md, "Sessions page at a
# million sessions"): it runs with every page, cursor pages included. No server: the migrations are
# applied with psql to a fresh database, SESSIONS active sessions are seeded (10 per user), and each
# variant is executed as a prepared statement, custom plan and generic plan (the one PostgreSQL may
# switch to after five executions), REPEAT times; the median Execution Time of EXPLAIN ANALYZE is printed.
#   bench/count-alternatives.sh             (SESSIONS=100000 REPEAT=5; about 1 minute)
#   SESSIONS=1000000 bench/count-alternatives.sh     (about 4 minutes, most of it seeding)
# Variants (the extra index exists only in the bench database):
#   exact-join     the exact count as it was until issue 11 (joins users for the q filter)
#   exact          the exact count without the join (enough whenever q is absent)
#   exact+index    the same, with a covering partial index for an index-only scan:
#                  CREATE INDEX ... ON sessions (last_active_at) INCLUDE (expires_at) WHERE ended_at IS NULL
#   capped         as shipped: session-count-all, counting at most 10,001 rows ("10,000+")
#   capped+index   the same with that index
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-100000}"
REPEAT="${REPEAT:-5}"
STATEMENTS=adapters-db/src/main/resources/warden-db-statements.yaml

fresh_db "warden_bench_count_$SESSIONS"
for migration in $(ls adapters-db/src/main/resources/db/migration/V*.sql | sort -V); do sql -f "$migration" >/dev/null; done
seed_sessions $((SESSIONS / 10)) 10

capped=$(awk '$0 ~ "^    session-count-all:" { on = 1; next }
  on && (NF == 0 || $0 ~ /^    [a-z#-]/) { exit } on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS" \
  | sed -E 's/:now\b/$1/g; s/:lastActiveAfter\b/$2/g; s/:cap\b/$3/g')
[ -n "$capped" ] || die "session-count-all not found in $STATEMENTS"
joined='SELECT count(*) AS n FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.ended_at IS NULL AND s.expires_at > $1 AND s.last_active_at > $2 AND (CAST($3 AS uuid) IS NULL OR s.user_id = CAST($3 AS uuid)) AND (CAST($4 AS text) IS NULL OR s.ip_address = CAST($4 AS text)) AND (CAST($5 AS text) IS NULL OR strpos(lower(u.username), lower(CAST($5 AS text))) > 0)'
nojoin='SELECT count(*) AS n FROM sessions s WHERE s.ended_at IS NULL AND s.expires_at > $1 AND s.last_active_at > $2'
joined_args="now(), now() - interval '60 minutes', NULL, NULL, NULL"
args="now(), now() - interval '60 minutes'"
capped_args="$args, 10001"

measure() { # measure NAME SQL ARGS MODE -> median execution time in ms [min-max]
  local script
  script=$(printf 'SET plan_cache_mode = %s;\nPREPARE q AS %s;\n' "$4" "$2"
           for _ in $(seq 1 "$REPEAT"); do echo "EXPLAIN (ANALYZE, COSTS OFF) EXECUTE q($3);"; done)
  echo "$script" | sql | sed -n 's/^Execution Time: \([0-9.]*\) ms/\1/p' | stats | awk '{printf "%.1f [%.1f-%.1f]", $1, $2, $3}'
}
plan() { # plan SQL ARGS MODE -> the first lines of the plan
  printf 'SET plan_cache_mode = %s;\nPREPARE q AS %s;\nEXPLAIN (COSTS OFF) EXECUTE q(%s);\n' "$3" "$1" "$2" \
    | sql | grep -E 'Scan|Join|Aggregate|Limit' | sed -E 's/^ *(-> *)?//' | head -4 | paste -sd'|' | sed 's/|/ <- /g'
}

machine_line
echo "SUMMARY active sessions: $(sql -c 'SELECT count(*) FROM sessions WHERE ended_at IS NULL'), median [min-max] of $REPEAT executions"
row() {
  printf '%-15s %-7s %21s ms   %s\n' "$1" "$4" "$(measure "$1" "$2" "$3" "force_${4}_plan")" "$(plan "$2" "$3" "force_${4}_plan")"
}
for mode in custom generic; do row exact-join "$joined" "$joined_args" "$mode"; done
for mode in custom generic; do row exact "$nojoin" "$args" "$mode"; done
for mode in custom generic; do row capped "$capped" "$capped_args" "$mode"; done
sql -c "CREATE INDEX sessions_open_activity_expiry ON sessions (last_active_at) INCLUDE (expires_at) WHERE ended_at IS NULL" \
    -c "VACUUM ANALYZE sessions"
for mode in custom generic; do row exact+index "$nojoin" "$args" "$mode"; done
for mode in custom generic; do row capped+index "$capped" "$capped_args" "$mode"; done
