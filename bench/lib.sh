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
# seed_sessions USERS PER_USER [WINDOW]: USERS accounts with PER_USER active sessions each, straight in SQL.
# Token hashes are base64url SHA-256 like real ones. Activity is spread over the last 50 minutes (inside the 60-minute idle timeout), creation up to
# 22 h before that (inside the 24 h lifetime); unique token hashes; then VACUUM ANALYZE.
seed_sessions() {
  local users="$1" per="$2" window="${3:-50 minutes}"
  say "seeding $users users x $per sessions = $((users * per)) active sessions"
  sql <<SQL
INSERT INTO users (id, username, password_hash, role, status, failed_attempts, created_at)
SELECT md5('bench-user-' || u)::uuid, 'bench' || lpad(u::text, 7, '0'),
       '\$argon2id\$v=19\$m=19456,t=2,p=1\$YmVuY2gtc2VlZA\$bm90LWEtcmVhbC1oYXNoLWZvci1iZW5jaA',
       'USER', 'ACTIVE', 0, now() - interval '30 days'
FROM generate_series(1, $users) u;

INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT md5('bench-session-' || i)::uuid,
       md5('bench-user-' || ((i - 1) / $per + 1))::uuid,
       rtrim(translate(encode(sha256(('bench-token-' || i)::bytea), 'base64'), '+/', '-_'), '='),  -- as TokenHash: base64url SHA-256
       '10.' || (i % 200) || '.' || ((i / 200) % 250) || '.' || (i % 250 + 1),
       'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
       created, la, created + interval '24 hours'
FROM (SELECT i, la, la - random() * interval '22 hours' AS created
      FROM (SELECT i, now() - random() * interval '$window' AS la
            FROM generate_series(1, $users * $per) i) a) s;
SQL
  sql -c "VACUUM ANALYZE users" -c "VACUUM ANALYZE sessions"
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
