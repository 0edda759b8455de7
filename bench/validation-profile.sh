#!/usr/bin/env bash
# Where the time of session validation goes (goal: validation >= 0.5x the HTTP ceiling).
#   bench/validation-profile.sh            (CONNECTIONS=32 DURATION=30; about 3 minutes)
# Starts Warden like bench/validation-throughput.sh (100,000 background sessions, 100 bearer
# tokens of 10 users), warms up, then at CONNECTIONS connections:
#   1. the HTTP ceiling: an unknown /api path, answered 404 by the server without touching the
#      database (security headers, access log, routing, a problem-details body);
#   2. GET /api/auth/session under a JFR recording (settings=profile plus CPU-time sampling), with the cores each process
#      used (/proc: the server JVM, its PostgreSQL backends, the rest = wrk and anything else);
# and prints the recording's top frames and its breakdown by layer (bench/JfrBreakdown.java).
# BENCH_KEEP_JFR=path keeps the recording (open it with `jfr summary`, `jfr view hot-methods`, JMC).
source "$(dirname "$0")/lib.sh"

CONNECTIONS="${CONNECTIONS:-32}"
DURATION="${DURATION:-30}"
TOP="${TOP:-15}"

ensure_wrk
ensure_built
fresh_db warden_bench_profile
BENCH_SERVER_JAVA_OPTS="${BENCH_SERVER_JAVA_OPTS:-} -XX:+FlightRecorder" start_server WARDEN_STREAMS=off
seed_sessions 10000 10 "40 minutes"
login_tokens 10 10 "$BENCH_WORK/tokens"
export WARDEN_BENCH_TOKENS="$BENCH_WORK/tokens" WARDEN_BENCH_TOKEN="$(head -1 "$BENCH_WORK/tokens")"

say "warm-up: 10 s validation, 5 s ceiling"
wrk -t2 -c"$CONNECTIONS" -d10s -s bench/validate.lua "$BENCH_BASE/api/auth/session" >/dev/null
wrk -t2 -c"$CONNECTIONS" -d5s -s bench/get.lua "$BENCH_BASE/api/bench-ceiling" >/dev/null

machine_line
ceiling=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/get.lua "$BENCH_BASE/api/bench-ceiling" | grep '^RESULT')
echo "ceiling (404, no database), c=$CONNECTIONS: ${ceiling#RESULT }"

jfr_file="$BENCH_WORK/validation.jfr"
# JDK 25's CPU-time sampler (one sample per ms of CPU a thread uses, native code included) on top of
# the profile settings; JfrBreakdown falls back to the execution samples where it is missing.
jcmd "$BENCH_SERVER_PID" JFR.start name=validation settings=profile jdk.CPUTimeSample#enabled=true \
  jdk.CPUTimeSample#throttle=1ms filename="$jfr_file" >/dev/null
before=$(cpu_snapshot)
line=$(wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/validate.lua "$BENCH_BASE/api/auth/session" | grep '^RESULT')
after=$(cpu_snapshot)
jcmd "$BENCH_SERVER_PID" JFR.stop name=validation >/dev/null
echo "validation, c=$CONNECTIONS: ${line#RESULT }"
[ "$(echo "$line" | field non2xx)" = 0 ] && [ "$(echo "$line" | field socket_errors)" = 0 ] \
  || die "errors (non-2xx or socket errors/timeouts) in the validation run"
cpu_shares "$before" "$after" "$DURATION"
echo "validation / ceiling: $(awk -v v="$(echo "$line" | field rps)" -v c="$(echo "$ceiling" | field rps)" 'BEGIN { printf "%.2f", v / c }')"

echo
echo "PROFILE (JFR, server JVM, during the validation run)"
java bench/JfrBreakdown.java "$jfr_file" "$TOP"
[ -z "${BENCH_KEEP_JFR:-}" ] || cp "$jfr_file" "$BENCH_KEEP_JFR"
