#!/usr/bin/env bash
# Where a login's time goes (goal: logins/s >= 0.9 x the Argon2 ceiling, cores / one hash's CPU time).
#   bench/login-profile.sh            (CONCURRENCY = cores, DURATION=30; about 2 minutes)
# Starts Warden (topology off, WARDEN_LOGIN_IP_FAILURE_LIMIT and WARDEN_SESSION_MAX_PER_USER raised
# so that one user can log in from 127.0.0.1 for the whole run), warms up, then runs the login
# client (LoginLoadBenchmark, CONCURRENCY clients in a closed loop) under a JFR recording, with the
# cores each process used, and prints the recording's top frames and layers (bench/JfrBreakdown.java).
# BENCH_KEEP_JFR=path keeps the recording.
source "$(dirname "$0")/lib.sh"

CONCURRENCY="${CONCURRENCY:-$(nproc)}"
DURATION="${DURATION:-30}"
TOP="${TOP:-15}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
fresh_db warden_bench_login_profile
BENCH_SERVER_JAVA_OPTS="${BENCH_SERVER_JAVA_OPTS:-} -XX:+FlightRecorder" \
  start_server WARDEN_STREAMS=off WARDEN_LOGIN_IP_FAILURE_LIMIT=1000000 WARDEN_SESSION_MAX_PER_USER=1000000
owner=$(login owner "$BENCH_OWNER_PASSWORD")
create_user "$owner" benchuser "Bench-Pass-Phrase-2026!"
body='{"username":"benchuser","password":"Bench-Pass-Phrase-2026!"}'
say "warm-up: 10 s of logins"
java -cp "$cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$BENCH_BASE/api/auth/login" "$body" "$CONCURRENCY" 10 0 >/dev/null

machine_line
hash=$(java -cp "$cp" dev.warden.bootstrap.bench.Argon2CostBenchmark 40 2>/dev/null | grep '^RESULT')
echo "one Argon2 hash (a separate JVM, now): ${hash#RESULT }"
jfr_file="$BENCH_WORK/login.jfr"
jcmd "$BENCH_SERVER_PID" JFR.start name=login settings=profile jdk.CPUTimeSample#enabled=true \
  jdk.CPUTimeSample#throttle=1ms filename="$jfr_file" >/dev/null
before=$(cpu_snapshot)
line=$(java -cp "$cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$BENCH_BASE/api/auth/login" "$body" \
         "$CONCURRENCY" "$DURATION" 0 | grep '^RESULT')
after=$(cpu_snapshot)
jcmd "$BENCH_SERVER_PID" JFR.stop name=login >/dev/null
echo "logins, $CONCURRENCY clients: ${line#RESULT }"
cpu_shares "$before" "$after" "$DURATION"
cpu=$(echo "$hash" | field cpu_p50_ms)
rps=$(echo " $line" | field rps)
awk -v n="$(nproc)" -v h="$cpu" -v r="$rps" 'BEGIN {
  printf "Argon2 ceiling %.1f logins/s (%d cores / %.1f ms); logins/s / ceiling %.2f\n", n * 1000 / h, n, h, r / (n * 1000 / h) }'

echo
echo "PROFILE (JFR, server JVM, during the logins)"
java bench/JfrBreakdown.java "$jfr_file" "$TOP"
[ -z "${BENCH_KEEP_JFR:-}" ] || cp "$jfr_file" "$BENCH_KEEP_JFR"
