#!/usr/bin/env bash
# Warden next to the Spring Session JDBC peer (/work/shared/peers/spring-session-jdbc), one after
# the other in one run, each on its own database, about 12 minutes:
#   1. session validation, GET /api/auth/session, CONNECTIONS (32) connections, DURATION s per run;
#   2. login, POST /api/auth/login, LOGIN_CONCURRENCY (= cores) clients in a closed loop
#      (bootstrap/src/test/java/dev/warden/bootstrap/bench/LoginLoadBenchmark.java);
# and, for Warden alone, in the same run:
#   3. the HTTP ceiling: an unknown /api path, answered 404 without the database, at CONNECTIONS;
#      validation / ceiling (goal >= 0.5) and validation p99 / ceiling p99 (goal <= 1.5);
#   4. the Argon2 ceiling, cores / one hash's CPU time (Argon2CostBenchmark, as bench/argon2-cost.sh):
#      logins/s / that ceiling (goal >= 0.9) and login p99 / one hash (goal <= 2).
# Every figure is the median of RUNS (3) runs with the spread [min-max]; the load average is
# printed before each run. Both servers get the same tool (the peer's wrk wrapper, one session,
# 2 wrk threads) and warm up for WARMUP seconds first.
#
# Settings that keep the bench measuring what it means to:
#   - WARDEN_LOGIN_IP_FAILURE_LIMIT=1000000: every login takes a slot of the per-address throttle
#     before its hash (a right password gives it back), and all logins here come from 127.0.0.1;
#   - WARDEN_SESSION_MAX_PER_USER=1000000: Warden's logins are not logged out again, so one user
#     collects every session of the run. The peer's limit (10, hard-coded) cannot be raised, so its
#     login loop logs each session out again (POST /logout, untimed, but inside the loop).
# The peer is copied to PEER_BUILD (default ~/.cache/warden-bench/spring-session-jdbc) and built
# there (mvn package, Spring Boot from Maven Central on the first run); nothing of it enters this
# repository. PEERS_DIR names the folder holding spring-session-jdbc/ when it is not found.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
DURATION="${DURATION:-20}"
WARMUP="${WARMUP:-10}"
CONNECTIONS="${CONNECTIONS:-32}"
LOGIN_CONCURRENCY="${LOGIN_CONCURRENCY:-$(nproc)}"
PEER_PORT="${PEER_PORT:-18090}"
PEER_BUILD="${PEER_BUILD:-${XDG_CACHE_HOME:-$HOME/.cache}/warden-bench/spring-session-jdbc}"

# ---- the peer ---------------------------------------------------------------------------------
peers=""
for dir in "${PEERS_DIR:-}" "$BENCH_ROOT/../shared/peers" "$BENCH_ROOT/../../shared/peers" /work/shared/peers; do
  if [ -n "$dir" ] && [ -x "$dir/spring-session-jdbc/run.sh" ] && [ -x "$dir/wrk-session.sh" ]; then
    peers="$(cd "$dir" && pwd)"; break
  fi
done
[ -n "$peers" ] || { echo "side-by-side: the peer is missing: no spring-session-jdbc/run.sh and wrk-session.sh under \$PEERS_DIR, ../shared/peers or /work/shared/peers" >&2; exit 1; }
WRK_SESSION="$peers/wrk-session.sh"
PEER_PID=""

build_peer() { # a writable copy of the peer, rebuilt when its sources change
  mkdir -p "$(dirname "$PEER_BUILD")"
  if [ ! -f "$PEER_BUILD/target/peer.jar" ] || ! diff -rq -x target "$peers/spring-session-jdbc" "$PEER_BUILD" >/dev/null 2>&1; then
    say "building the peer in $PEER_BUILD (mvn package)"
    rm -rf "$PEER_BUILD"
    cp -r "$peers/spring-session-jdbc" "$PEER_BUILD"
    chmod -R u+w "$PEER_BUILD"
    (cd "$PEER_BUILD" && { mvn -B -q -o package -DskipTests >&2 2>/dev/null || mvn -B -q package -DskipTests >&2; }) \
      || die "the peer did not build"
  fi
}

stop_peer() {
  if [ -n "$PEER_PID" ] && kill -0 "$PEER_PID" 2>/dev/null; then
    kill "$PEER_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$PEER_PID" 2>/dev/null || break; sleep 0.25; done
    kill -9 "$PEER_PID" 2>/dev/null || true
  fi
  PEER_PID=""
}
trap 'stop_peer; dropdb --if-exists warden_bench_peer >/dev/null 2>&1 || true; bench_cleanup' EXIT

start_peer() {
  (exec 3<>"/dev/tcp/127.0.0.1/$PEER_PORT") 2>/dev/null && die "port $PEER_PORT is in use; set PEER_PORT"
  say "starting the peer on 127.0.0.1:$PEER_PORT (db warden_bench_peer, log $BENCH_WORK/peer.log)"
  # run.sh creates its role and database and execs java; from / so its su calls find a readable cwd.
  (cd / && exec env PEER_PORT="$PEER_PORT" PEER_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/warden_bench_peer" \
     JAVA_HOME="$JAVA_HOME" "$PEER_BUILD/run.sh") >"$BENCH_WORK/peer.log" 2>&1 &
  PEER_PID=$!
  for _ in $(seq 1 240); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PEER_PORT/api/auth/session")" = 401 ] && return 0
    kill -0 "$PEER_PID" 2>/dev/null || { tail -20 "$BENCH_WORK/peer.log" >&2; die "the peer exited"; }
    sleep 0.5
  done
  die "the peer did not answer within 120 s"
}

# ---- measuring --------------------------------------------------------------------------------
results="$BENCH_WORK/results"
: >"$results"
load() { cut -d' ' -f1 /proc/loadavg; }
# wrk_run KEY URL HEADER: one run through the peer's wrk wrapper, recorded under KEY
wrk_run() {
  local l line; l=$(load)
  line=$("$WRK_SESSION" "$2" "$3" "$DURATION" "$CONNECTIONS" 2>>"$BENCH_WORK/wrk.err") || die "wrk failed: $(tail -3 "$BENCH_WORK/wrk.err")"
  echo "run $1 (load $l): $line"
  echo "$1 $line load=$l" >>"$results"
}
# login_run KEY URL BODY [LOGOUT_URL]
login_run() {
  local l line; l=$(load)
  line=$(java -cp "$bench_cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$2" "$3" "$LOGIN_CONCURRENCY" \
           "$DURATION" 3 ${4:-} | grep '^RESULT') || die "the login client failed"
  echo "run $1 (load $l): ${line#RESULT }"
  echo "$1 ${line#RESULT } load=$l" >>"$results"
  [ "$(echo " $line" | field errors)" = 0 ] || die "logins failed in the run above"
}
sel() { awk -v k="$1" '$1 == k' "$results" | field "$2" | stats; }

ensure_wrk
ensure_built
bench_cp="$(bench_java_classpath)"
[ -n "$bench_cp" ] || die "the benchmark mains did not compile"
build_peer
machine_line
echo "validation: $CONNECTIONS connections, $DURATION s runs; login: $LOGIN_CONCURRENCY clients, $DURATION s runs; $RUNS runs each; warm-up $WARMUP s"

# ---- Warden -----------------------------------------------------------------------------------
fresh_db warden_bench_side
start_server WARDEN_STREAMS=off WARDEN_LOGIN_IP_FAILURE_LIMIT=1000000 WARDEN_SESSION_MAX_PER_USER=1000000
owner=$(login owner "$BENCH_OWNER_PASSWORD")
create_user "$owner" benchuser "Bench-Pass-Phrase-2026!"
warden_token=$(login benchuser "Bench-Pass-Phrase-2026!")
warden_login_body='{"username":"benchuser","password":"Bench-Pass-Phrase-2026!"}'
say "Warden warm-up"
"$WRK_SESSION" "$BENCH_BASE/api/auth/session" "Authorization: Bearer $warden_token" "$WARMUP" "$CONNECTIONS" >/dev/null 2>&1
"$WRK_SESSION" "$BENCH_BASE/api/bench-ceiling" "Authorization: Bearer $warden_token" 5 "$CONNECTIONS" >/dev/null 2>&1
java -cp "$bench_cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$BENCH_BASE/api/auth/login" "$warden_login_body" \
  "$LOGIN_CONCURRENCY" "$WARMUP" 0 >/dev/null
for r in $(seq 1 "$RUNS"); do
  wrk_run warden-ceiling "$BENCH_BASE/api/bench-ceiling" "Authorization: Bearer $warden_token"
  wrk_run warden-validation "$BENCH_BASE/api/auth/session" "Authorization: Bearer $warden_token"
done
for r in $(seq 1 "$RUNS"); do
  login_run warden-login "$BENCH_BASE/api/auth/login" "$warden_login_body"
done
stop_server

# ---- the peer ---------------------------------------------------------------------------------
dropdb --if-exists warden_bench_peer >/dev/null 2>&1 || true
start_peer
peer_base="http://127.0.0.1:$PEER_PORT"
peer_login_body='{"username":"bench","password":"bench-password-123"}'
peer_cookie=$(curl -fsS -D - -o /dev/null -H 'Content-Type: application/json' -d "$peer_login_body" "$peer_base/api/auth/login" \
  | sed -n 's/^[Ss]et-[Cc]ookie: \(SESSION=[^;]*\).*/\1/p' | head -1)
[ -n "$peer_cookie" ] || die "the peer's login set no SESSION cookie"
say "peer warm-up"
"$WRK_SESSION" "$peer_base/api/auth/session" "Cookie: $peer_cookie" "$WARMUP" "$CONNECTIONS" >/dev/null 2>&1
java -cp "$bench_cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$peer_base/api/auth/login" "$peer_login_body" \
  "$LOGIN_CONCURRENCY" "$WARMUP" 0 "$peer_base/logout" >/dev/null
for r in $(seq 1 "$RUNS"); do
  wrk_run peer-validation "$peer_base/api/auth/session" "Cookie: $peer_cookie"
done
for r in $(seq 1 "$RUNS"); do
  login_run peer-login "$peer_base/api/auth/login" "$peer_login_body" "$peer_base/logout"
done
stop_peer

# ---- one Argon2 hash ----------------------------------------------------------------------------
for r in $(seq 1 "$RUNS"); do
  l=$(load)
  line=$(java -cp "$bench_cp" dev.warden.bootstrap.bench.Argon2CostBenchmark 40 2>/dev/null | grep '^RESULT') || die "Argon2CostBenchmark failed"
  echo "run argon2 (load $l): ${line#RESULT }"
  echo "argon2 ${line#RESULT } load=$l" >>"$results"
done

# ---- summary ----------------------------------------------------------------------------------
for key in warden-validation peer-validation; do
  [ "$(sel "$key" non2xx | cut -d' ' -f3)" = 0 ] || die "$key: responses that were not 2xx"
done
read -r c_rps c_min c_max <<<"$(sel warden-ceiling rps)"
read -r c_p99 c_p99min c_p99max <<<"$(sel warden-ceiling p99_ms)"
read -r v_rps v_min v_max <<<"$(sel warden-validation rps)"
read -r v_p50 v_p50min v_p50max <<<"$(sel warden-validation p50_ms)"
read -r v_p99 v_p99min v_p99max <<<"$(sel warden-validation p99_ms)"
read -r pv_rps pv_min pv_max <<<"$(sel peer-validation rps)"
read -r pv_p50 pv_p50min pv_p50max <<<"$(sel peer-validation p50_ms)"
read -r pv_p99 pv_p99min pv_p99max <<<"$(sel peer-validation p99_ms)"
read -r l_rps l_min l_max <<<"$(sel warden-login rps)"
read -r l_p50 l_p50min l_p50max <<<"$(sel warden-login p50_ms)"
read -r l_p99 l_p99min l_p99max <<<"$(sel warden-login p99_ms)"
read -r pl_rps pl_min pl_max <<<"$(sel peer-login rps)"
read -r pl_p50 pl_p50min pl_p50max <<<"$(sel peer-login p50_ms)"
read -r pl_p99 pl_p99min pl_p99max <<<"$(sel peer-login p99_ms)"
read -r hash hash_min hash_max <<<"$(sel argon2 cpu_p50_ms)"
read -r _ load_min load_max <<<"$(awk '{print $NF}' "$results" | sed 's/load=//' | stats)"
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
ceiling=$(awk -v n="$(nproc)" -v h="$hash" 'BEGIN { printf "%.1f", n * 1000 / h }')
goal() { awk -v x="$1" -v op="$2" -v g="$3" 'BEGIN { ok = (op == ">=") ? x >= g : x <= g; printf "%s (goal %s %s)", ok ? "meets" : "MISSES", op, g }'; }

echo
echo "SUMMARY (median of $RUNS runs [min-max]; load average $load_min-$load_max over the runs)"
printf 'validation, %s connections  Warden %7.0f req/s [%s-%s]  p50 %s ms  p99 %s ms [%s-%s]\n' \
  "$CONNECTIONS" "$v_rps" "$v_min" "$v_max" "$v_p50" "$v_p99" "$v_p99min" "$v_p99max"
printf '                             peer   %7.0f req/s [%s-%s]  p50 %s ms  p99 %s ms [%s-%s]\n' \
  "$pv_rps" "$pv_min" "$pv_max" "$pv_p50" "$pv_p99" "$pv_p99min" "$pv_p99max"
echo "                             Warden/peer: $(ratio "$v_rps" "$pv_rps") x the requests/s, $(ratio "$v_p99" "$pv_p99") x the p99"
printf 'login, %s clients             Warden %7.1f logins/s [%s-%s]  p50 %s ms  p99 %s ms [%s-%s]\n' \
  "$LOGIN_CONCURRENCY" "$l_rps" "$l_min" "$l_max" "$l_p50" "$l_p99" "$l_p99min" "$l_p99max"
printf '                             peer   %7.1f logins/s [%s-%s]  p50 %s ms  p99 %s ms [%s-%s]\n' \
  "$pl_rps" "$pl_min" "$pl_max" "$pl_p50" "$pl_p99" "$pl_p99min" "$pl_p99max"
echo "                             Warden/peer: $(ratio "$l_rps" "$pl_rps") x the logins/s (Argon2id m=19 MiB t=2 vs bcrypt cost 10)"
printf 'Warden HTTP ceiling (404)    %7.0f req/s [%s-%s]  p99 %s ms [%s-%s]\n' "$c_rps" "$c_min" "$c_max" "$c_p99" "$c_p99min" "$c_p99max"
echo "  validation / ceiling       $(ratio "$v_rps" "$c_rps")  $(goal "$(ratio "$v_rps" "$c_rps")" '>=' 0.5)"
echo "  validation p99 / ceiling p99  $(ratio "$v_p99" "$c_p99")  $(goal "$(ratio "$v_p99" "$c_p99")" '<=' 1.5)"
echo "Argon2 ceiling               $ceiling logins/s = $(nproc) cores / $hash ms CPU per hash [$hash_min-$hash_max]"
echo "  logins/s / Argon2 ceiling  $(ratio "$l_rps" "$ceiling")  $(goal "$(ratio "$l_rps" "$ceiling")" '>=' 0.9)"
echo "  login p99 / one hash       $(ratio "$l_p99" "$hash")  $(goal "$(ratio "$l_p99" "$hash")" '<=' 2)"
