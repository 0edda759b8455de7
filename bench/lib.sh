# Shared helpers for the bench/*.sh scripts (sourced, not run). Each script is self-contained:
# it builds if needed, creates its own database, starts what it needs, and stops all of it on exit.
# Loopback only; every load loop is bounded in time.

set -euo pipefail

BENCH_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$BENCH_ROOT"

export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export PGHOST="${PGHOST:-127.0.0.1}" PGPORT="${PGPORT:-5432}" PGUSER="${PGUSER:-postgres}"

BENCH_HTTP_PORT="${BENCH_HTTP_PORT:-18080}"
BENCH_BASE="http://127.0.0.1:$BENCH_HTTP_PORT"
BENCH_OWNER_PASSWORD="Quiet-Lake-Bench-2026!"
BENCH_WORK="$(mktemp -d /tmp/warden-bench.XXXXXX)"
BENCH_SERVER_PID=""

say() { echo "[bench] $*" >&2; }
die() { echo "[bench] error: $*" >&2; exit 1; }

stop_server() { # stops the server start_server started (scripts that run several in turn)
  if [ -n "$BENCH_SERVER_PID" ] && kill -0 "$BENCH_SERVER_PID" 2>/dev/null; then
    kill "$BENCH_SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$BENCH_SERVER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$BENCH_SERVER_PID" 2>/dev/null || true
  fi
  BENCH_SERVER_PID=""
}

bench_cleanup() {
  stop_server
  if [ -n "${BENCH_DB:-}" ] && [ "${BENCH_KEEP_DB:-0}" != 1 ]; then
    dropdb --if-exists "$BENCH_DB" >/dev/null 2>&1 || true
  fi
  if [ "${BENCH_KEEP_WORK:-0}" = 1 ]; then say "kept $BENCH_WORK"; else rm -rf "$BENCH_WORK"; fi
}
trap bench_cleanup EXIT
trap 'exit 130' INT TERM

# ---- build ------------------------------------------------------------------------------------
ensure_built() {
  if [ ! -f bootstrap/target/warden.jar ]; then
    say "building (mvn -o -DskipTests package)"
    mvn -B -o -q -DskipTests package >&2 || mvn -B -q -DskipTests package >&2
  fi
}

# The test classpath of bootstrap (kafka-clients, jackson-databind, ...), cached per build.
bootstrap_test_classpath() {
  local cache=bootstrap/target/bench-test-classpath.txt
  if [ ! -s "$cache" ] || [ bootstrap/pom.xml -nt "$cache" ]; then
    mvn -B -o -q -f bootstrap/pom.xml dependency:build-classpath \
        -Dmdep.outputFile="$PWD/$cache" -Dmdep.includeScope=test >&2 2>/dev/null \
      || mvn -B -q -f bootstrap/pom.xml dependency:build-classpath \
        -Dmdep.outputFile="$PWD/$cache" -Dmdep.includeScope=test >&2
  fi
  cat "$cache"
}

# The server's classpath: the jar and its libs, plus any Kafka-client or Jackson jar the libs folder
# lacks. A guard: for a while on 2026-11-26 bootstrap/pom.xml scoped kafka-clients and
# jackson-databind "test", libs/ lacked them and `java -jar` died with NoClassDefFoundError.
# BENCH_SERVER_CP replaces it all, to compare another build (a copy of an earlier target/) side by side.
server_classpath() {
  if [ -n "${BENCH_SERVER_CP:-}" ]; then echo "$BENCH_SERVER_CP"; return 0; fi
  # The embedded broker is dev tooling: its jar (manifest -> dev-kafka/target/libs) joins the class path.
  local cp="bootstrap/target/warden.jar:bootstrap/target/libs/*:dev-kafka/target/warden-dev-kafka.jar" jar
  for jar in $(bootstrap_test_classpath | tr ':' '\n' \
      | grep -E '/(kafka-clients|jackson-databind|zstd-jni|lz4-java|snappy-java)-[0-9][^/]*\.jar$' \
      | grep -v '/tools/jackson/'); do
    [ -e "bootstrap/target/libs/$(basename "$jar")" ] || cp="$cp:$jar"
  done
  echo "$cp"
}

# ---- PostgreSQL -------------------------------------------------------------------------------
require_postgres() {
  psql -d postgres -Atqc 'SELECT 1' >/dev/null 2>&1 || die "PostgreSQL is not reachable at $PGHOST:$PGPORT"
}

fresh_db() { # fresh_db NAME: a dedicated, empty database (dropped again on exit)
  BENCH_DB="$1"
  require_postgres
  dropdb --if-exists "$BENCH_DB" >/dev/null 2>&1
  createdb "$BENCH_DB"
}

sql() { psql -d "$BENCH_DB" -v ON_ERROR_STOP=1 -Atq "$@"; }

# ---- the server -------------------------------------------------------------------------------
# start_server [VAR=value ...]: starts Warden against $BENCH_DB, waits for /observe/health.
start_server() {
  (exec 3<>"/dev/tcp/127.0.0.1/$BENCH_HTTP_PORT") 2>/dev/null \
    && die "port $BENCH_HTTP_PORT is in use; set BENCH_HTTP_PORT"
  local cp; cp="$(server_classpath)"
  say "starting Warden on $BENCH_BASE (db $BENCH_DB, log $BENCH_WORK/server.log)"
  env WARDEN_HTTP_HOST=127.0.0.1 WARDEN_HTTP_PORT="$BENCH_HTTP_PORT" \
      WARDEN_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB${BENCH_DB_URL_PARAMS:-}" WARDEN_DB_USER="$PGUSER" \
      WARDEN_OWNER_PASSWORD="$BENCH_OWNER_PASSWORD" WARDEN_KAFKA_BOOTSTRAP=embedded \
      "$@" \
      java ${BENCH_SERVER_JAVA_OPTS:-} -cp "$cp" dev.warden.bootstrap.Main --dev >"$BENCH_WORK/server.log" 2>&1 &
  BENCH_SERVER_PID=$!
  for _ in $(seq 1 240); do
    if curl -fsS -o /dev/null "$BENCH_BASE/observe/health" 2>/dev/null; then return 0; fi
    kill -0 "$BENCH_SERVER_PID" 2>/dev/null || { tail -20 "$BENCH_WORK/server.log" >&2; die "server exited"; }
    sleep 0.5
  done
  tail -20 "$BENCH_WORK/server.log" >&2
  die "server not healthy after 120 s"
}

login() { # login USER PASSWORD -> prints the token
  local body
  body=$(curl -fsS -X POST "$BENCH_BASE/api/auth/login" -H 'Content-Type: application/json' \
         -d "{\"username\":\"$1\",\"password\":\"$2\"}") || die "login of $1 failed"
  echo "$body" | sed -n 's/.*"token":"\([^"]*\)".*/\1/p'
}

create_user() { # create_user ADMIN_TOKEN NAME PASSWORD
  curl -fsS -o /dev/null -X POST "$BENCH_BASE/api/admin/users" -H "Authorization: Bearer $1" \
       -H 'Content-Type: application/json' -d "{\"username\":\"$2\",\"password\":\"$3\",\"role\":\"USER\"}" \
    || die "creating user $2 failed"
}

# ---- seeding ----------------------------------------------------------------------------------
# seed_sessions USERS PER_USER [WINDOW] [AGE] [CREATED_SPREAD]: USERS accounts with PER_USER active
# sessions each, straight in SQL. Session i's token (seeded_tokens prints them) is the base64url SHA-256 of
# "bench-token-i", stored as its hash like any token (SessionToken: SHA-256 of "session:" + token),
# so a bench can validate any seeded session. Activity is spread over WINDOW (default the last 50
# minutes, inside the 60-minute idle timeout) ending AGE ago (default 0), creation up to
# CREATED_SPREAD (default 22 h) before that (inside the 24 h lifetime); then VACUUM ANALYZE.
# Rows go in in random order, or in login order with BENCH_SEED_ORDER=login (as logins insert them:
# the creation and expiry indexes then fill their pages as they do in production).
seed_sessions() {
  local users="$1" per="$2" window="${3:-50 minutes}" age="${4:-0 seconds}" spread="${5:-22 hours}"
  local order=""
  [ "${BENCH_SEED_ORDER:-random}" = login ] && order="ORDER BY created"
  say "seeding $users users x $per sessions = $((users * per)) active sessions"
  sql <<SQL
INSERT INTO users (id, username, password_hash, role, status, failed_attempts, created_at)
SELECT md5('bench-user-' || u)::uuid, 'bench' || lpad(u::text, 7, '0'),
       '\$argon2id\$v=19\$m=19456,t=2,p=1\$YmVuY2gtc2VlZA\$bm90LWEtcmVhbC1oYXNoLWZvci1iZW5jaA',
       'USER', 'ACTIVE', 0, now() - interval '30 days'
FROM generate_series(1, $users) u;

CREATE FUNCTION pg_temp.b64url(b bytea) RETURNS text LANGUAGE sql IMMUTABLE
    AS \$\$ SELECT rtrim(translate(encode(b, 'base64'), '+/', '-_'), '=') \$\$;
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT md5('bench-session-' || i)::uuid,
       md5('bench-user-' || ((i - 1) / $per + 1))::uuid,
       pg_temp.b64url(sha256(('session:' || pg_temp.b64url(sha256(('bench-token-' || i)::bytea)))::bytea)),
       '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       created, la, created + interval '24 hours'
FROM (SELECT i, la, la - random() * interval '$spread' AS created
      FROM (SELECT i, now() - interval '$age' - random() * interval '$window' AS la
            FROM generate_series(1, $users * $per) i) a) s $order;
SQL
  sql -c "VACUUM ANALYZE users" -c "VACUUM ANALYZE sessions"
}

# seeded_tokens FROM TO [COUNT]: the bearer tokens of seeded sessions FROM..TO (seed_sessions,
# bench/validation-spread.sh), COUNT of them drawn at random (default all, in random order).
seeded_tokens() {
  sql -c "SELECT rtrim(translate(encode(sha256(('bench-token-' || i)::bytea), 'base64'), '+/', '-_'), '=')
          FROM generate_series($1, $2) i ORDER BY random() LIMIT ${3:-ALL}"
}

# ---- a list page as the owner (bench/admin-list.sh, bench/audit-list.sh) -----------------------
# as_owner PATH: logs the owner in (the token in WARDEN_BENCH_TOKEN, for bench/get.lua); then
# `api QUERY` GETs $BENCH_BASE/PATH?QUERY, `json_field NAME` reads a field of an answer, `first_id`
# its first item's id.
as_owner() {
  BENCH_LIST_PATH="$1"
  WARDEN_BENCH_TOKEN=$(login owner "$BENCH_OWNER_PASSWORD")
  export WARDEN_BENCH_TOKEN
}
api() { curl -fsS -H "Authorization: Bearer $WARDEN_BENCH_TOKEN" "$BENCH_BASE/$BENCH_LIST_PATH?$1"; }
first_id() { sed -n 's/^{"items":\[{"id":"\([^"]*\)".*/\1/p; s/.*"items":\[{"id":"\([^"]*\)".*/\1/p' | head -1; }
json_field() { sed -n "s/.*\"$1\":\"\\{0,1\\}\\([^\",}]*\\).*/\\1/p"; }

# cursor_at DEPTH [&sort=..&order=..]: prints the nextCursor that continues at item DEPTH (in that
# sort), once the offset page and the cursor page there start with the same item.
cursor_at() {
  local depth="$1" extra="${2:-}" cursor by_offset by_cursor
  cursor=$(api "limit=500&offset=$((depth - 500))$extra" | json_field nextCursor)
  [ -n "$cursor" ] || die "no nextCursor in the page before depth $depth"
  by_offset=$(api "limit=50&offset=$depth$extra" | first_id)
  by_cursor=$(api "limit=50&cursor=$cursor$extra" | first_id)
  [ -n "$by_offset" ] && [ "$by_offset" = "$by_cursor" ] \
    || die "offset and cursor pages at depth $depth start differently ($by_offset vs $by_cursor)"
  echo "$cursor"
}

# ---- the Sessions page's kinds (bench/admin-list.sh, bench/scale-run.sh) -----------------------
# session_sort_kinds: the 20 sorted kinds, SORT-ORDER and SORT-ORDER-cursor for every sort and order.
session_sort_kinds() {
  local sort order
  for sort in lastActiveAt createdAt expiresAt username ipAddress; do
    for order in asc desc; do printf '%s ' "$sort-$order" "$sort-$order-cursor"; done
  done
}

# session_page_setup USERS DEPTH: after as_owner api/admin/sessions on a seed_sessions seed, picks the
# user in the middle of the seed (user_id, user_name), one of its addresses (ip, ip_sessions), reads
# the page's total (total, lower), and fills the global array urls with the query of every kind in
# $KINDS (bench/admin-list.sh lists them); cursors continue at item DEPTH.
session_page_setup() {
  local users="$1" depth="$2" pick page kind sorted
  pick=$((users / 2 + 42))
  user_id=$(sql -c "SELECT md5('bench-user-' || $pick)::uuid")
  user_name=$(sql -c "SELECT username FROM users WHERE id = '$user_id'")
  ip=$(sql -c "SELECT ip_address FROM sessions WHERE user_id = '$user_id' AND ended_at IS NULL LIMIT 1")
  ip_sessions=$(sql -c "SELECT count(*) FROM sessions WHERE warden_inet(ip_address) = warden_inet('$ip') AND ip_address = '$ip' AND ended_at IS NULL")
  [ -n "$user_name" ] && [ -n "$ip" ] || die "no seeded user $pick"

  page=$(api "limit=1")
  total=$(echo "$page" | json_field total)
  lower=$(echo "$page" | json_field totalIsLowerBound)
  cursor=$(cursor_at "$depth")
  [ "$(api "limit=50&q=$user_name" | json_field total)" = 10 ] || die "q=$user_name does not find its 10 sessions"

  declare -gA urls=(
    [first]="limit=50"
    [cursor]="limit=50&cursor=$cursor"
    [user]="limit=50&userId=$user_id"
    [ip]="limit=50&ip=$ip"
    [q]="limit=50&q=$user_name"
    [qcommon]="limit=50&q=bench"
    [offset]="limit=50&offset=$depth"
  )
  for kind in $KINDS; do
    if [[ "$kind" =~ ^([a-zA-Z]+)-(asc|desc)(-cursor)?$ ]]; then
      sorted="&sort=${BASH_REMATCH[1]}&order=${BASH_REMATCH[2]}"
      if [ -n "${BASH_REMATCH[3]}" ]; then
        urls[$kind]="limit=50$sorted&cursor=$(cursor_at "$depth" "$sorted")"
      else
        urls[$kind]="limit=50$sorted"
      fi
    fi
  done
}

# ---- one list page under load (bench/admin-list.sh, bench/audit-list.sh) -----------------------
# measure_pages PATH WHAT: for each kind in $KINDS, GET $BENCH_BASE/PATH?${urls[kind]} (the caller
# declares the associative array urls) with one wrk connection (keep-alive) for $DURATION seconds,
# $RUNS times, after a brief warm-up of each; prints every run and a SUMMARY against $GOAL_MS.
measure_pages() {
  local path="$1" what="$2" results="$BENCH_WORK/results" kind r load line p50 p50min p50max p99 req lmin lmax verdict
  : >"$results"
  # Each kind once briefly first: JIT, and the server-side prepared statements (pgjdbc prepares from
  # a statement's 5th use on a connection; PostgreSQL may then switch to a generic plan).
  for kind in $KINDS; do
    [ -n "${urls[$kind]:-}" ] || die "unknown kind $kind (KINDS=\"$KINDS\")"
    wrk -t1 -c1 -d3s --timeout 60s -s bench/get.lua "$BENCH_BASE/$path?${urls[$kind]}" >/dev/null
  done
  for r in $(seq 1 "$RUNS"); do
    for kind in $KINDS; do
      load=$(cut -d' ' -f1 /proc/loadavg)
      line=$(wrk -t1 -c1 -d"${DURATION}s" --timeout 60s -s bench/get.lua "$BENCH_BASE/$path?${urls[$kind]}" | grep '^RESULT')
      echo "run $kind #$r (load $load): ${line#RESULT }"
      echo "$kind ${line#RESULT } load=$load" >>"$results"
      [ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
        || die "errors (non-2xx or socket errors/timeouts) in the run above"
    done
  done

  echo
  echo "SUMMARY ($what; one connection; median over $RUNS runs of each run's median latency [min-max]; goal p50 <= $GOAL_MS ms)"
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
}

# ---- validation spread over many sessions (bench/validation-spread.sh, bench/scale-run.sh) ------
# measure_validation TOKENS_FILE DESCRIPTION: wrk walks the file's tokens (bench/validate.lua, each
# thread from its own random start). Per run ($RUNS, each $DURATION s at $CONNECTIONS connections):
# the HTTP ceiling (an unknown /api path: 404 without the database), then validation; the last-active
# rows written (pg_stat_user_tables.n_tup_upd) and the database's commits (pg_stat_database.xact_commit)
# during the validation run. Prints every run and a SUMMARY; sets CEILING_RPS, VALIDATION_RPS,
# VALIDATION_RATIO (goal >= 0.5) and VALIDATION_P99.
measure_validation() {
  local tokens="$1" description="$2" results="$BENCH_WORK/validation-results" r line before commits_before writes txns
  local c_min c_max v_min v_max rows reqs
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
  echo "$description, $CONNECTIONS connections, $DURATION s runs, wrk -t2"
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
  vsel() { awk -v k="$1" '$1 == k' "$results" | field "$2" | stats; }
  read -r CEILING_RPS c_min c_max <<<"$(vsel ceiling rps)"
  read -r VALIDATION_RPS v_min v_max <<<"$(vsel validation rps)"
  read -r VALIDATION_P99 _ _ <<<"$(vsel validation p99_ms)"
  read -r rows _ _ <<<"$(vsel validation rows)"
  read -r txns _ _ <<<"$(vsel validation commits)"
  read -r reqs _ _ <<<"$(vsel validation requests)"
  VALIDATION_RATIO=$(awk -v v="$VALIDATION_RPS" -v c="$CEILING_RPS" 'BEGIN { printf "%.2f", v / c }')
  echo "SUMMARY (median over $RUNS runs [min-max])"
  printf 'HTTP ceiling (404)  %7.0f req/s [%s-%s]\n' "$CEILING_RPS" "$c_min" "$c_max"
  printf 'validation          %7.0f req/s [%s-%s]  p99 %s ms  last-active rows %s, commits %s per %s validations\n' \
    "$VALIDATION_RPS" "$v_min" "$v_max" "$VALIDATION_P99" "$rows" "$txns" "$reqs"
  echo "validation / ceiling: $VALIDATION_RATIO (goal >= 0.5)"
}

# ---- the expiry sweep with a backlog (bench/sweep-backlog.sh, bench/scale-run.sh) --------------
# make_sweep_backlog PERCENT PAST_EXPIRY IDLE: of the open sessions, PERCENT idle out (last active 2 to
# 3 hours past the idle timeout IDLE, e.g. "60 minutes": a Monday morning after a long weekend), and
# PAST_EXPIRY others pass their absolute expiry while active; then VACUUM ANALYZE.
make_sweep_backlog() {
  local percent="$1" past="$2" idle="$3"
  say "making the backlog: $percent% idle past $idle, $past past their absolute expiry"
  sql <<SQL
UPDATE sessions SET last_active_at = now() - interval '$idle' - interval '2 hours' - random() * interval '1 hour',
                    created_at = now() - interval '$idle' - interval '4 hours'
WHERE ended_at IS NULL AND random() < $percent / 100.0;
UPDATE sessions SET created_at = now() - interval '25 hours', last_active_at = now() - interval '2 minutes',
                    expires_at = now() - interval '1 hour'
WHERE id IN (SELECT id FROM sessions WHERE ended_at IS NULL AND last_active_at > now() - interval '$idle'
             LIMIT $past);
SQL
  sql -c "VACUUM ANALYZE sessions"
}

expired_open_sessions() { # expired_open_sessions IDLE: open sessions past their expiry or idle timeout
  sql -c "SELECT count(*) FROM sessions WHERE ended_at IS NULL
    AND (expires_at <= now() OR last_active_at <= now() - interval '$1')"
}

# time_sweep IDLE [VAR=value ...]: starts Warden (no server may be running; the variables go to
# start_server) with a 1 s sweep interval and times how long it takes to end every expired session
# (each end: the row, its outbox event and its audit entry, in batches of 500 a transaction). Prints
# the SWEEP line; sets SWEEP_ENDED and SWEEP_SECONDS (start-up included).
time_sweep() {
  local idle="$1" start; shift
  start=$(date +%s.%N)
  start_server "$@" WARDEN_SESSION_SWEEP_INTERVAL=PT1S
  while [ "$(expired_open_sessions "$idle")" -gt 0 ]; do sleep 1; done
  SWEEP_SECONDS=$(printf '%.1f' "$(echo "$(date +%s.%N) - $start" | bc)")
  SWEEP_ENDED=$(sql -c "SELECT count(*) FROM session_history WHERE end_reason IN ('IDLE_TIMEOUT', 'ABSOLUTE_LIFETIME')")  # ended sessions leave sessions (V15)
  echo
  echo "SWEEP: $SWEEP_ENDED sessions ended by the sweeper in $SWEEP_SECONDS s from the server's start" \
       "($(echo "$SWEEP_ENDED / $SWEEP_SECONDS" | bc) sessions/s, start-up included)"
}

# ---- plans ------------------------------------------------------------------------------------
STATEMENTS=adapters-db/src/main/resources/warden-db-statements.yaml
statement() { # the folded YAML text of one named statement
  awk -v name="$1" '
    $0 ~ "^    " name ":" { on = 1; next }
    on && (NF == 0 || $0 ~ /^    [a-z-]+:/ || $0 ~ /^    #/) { exit }
    on { sub(/^ +/, ""); printf "%s ", $0 }' "$STATEMENTS"
}
# explain NAME "name=SQL value;..." -> PREPAREs the statement ($1.. in order of first use) and
# EXPLAINs an EXECUTE with those values, as a custom plan and as a generic plan.
explain() {
  local text; text=$(statement "$1")
  [ -n "$text" ] || die "statement $1 not found in $STATEMENTS"
  explain_text "$1" "$text" "$2"
}
# explain_text NAME SQL "name=SQL value;...": the same for a statement's text (the Sessions page's
# are composed in Java: session_page_sql prints one).
explain_text() {
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
    print "RESET plan_cache_mode;\n";' "$1" "$2" "$3"
}
# session_page_sql SHAPE SORT ORDER WITH_CURSOR: the Sessions page statement SessionPageSql composes
# (e.g. ALL USERNAME ASC true), from the built classes.
session_page_sql() {
  java -cp adapters-db/target/classes:application/target/classes bench/SessionPageSqlText.java "$@"
}

# ... | show_plans: runs the EXPLAINs it reads, prints their key lines (all of them go to
# $BENCH_KEEP_PLANS when that names a file).
show_plans() {
  local plans="$BENCH_WORK/plans.txt"
  sql >"$plans" 2>&1 || { cat "$plans" >&2; die "EXPLAIN failed"; }
  echo
  echo "PLANS (key lines; all of them: BENCH_KEEP_PLANS=path)"
  grep -E '^-----|Limit|Scan|Sort|Join|Nested|Aggregate|Rows Removed|Execution Time' "$plans" \
    | grep -vE 'Sort Method|Sort Key|Index Cond|Heap Fetches|Recheck' | sed -E 's/  +/  /g; s/^ *//' | cut -c1-150
  [ -z "${BENCH_KEEP_PLANS:-}" ] || cp "$plans" "$BENCH_KEEP_PLANS"
}

# ---- numbers ----------------------------------------------------------------------------------
# stats: reads numbers (one a line) -> "median min max"
stats() {
  sort -g | awk '{v[NR]=$1} END {
    if (NR == 0) { print "nan nan nan"; exit }
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%s %s %s\n", m, v[1], v[NR] }'
}

field() { # field NAME < "RESULT a=1 b=2" -> value of NAME
  sed -n "s/.*[[:space:]]$1=\([^[:space:]]*\).*/\1/p"
}

ensure_wrk() {
  command -v wrk >/dev/null 2>&1 && return 0
  say "installing wrk (Debian package)"
  (apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }) \
    || die "wrk is not installed and could not be installed"
}

# module_benchmark_classpath MODULE SOURCE: compiles one benchmark main from MODULE's tests with javac
# straight from the working tree's sources (-sourcepath: only the classes it reaches, its test helpers
# included, so a half-edited file elsewhere cannot stop it) against MODULE's dependency jars, and prints
# the class path to run it with. No build of the project is needed.
module_benchmark_classpath() {
  local module="$1" source="$2"
  local deps_file="$BENCH_WORK/$module-classpath.txt" classes="$BENCH_WORK/classes-$module" deps
  mvn -B -o -q -f "$module/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$deps_file" -Dmdep.includeScope=test >&2 2>/dev/null \
    || mvn -B -q -f "$module/pom.xml" dependency:build-classpath \
      -Dmdep.outputFile="$deps_file" -Dmdep.includeScope=test >&2 \
    || die "could not resolve $module's dependencies"
  # Warden's own classes come from the sources below, not from whatever snapshot jars are installed.
  deps="$(tr ':' '\n' <"$deps_file" | grep -v '/dev/warden/' | paste -sd:)"
  mkdir -p "$classes"
  javac -nowarn -d "$classes" -cp "$deps" \
      -sourcepath "domain/src/main/java:application/src/main/java:$module/src/main/java:$module/src/test/java" \
      "$source" >&2 \
    || die "the benchmark main did not compile"
  echo "$classes:$module/src/main/resources:$deps"
}

# benchmark_runs RUNS CLASSPATH MAIN ARG: runs MAIN ARG r in RUNS fresh JVMs (r = 1..RUNS), shows each
# RESULT line as "run #r: ..." and keeps them in $BENCH_WORK/results as "run=r ...".
benchmark_runs() {
  local runs="$1" cp="$2" main="$3" arg="$4" r
  : >"$BENCH_WORK/results"
  for r in $(seq 1 "$runs"); do
    java -cp "$cp" "$main" "$arg" "$r" 2>/dev/null | grep '^RESULT' >"$BENCH_WORK/run$r" || die "run $r failed"
    sed "s/^RESULT /run #$r: /" "$BENCH_WORK/run$r"
    sed "s/^/run=$r /" "$BENCH_WORK/run$r" >>"$BENCH_WORK/results"
  done
}

machine_line() {
  echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1), $(psql -d postgres -Atqc 'SHOW server_version')"
}

# ---- Java benchmark mains (bootstrap/src/test/java/dev/warden/bootstrap/bench/*Benchmark.java) ----
# Compiled with javac straight against the built jars, so a half-edited test elsewhere in the tree
# cannot stop a benchmark; prints the classpath to run them with.
bench_java_classpath() {
  local classes="$BENCH_WORK/classes" deps
  # The embedded broker (AlarmTopologyBenchmark) is the dev-kafka module's jar, beside its libs.
  deps="bootstrap/target/warden.jar:bootstrap/target/libs/*:dev-kafka/target/warden-dev-kafka.jar:$(bootstrap_test_classpath \
        | tr ':' '\n' | grep -v '/dev/warden/' | paste -sd:)"
  mkdir -p "$classes"
  # Callers check for an empty answer: a failure here would otherwise only end this subshell.
  javac -nowarn -d "$classes" -cp "$deps" bootstrap/src/test/java/dev/warden/bootstrap/bench/*Benchmark.java >&2 \
    && echo "$classes:$deps"
}

# ---- the alarm topology benchmark (bench/alarm-latency.sh, bench/alarm-throughput.sh) ----------
# alarm_bench_start: builds if needed, compiles the mains into ALARM_BENCH_CP, prints the machine.
alarm_bench_start() {
  ensure_built
  ALARM_BENCH_CP="$(bench_java_classpath)"
  [ -n "$ALARM_BENCH_CP" ] || die "the benchmark mains did not compile"
  machine_line; [ -z "${BENCH_STREAMS:-}" ] || echo "Kafka Streams overrides: $BENCH_STREAMS"
}

# alarm_bench_run MODE N OVERRIDES LOG: one fresh JVM of AlarmTopologyBenchmark (MODE latency or
# throughput, N samples or events, OVERRIDES as in BENCH_STREAMS); prints its RESULT line without
# "RESULT ", or fails with the log's tail on stderr (callers: line=$(...) || die ...).
alarm_bench_run() {
  local mode="$1" n="$2" overrides="$3" log="$4" line
  line=$(timeout 900 java -Xmx1g -Dbench.streams="$overrides" -cp "$ALARM_BENCH_CP" \
         dev.warden.bootstrap.bench.AlarmTopologyBenchmark "$mode" "$n" 2>"$log" | grep '^RESULT') \
    || { tail -20 "$log" >&2; return 1; }
  echo "${line#RESULT }"
}

# ---- tokens and CPU shares --------------------------------------------------------------------
# login_tokens USERS PER_USER FILE: creates USERS users through the admin API and logs each one in
# PER_USER times, one bearer token a line in FILE (a few Argon2 hashes per user: about 50 ms each).
login_tokens() {
  local users="$1" per="$2" file="$3" owner u
  owner=$(login owner "$BENCH_OWNER_PASSWORD")
  : >"$file"
  say "creating $users users and logging in $per sessions each"
  for u in $(seq 1 "$users"); do
    create_user "$owner" "loadtest$u" "Loadtest-Pass-Phrase-$u!"
    for _ in $(seq 1 "$per"); do login "loadtest$u" "Loadtest-Pass-Phrase-$u!" >>"$file"; done
  done
  [ "$(grep -c . "$file")" = $((users * per)) ] || die "expected $((users * per)) tokens"
}

# cpu_snapshot: "busy_ticks jvm_ticks postgres_ticks": the machine's busy CPU time (/proc/stat), the
# server JVM's and that of the PostgreSQL backends connected to $BENCH_DB, in clock ticks.
cpu_snapshot() {
  local busy jvm=0 pg=0 pid
  busy=$(awk '/^cpu / {print $2 + $3 + $4 + $7 + $8 + $9}' /proc/stat)
  [ -n "$BENCH_SERVER_PID" ] && [ -r "/proc/$BENCH_SERVER_PID/stat" ] \
    && jvm=$(awk '{print $14 + $15}' "/proc/$BENCH_SERVER_PID/stat")
  for pid in $(ps -eo pid=,args= | awk -v db="$BENCH_DB" '$2 == "postgres:" && index($0, " " db " ") {print $1}'); do
    [ -r "/proc/$pid/stat" ] && pg=$((pg + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  echo "$busy $jvm $pg"
}

# cpu_shares "BEFORE" "AFTER" SECONDS: the cores each part used on average between two snapshots.
cpu_shares() {
  local hz; hz=$(getconf CLK_TCK)
  read -r b0 j0 p0 <<<"$1"; read -r b1 j1 p1 <<<"$2"
  awk -v hz="$hz" -v s="$3" -v b=$((b1 - b0)) -v j=$((j1 - j0)) -v p=$((p1 - p0)) -v n="$(nproc)" 'BEGIN {
    printf "cores used (of %d): all %.2f = server JVM %.2f + PostgreSQL backends %.2f + the rest (wrk, other processes) %.2f\n",
      n, b / hz / s, j / hz / s, p / hz / s, (b - j - p) / hz / s }'
}
