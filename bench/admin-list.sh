#!/usr/bin/env bash
# Figure 2: one Sessions page (GET /api/admin/sessions, limit 50) with many active sessions.
#   bench/admin-list.sh                       100,000 sessions (10,000 users x 10), about 4 minutes
#   SESSIONS=1000000 bench/admin-list.sh      1,000,000 sessions (100,000 users x 10), about 8 minutes
# Seeds the sessions straight into PostgreSQL (generate_series, unique token hashes, activity spread
# over the last 50 minutes, then VACUUM ANALYZE), starts Warden (embedded broker, topology off) and
# measures, with one wrk connection (keep-alive) for DURATION seconds, RUNS times each, the kinds in
# KINDS (default "first cursor user ip q qcommon"):
#   first    the first page (no filter)
#   cursor   the keyset cursor at depth SESSIONS/2 (nextCursor of the page just before it)
#   user     ?userId= one user (10 sessions)
#   ip       ?ip= one address (about 20 sessions)
#   q        ?q= one user's whole name (contains, case-insensitive: matches that user alone)
#   qcommon  ?q=bench, which every seeded user's name contains
#   offset   offset = SESSIONS/2 (not by default: O(offset), seconds at 1M; the console pages by offset
#            only near the start, API clients should follow nextCursor)
#   SORT-ORDER and SORT-ORDER-cursor (SORT one of lastActiveAt createdAt expiresAt username ipAddress,
#            ORDER asc or desc): the first page in that sort, and its keyset cursor at depth SESSIONS/2.
#            SORT_KINDS=all adds every one of the 20 (default: none; lastActiveAt-desc is "first" and "cursor")
# Each run's figure is wrk's median latency; the summary gives the median over the runs and the
# spread [min-max], with the load average before each run. Then EXPLAIN (ANALYZE, BUFFERS) of every
# statement behind those pages (the counts from warden-db-statements.yaml, the pages as SessionPageSql composes them),
# with a custom plan and with the generic plan PostgreSQL may settle on after five executions.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-100000}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10}"
KINDS="${KINDS:-first cursor user ip q qcommon}"
[ "${SORT_KINDS:-}" != all ] || KINDS="$KINDS $(session_sort_kinds)"
GOAL_MS="${GOAL_MS:-20}"
USERS=$((SESSIONS / 10))
DEPTH=$((SESSIONS / 2))

ensure_wrk
ensure_built
fresh_db "warden_bench_list_$SESSIONS"
start_server WARDEN_STREAMS=off
seed_start=$(date +%s)
seed_sessions "$USERS" 10
say "seeded in $(( $(date +%s) - seed_start )) s"

as_owner api/admin/sessions

session_page_setup "$USERS" "$DEPTH"
machine_line
echo "active sessions: $SESSIONS seeded (API total: $total, totalIsLowerBound: $lower), users: $USERS, limit 50;" \
     "cursor depth $DEPTH (starts at the offset page's row); user $user_name, ip $ip ($ip_sessions sessions)"
measure_pages api/admin/sessions "$SESSIONS sessions"

# ---- the plans ----------------------------------------------------------------------------------
window="now=now();lastActiveAfter=now() - interval '60 minutes';limit=50;offset=0;cap=10001"
# The row at DEPTH in a sort's ascending order: its key (as the cursor carries it) and id.
depth_row() { # depth_row KEY_SQL COMPARE_SQL
  sql -F '|' -c "SELECT $1, s.id FROM sessions s JOIN users u ON u.id = s.user_id
    WHERE s.ended_at IS NULL ORDER BY $2, s.id OFFSET $((DEPTH - 1)) LIMIT 1"
}
declare -A key_sql=([LAST_ACTIVE_AT]=s.last_active_at [CREATED_AT]=s.created_at [EXPIRES_AT]=s.expires_at
                    [USERNAME]=u.username [IP_ADDRESS]=s.ip_address)
declare -A compare_sql=([LAST_ACTIVE_AT]=s.last_active_at [CREATED_AT]=s.created_at [EXPIRES_AT]=s.expires_at
                        [USERNAME]="lower(u.username)" [IP_ADDRESS]="warden_inet(s.ip_address)")
named_users=$(sql -c "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM users WHERE lower(username) LIKE '%$user_name%' LIMIT 1001) u")
{
  for sort in LAST_ACTIVE_AT CREATED_AT EXPIRES_AT USERNAME IP_ADDRESS; do
    IFS='|' read -r key id <<<"$(depth_row "${key_sql[$sort]}" "${compare_sql[$sort]}")"
    case "$sort" in USERNAME|IP_ADDRESS) key="'$key'" ;; *) key="'$key'::timestamptz" ;; esac
    for order in ASC DESC; do
      explain_text "page ALL $sort $order" "$(session_page_sql ALL "$sort" "$order" false)" "$window"
    done
    explain_text "page ALL $sort ASC after the cursor at $DEPTH" "$(session_page_sql ALL "$sort" ASC true)" \
      "$window;cursorKey=$key;cursorId='$id'"
  done
  explain session-count-all "$window"
  explain_text "page USER" "$(session_page_sql USER LAST_ACTIVE_AT DESC false)" \
    "$window;userId='$user_id';network=NULL;q=NULL"
  explain session-count-of-user "$window;userId='$user_id';network=NULL;q=NULL"
  explain_text "page ADDRESS" "$(session_page_sql ADDRESS LAST_ACTIVE_AT DESC false)" "$window;ipAddress='$ip';q=NULL"
  explain session-count-from-ip "$window;ipAddress='$ip';q=NULL"
  explain session-users-named "pattern='%$user_name%';max=1001"
  explain session-users-named "pattern='%bench%';max=1001"
  explain_text "page USERS by name" "$(session_page_sql USERS USERNAME ASC false)" \
    "$window;ids='$named_users';perUser=50"
  explain session-count-of-users "$window;ids='$named_users'"
  explain_text "page NAME_CONTAINS" "$(session_page_sql NAME_CONTAINS LAST_ACTIVE_AT DESC false)" "$window;q='bench'"
  explain_text "page NAME_CONTAINS by address" "$(session_page_sql NAME_CONTAINS IP_ADDRESS ASC false)" "$window;q='bench'"
  for sweep in session-lock-past-expiry session-lock-idle; do
    explain "$sweep" "now=now();lastActiveAfter=now() - interval '60 minutes';batchSize=500" \
      | sed 's/^DEALLOCATE ALL;/BEGIN; DEALLOCATE ALL;/; s/^RESET plan_cache_mode;/RESET plan_cache_mode; ROLLBACK;/'
  done
} | show_plans
