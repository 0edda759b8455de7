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
# Each run's figure is wrk's median latency; the summary gives the median over the runs and the
# spread [min-max], with the load average before each run. Then EXPLAIN (ANALYZE, BUFFERS) of every
# statement behind those pages, taken from adapters-db/src/main/resources/warden-db-statements.yaml,
# with a custom plan and with the generic plan PostgreSQL may settle on after five executions.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-100000}"
RUNS="${RUNS:-3}"
DURATION="${DURATION:-10}"
KINDS="${KINDS:-first cursor user ip q qcommon}"
GOAL_MS="${GOAL_MS:-20}"
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
json_field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p"; }

# The user in the middle of the seed, one of its addresses, and its name.
pick=$((USERS / 2 + 42))
user_id=$(sql -c "SELECT md5('bench-user-' || $pick)::uuid")
user_name=$(sql -c "SELECT username FROM users WHERE id = '$user_id'")
ip=$(sql -c "SELECT ip_address FROM sessions WHERE user_id = '$user_id' AND ended_at IS NULL LIMIT 1")
ip_sessions=$(sql -c "SELECT count(*) FROM sessions WHERE ip_address = '$ip' AND ended_at IS NULL")
[ -n "$user_name" ] && [ -n "$ip" ] || die "no seeded user $pick"

page=$(api "limit=1")
total=$(echo "$page" | json_field total)
lower=$(echo "$page" | json_field totalIsLowerBound)
cursor=$(api "limit=500&offset=$((DEPTH - 500))" | json_field nextCursor)
[ -n "$cursor" ] || die "no nextCursor in the page before depth $DEPTH"
by_offset=$(api "limit=50&offset=$DEPTH" | first_id)
by_cursor=$(api "limit=50&cursor=$cursor" | first_id)
[ -n "$by_offset" ] && [ "$by_offset" = "$by_cursor" ] \
  || die "offset and cursor pages at depth $DEPTH start differently ($by_offset vs $by_cursor)"
[ "$(api "limit=50&q=$user_name" | json_field total)" = 10 ] || die "q=$user_name does not find its 10 sessions"

machine_line
echo "active sessions: $SESSIONS seeded (API total: $total, totalIsLowerBound: $lower), users: $USERS, limit 50;" \
     "cursor depth $DEPTH (starts at the offset page's row); user $user_name, ip $ip ($ip_sessions sessions)"
declare -A urls=(
  [first]="limit=50"
  [cursor]="limit=50&cursor=$cursor"
  [user]="limit=50&userId=$user_id"
  [ip]="limit=50&ip=$ip"
  [q]="limit=50&q=$user_name"
  [qcommon]="limit=50&q=bench"
  [offset]="limit=50&offset=$DEPTH"
)
results="$BENCH_WORK/results"
: >"$results"
# Each kind once briefly first: JIT, and the server-side prepared statements (pgjdbc prepares from
# a statement's 5th use on a connection; PostgreSQL may then switch to a generic plan).
for kind in $KINDS; do
  [ -n "${urls[$kind]:-}" ] || die "unknown kind $kind (KINDS=\"$KINDS\")"
  wrk -t1 -c1 -d3s --timeout 60s -s bench/get.lua "$BENCH_BASE/api/admin/sessions?${urls[$kind]}" >/dev/null
done
for r in $(seq 1 "$RUNS"); do
  for kind in $KINDS; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    line=$(wrk -t1 -c1 -d"${DURATION}s" --timeout 60s -s bench/get.lua "$BENCH_BASE/api/admin/sessions?${urls[$kind]}" | grep '^RESULT')
    echo "run $kind #$r (load $load): ${line#RESULT }"
    echo "$kind ${line#RESULT } load=$load" >>"$results"
    [ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
      || die "errors (non-2xx or socket errors/timeouts) in the run above"
  done
done

echo
echo "SUMMARY ($SESSIONS sessions; one connection; median over $RUNS runs of each run's median latency [min-max]; goal p50 <= $GOAL_MS ms)"
for kind in $KINDS; do
  sel() { awk -v k="$kind" '$1 == k' "$results" | field "$1" | stats; }
  read -r p50 p50min p50max <<<"$(sel p50_ms)"
  read -r p99 _ _ <<<"$(sel p99_ms)"
  read -r req _ _ <<<"$(sel requests)"
  read -r _ lmin lmax <<<"$(sel load)"
  verdict=$(awk -v p="$p50" -v g="$GOAL_MS" 'BEGIN { print (p <= g) ? "meets" : "MISSES" }')
  printf '%-8s p50 %8s ms [%s-%s]  p99 %8s ms  %6s requests/run  load %s-%s  %s the goal\n' \
    "$kind" "$p50" "$p50min" "$p50max" "$p99" "$req" "$lmin" "$lmax" "$verdict"
done

# ---- the plans ----------------------------------------------------------------------------------
statement() { # the folded YAML text of one named statement
  awk -v name="$1" '
    $0 ~ "^    " name ":" { on = 1; next }
    on && (NF == 0 || $0 ~ /^    [a-z-]+:/ || $0 ~ /^    #/) { exit }
    on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS"
}
# explain NAME "name=SQL value;..." -> PREPAREs the statement ($1.. in order of first use) and
# EXPLAINs an EXECUTE with those values, as a custom plan and as a generic plan.
explain() {
  local text values; text=$(statement "$1"); values="$2"
  [ -n "$text" ] || die "statement $1 not found in $STATEMENTS"
  perl -e '
    my ($name, $sql, $spec) = @ARGV;
    my %v = map { my ($k, $x) = split /=/, $_, 2; ($k, $x) } grep { length } split /;/, $spec;
    my (@names, %at);
    $sql =~ s{:([A-Za-z][A-Za-z0-9]*)}{ unless (exists $at{$1}) { push @names, $1; $at{$1} = scalar @names; } "\$$at{$1}" }ge;
    my @args = map { exists $v{$_} ? $v{$_} : die "no value for :$_ in $name\n" } @names;
    my $exec = "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) EXECUTE s(" . join(", ", @args) . ");";
    print "DEALLOCATE ALL;\nPREPARE s AS $sql;\n";
    for my $mode ("custom", "generic") {
      print "SET plan_cache_mode = force_${mode}_plan;\n\\echo ----- $name ($mode plan)\n$exec\n";
    }
    print "RESET plan_cache_mode;\n";' "$1" "$text" "$values"
}
window="now=now();lastActiveAfter=now() - interval '60 minutes';limit=50;offset=0;cap=10001"
read -r cur_at cur_id <<<"$(sql -F ' ' -c "SELECT to_char(last_active_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"'), id FROM sessions
  WHERE ended_at IS NULL ORDER BY last_active_at DESC, id DESC OFFSET $((DEPTH - 1)) LIMIT 1")"
cursor_values="cursorAt='$cur_at'::timestamptz;cursorId='$cur_id'::uuid"
no_cursor="cursorAt=NULL;cursorId=NULL"
named_users=$(sql -c "SELECT '{' || string_agg(id::text, ',') || '}' FROM (SELECT id FROM users WHERE lower(username) LIKE '%$user_name%' LIMIT 1001) u")
plans="$BENCH_WORK/plans.txt"
{
  explain session-page-all "$window"
  explain session-page-all-after "$window;$cursor_values"
  explain session-count-all "$window"
  explain session-page-of-user "$window;$no_cursor;userId='$user_id';ipAddress=NULL;q=NULL"
  explain session-count-of-user "$window;userId='$user_id';ipAddress=NULL;q=NULL"
  explain session-page-from-ip "$window;$no_cursor;ipAddress='$ip';q=NULL"
  explain session-count-from-ip "$window;ipAddress='$ip';q=NULL"
  explain session-users-named "pattern='%$user_name%';max=1001"
  explain session-users-named "pattern='%bench%';max=1001"
  explain session-page-of-users "$window;$no_cursor;ids='$named_users';perUser=50"
  explain session-count-of-users "$window;ids='$named_users'"
  explain session-page-named "$window;q='bench'"
  explain session-page-named-after "$window;$cursor_values;q='bench'"
  explain session-lock-expired "now=now();lastActiveAfter=now() - interval '60 minutes';batchSize=500" \
    | sed 's/^DEALLOCATE ALL;/BEGIN; DEALLOCATE ALL;/; s/^RESET plan_cache_mode;/RESET plan_cache_mode; ROLLBACK;/'
} | sql >"$plans" 2>&1 || { cat "$plans" >&2; die "EXPLAIN failed"; }
echo
echo "PLANS (key lines; all of them: BENCH_KEEP_PLANS=path)"
grep -E '^-----|Limit|Scan|Sort|Join|Nested|Aggregate|Rows Removed|Execution Time' "$plans" \
  | grep -vE 'Sort Method|Sort Key|Index Cond|Heap Fetches|Recheck' | sed -E 's/  +/  /g; s/^ *//' | cut -c1-150
[ -z "${BENCH_KEEP_PLANS:-}" ] || cp "$plans" "$BENCH_KEEP_PLANS"
