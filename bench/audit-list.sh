#!/usr/bin/env bash
# Figure 8: one Auth Audit page (GET /api/admin/audit, limit 50) at 1,000,000 audit entries.
#   bench/audit-list.sh                    1,000,000 entries (10,000 users), about 6 minutes
#   ENTRIES=100000 bench/audit-list.sh     a quicker look
# Seeds the entries straight into PostgreSQL (generate_series): a year of history, newest last, with
# the mix a service has (40% logins, 20% logouts, 20% expiries without an address, 15% failures of
# which a third name no account, some lockouts, throttles and terminations, 0.1% role changes), each
# user with four addresses; then VACUUM ANALYZE. Starts Warden (embedded broker, topology off), checks
# that the offset page and the cursor page at depth ENTRIES/2 start at the same entry, and measures,
# with one wrk connection (keep-alive) for DURATION seconds, RUNS times each, the kinds in KINDS:
#   first     the first page (no filter)
#   cursor    the keyset cursor at depth ENTRIES/2
#   user      ?userId= one user (about 100 entries)
#   username  ?username= the same user's name
#   ip        ?ip= one of its addresses (about 20 entries)
#   rare      ?type=ROLE_CHANGED (0.1% of the entries)
#   types     ?type=LOGIN_FAILED&type=ACCOUNT_LOCKED (17%)
#   window    ?from=&to= one hour, half a year ago
#   combo     ?username=&type=LOGIN_FAILED&type=ACCOUNT_LOCKED&from=&to= (one name's failures in a quarter)
# Each run's figure is wrk's median latency; the summary gives the median over the runs and the spread.
# Then EXPLAIN (ANALYZE, BUFFERS) of every statement behind those pages (custom and generic plans),
# and, as the baseline in the same run, the list and count statements the page had before issue 20
# (one statement with catch-all filters, an exact count) for the first page and for type=ROLE_CHANGED.
source "$(dirname "$0")/lib.sh"

ENTRIES="${ENTRIES:-1000000}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10}"
KINDS="${KINDS:-first cursor user username ip rare types window combo}"
GOAL_MS="${GOAL_MS:-20}"
USERS=$((ENTRIES / 100))
DEPTH=$((ENTRIES / 2))

ensure_wrk
ensure_built
fresh_db "warden_bench_audit_$ENTRIES"
start_server WARDEN_STREAMS=off
seed_start=$(date +%s)
say "seeding $ENTRIES audit entries of $USERS users"
sql <<SQL
INSERT INTO audit_entries (id, type, occurred_at, user_id, username, ip_address, user_agent, reason)
SELECT md5('bench-audit-' || i)::uuid, type,
       now() - ($ENTRIES - i) * (interval '365 days' / $ENTRIES),
       CASE WHEN unknown THEN NULL ELSE md5('bench-user-' || u)::uuid END,
       CASE WHEN unknown THEN 'guess' || (i % 50000) ELSE 'bench' || lpad(u::text, 7, '0') END,
       CASE WHEN type = 'SESSION_EXPIRED' THEN NULL
            ELSE '10.' || (u % 200) || '.' || ((u / 200) % 250) || '.' || (i % 4 + 1) END,
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       CASE type WHEN 'ACCOUNT_LOCKED' THEN 'locked until 2026-12-06T12:36:42.900339Z'
                 WHEN 'LOGIN_FAILED' THEN 'wrong password' END
FROM (SELECT i, type, 1 + (hashint4(-i)::bigint + 2147483648) % $USERS AS u, type = 'LOGIN_FAILED' AND i % 3 = 0 AS unknown
      FROM (SELECT i, CASE WHEN r < 400 THEN 'LOGIN_SUCCEEDED' WHEN r < 600 THEN 'LOGOUT'
                           WHEN r < 800 THEN 'SESSION_EXPIRED' WHEN r < 950 THEN 'LOGIN_FAILED'
                           WHEN r < 970 THEN 'ACCOUNT_LOCKED' WHEN r < 980 THEN 'LOGIN_THROTTLED'
                           WHEN r < 995 THEN 'SESSION_TERMINATED' WHEN r < 999 THEN 'PASSWORD_CHANGED'
                           ELSE 'ROLE_CHANGED' END AS type
            FROM (SELECT i, (hashint4(i)::bigint + 2147483648) % 1000 AS r FROM generate_series(1, $ENTRIES) i) g) t) s;
SQL
sql -c "VACUUM ANALYZE audit_entries"
say "seeded in $(( $(date +%s) - seed_start )) s"

as_owner api/admin/audit
iso() { sql -c "SELECT to_char(($1) AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"')"; }

# The user in the middle of the seed, its name and one of its addresses; a window half a year ago.
pick=$((USERS / 2 + 42))
user_id=$(sql -c "SELECT md5('bench-user-' || $pick)::uuid")
user_name=$(printf 'bench%07d' "$pick")
ip=$(sql -c "SELECT ip_address FROM audit_entries WHERE user_id = '$user_id' AND ip_address IS NOT NULL LIMIT 1")
[ -n "$ip" ] || die "no seeded user $pick"
hour_from=$(iso "date_trunc('hour', now() - interval '182 days')")
hour_to=$(iso "date_trunc('hour', now() - interval '182 days') + interval '1 hour'")
quarter_from=$(iso "date_trunc('day', now() - interval '270 days')")
quarter_to=$(iso "date_trunc('day', now() - interval '180 days')")

cursor=$(cursor_at "$DEPTH")
user_total=$(api "limit=1&userId=$user_id" | json_field total)
[ "$(api "limit=1&username=$user_name" | json_field total)" = "$user_total" ] \
  || die "username=$user_name does not find the $user_total entries of its user"

machine_line
echo "audit entries: $ENTRIES seeded (API total: $(api "limit=1" | json_field total)+), users: $USERS, limit 50;" \
     "cursor depth $DEPTH (starts at the offset page's entry); user $user_name ($user_total entries), ip $ip" \
     "($(api "limit=1&ip=$ip" | json_field total)), ROLE_CHANGED $(api "limit=1&type=ROLE_CHANGED" | json_field total);" \
     "window $hour_from..$hour_to, combo $quarter_from..$quarter_to"
declare -A urls=(
  [first]="limit=50"
  [cursor]="limit=50&cursor=$cursor"
  [user]="limit=50&userId=$user_id"
  [username]="limit=50&username=$user_name"
  [ip]="limit=50&ip=$ip"
  [rare]="limit=50&type=ROLE_CHANGED"
  [types]="limit=50&type=LOGIN_FAILED&type=ACCOUNT_LOCKED"
  [window]="limit=50&from=$hour_from&to=$hour_to"
  [combo]="limit=50&username=$user_name&type=LOGIN_FAILED&type=ACCOUNT_LOCKED&from=$quarter_from&to=$quarter_to"
)
measure_pages api/admin/audit "$ENTRIES audit entries"

# ---- the plans ----------------------------------------------------------------------------------
none="from=NULL;to=NULL;beforeAt=NULL;beforeSeq=0;userId=NULL;username=NULL;ipAddress=NULL;types=NULL"
page="limit=50;offset=0;perType=50;cap=10001"
read -r cur_at cur_seq <<<"$(sql -F ' ' -c "SELECT to_char(occurred_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), seq
  FROM audit_entries ORDER BY occurred_at DESC, seq DESC OFFSET $((DEPTH - 1)) LIMIT 1")"
# Later values win (the perl in explain reads them into a hash in order).
after="beforeAt='$cur_at'::timestamptz;beforeSeq=$cur_seq"
types="types='{LOGIN_FAILED,ACCOUNT_LOCKED}'"
combo="username='$user_name';$types;from='$quarter_from'::timestamptz;to='$quarter_to'::timestamptz;beforeAt='$quarter_to'::timestamptz"
{
  explain audit-page-all "$none;$page"
  explain audit-count-all "$none;$page"
  explain audit-page-all "$none;$page;$after"
  explain audit-page-of-user "$none;$page;userId='$user_id'"
  explain audit-count-of-user "$none;$page;userId='$user_id'"
  explain audit-page-named "$none;$page;username='$user_name'"
  explain audit-count-named "$none;$page;username='$user_name'"
  explain audit-page-from-ip "$none;$page;ipAddress='$ip'"
  explain audit-count-from-ip "$none;$page;ipAddress='$ip'"
  explain audit-page-of-types "$none;$page;types='{ROLE_CHANGED}'"
  explain audit-count-of-types "$none;$page;types='{ROLE_CHANGED}'"
  explain audit-page-of-types "$none;$page;$types"
  explain audit-count-of-types "$none;$page;$types"
  explain audit-page-all "$none;$page;from='$hour_from'::timestamptz;beforeAt='$hour_to'::timestamptz"
  explain audit-count-all "$none;$page;from='$hour_from'::timestamptz;to='$hour_to'::timestamptz"
  explain audit-page-named "$none;$page;$combo"
  explain audit-count-named "$none;$page;$combo"
  explain audit-seq-of "id='$(api "limit=1&cursor=$cursor" | first_id)'"
  # The baseline: the page's statements before issue 20 (git show 471cc66:adapters-db/src/main/resources/warden-db-statements.yaml).
  cat <<'SQL'
DEALLOCATE ALL;
PREPARE old_list(uuid, text, int, int) AS SELECT id, type, occurred_at, user_id, username, actor_id, actor_username,
       session_id, ip_address, user_agent, reason FROM audit_entries
  WHERE (CAST($1 AS uuid) IS NULL OR user_id = CAST($1 AS uuid)) AND (CAST($2 AS text) IS NULL OR type = CAST($2 AS text))
  ORDER BY occurred_at DESC, seq DESC LIMIT $3 OFFSET $4;
PREPARE old_count(uuid, text) AS SELECT count(*) AS n FROM audit_entries
  WHERE (CAST($1 AS uuid) IS NULL OR user_id = CAST($1 AS uuid)) AND (CAST($2 AS text) IS NULL OR type = CAST($2 AS text));
SET plan_cache_mode = force_custom_plan;
\echo ----- before issue 20: list, no filter (custom plan, as the work pool plans)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE old_list(NULL, NULL, 50, 0);
\echo ----- before issue 20: count, no filter (custom plan)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE old_count(NULL, NULL);
\echo ----- before issue 20: list, type ROLE_CHANGED (custom plan)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE old_list(NULL, 'ROLE_CHANGED', 50, 0);
\echo ----- before issue 20: count, type ROLE_CHANGED (custom plan)
EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE old_count(NULL, 'ROLE_CHANGED');
RESET plan_cache_mode;
SQL
} | show_plans
