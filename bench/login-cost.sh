#!/usr/bin/env bash
# What a login costs besides its Argon2 hash (issue 22: at most 0.35 of the hash's own CPU, summed
# over Warden and PostgreSQL), from process CPU times, not wall time.
#   bench/login-cost.sh                  (CONCURRENCY=4 WARMUP=30 DURATION=30 IDLE=10; about 2 minutes)
#   BENCH_SERVER_CP=... bench/login-cost.sh   the same for another build (a copy of an earlier target/)
# Starts Warden (topology off, throttle and session limit raised so that one user can log in from
# 127.0.0.1 for the whole run, no device cookie: every login is counted by the address throttle and
# registers a new known device, the costliest success), warms up, reads the CPU time of the server
# JVM and of every PostgreSQL backend of its database (/proc/PID/stat utime+stime) over IDLE
# seconds with no traffic (background: relay polls, sweeps), then over DURATION seconds of logins
# from CONCURRENCY closed-loop clients. The hash's own CPU is that of the server's hashing threads
# (warden-password-hashing-N, which run nothing but Argon2 during logins), read the same way; a
# separate JVM's single hash (Argon2CostBenchmark) is printed beside it. Per login:
#   all      = (JVM + backends CPU during the logins - the idle rate x DURATION) / logins
#   hash     = hashing threads' CPU during the logins / logins
#   ratio    = (all - hash) / hash
# and the same without the JIT compiler threads (ratio_after_jit), which keep compiling for minutes
# after the warm-up on a busy box and cost nothing once a long-running server has settled.
source "$(dirname "$0")/lib.sh"

# "name ticks" per thread of the server JVM (names without their numbers, so pools add up).
thread_ticks() {
  local task
  for task in /proc/"$BENCH_SERVER_PID"/task/*; do
    printf '%s %s\n' "$(tr -d '0-9 ' <"$task/comm" 2>/dev/null)" "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)"
  done
}

# The CPU ticks of the JIT compiler threads ("C2 CompilerThread0"...).
jit_ticks() {
  local sum=0 task
  for task in /proc/"$BENCH_SERVER_PID"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ Compiler*|C2\ Compiler*) sum=$((sum + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$sum"
}

# The CPU ticks of the server's hashing threads (comm is cut to 15 characters: "warden-password").
hash_ticks() {
  local sum=0 task
  for task in /proc/"$BENCH_SERVER_PID"/task/*; do
    [ "$(cat "$task/comm" 2>/dev/null)" = warden-password ] \
      && sum=$((sum + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0)))
  done
  echo "$sum"
}

CONCURRENCY="${CONCURRENCY:-4}"
DURATION="${DURATION:-30}"
IDLE="${IDLE:-10}"
# Long enough for the JIT to be done with the login path on a busy box: its compiler threads
# otherwise add 3 to 4 ms to every login of the run (the thread table at the end shows them).
WARMUP="${WARMUP:-30}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
fresh_db warden_bench_login_cost
start_server WARDEN_STREAMS=off WARDEN_MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-0}" \
  WARDEN_LOGIN_IP_FAILURE_LIMIT=1000000 WARDEN_SESSION_MAX_PER_USER=1000000
owner=$(login owner "$BENCH_OWNER_PASSWORD")
create_user "$owner" benchuser "Bench-Pass-Phrase-2026!"
body='{"username":"benchuser","password":"Bench-Pass-Phrase-2026!"}'
say "warm-up: $WARMUP s of logins"
java -cp "$cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$BENCH_BASE/api/auth/login" "$body" "$CONCURRENCY" "$WARMUP" 0 >/dev/null

machine_line
hash=$(java -cp "$cp" dev.warden.bootstrap.bench.Argon2CostBenchmark 40 2>/dev/null | grep '^RESULT')
echo "one Argon2 hash (a separate JVM, now): ${hash#RESULT }"
sleep 2
idle0=$(cpu_snapshot)
sleep "$IDLE"
idle1=$(cpu_snapshot)
before=$(cpu_snapshot); h0=$(hash_ticks); c0=$(jit_ticks); thread_ticks >"$BENCH_WORK/threads0"
line=$(java -cp "$cp" dev.warden.bootstrap.bench.LoginLoadBenchmark "$BENCH_BASE/api/auth/login" "$body" \
         "$CONCURRENCY" "$DURATION" 0 | grep '^RESULT')
after=$(cpu_snapshot); h1=$(hash_ticks); c1=$(jit_ticks); thread_ticks >"$BENCH_WORK/threads1"
echo "logins, $CONCURRENCY clients, $DURATION s: ${line#RESULT }"
cpu_shares "$before" "$after" "$DURATION"
read -r _ ij0 ip0 <<<"$idle0"; read -r _ ij1 ip1 <<<"$idle1"
read -r _ j0 p0 <<<"$before"; read -r _ j1 p1 <<<"$after"
awk -v hz="$(getconf CLK_TCK)" -v n="$(nproc)" -v d="$DURATION" -v idle="$IDLE" \
    -v ht=$((h1 - h0)) -v ct=$((c1 - c0)) -v ij=$((ij1 - ij0)) -v ip=$((ip1 - ip0)) -v j=$((j1 - j0)) -v p=$((p1 - p0)) \
    -v h="$(echo "$hash" | field cpu_p50_ms)" -v logins="$(echo " $line" | field logins)" \
    -v rps="$(echo " $line" | field rps)" 'BEGIN {
  jvm = j * 1000 / hz; pg = p * 1000 / hz                       # ms of CPU during the logins
  bg = (ij + ip) * 1000 / hz * d / idle                         # what idling would have cost in as long
  all = (jvm + pg - bg) / logins
  hash = ht * 1000 / hz / logins
  jit = ct * 1000 / hz / logins
  printf "CPU per login: JVM %.2f ms + PostgreSQL backends %.2f ms (raw), minus idle %.2f ms = %.2f ms, of which hashing threads %.2f ms\n",
    jvm / logins, pg / logins, bg / logins, all, hash
  printf "RESULT hash_cpu_ms=%.2f separate_jvm_hash_ms=%.2f per_login_cpu_ms=%.2f non_hash_cpu_ms=%.2f ratio=%.2f jit_ms=%.2f ratio_after_jit=%.2f ratio_vs_separate_jvm_hash=%.2f jvm_non_hash_ms=%.2f pg_ms=%.2f logins_per_s=%.1f ceiling=%.1f of_ceiling=%.2f\n",
    hash, h, all, all - hash, (all - hash) / hash, jit, (all - hash - jit) / hash, (all - h) / h, jvm / logins - hash, pg / logins, rps, n * 1000 / h, rps / (n * 1000 / h) }'
echo "server JVM threads, CPU ms per login (top 8; threads that started or ended during the run are missed):"
awk -v hz="$(getconf CLK_TCK)" -v logins="$(echo " $line" | field logins)" '
  FNR == NR { t0[$1] += $2; next } { t1[$1] += $2 }
  END { for (k in t1) printf "  %-18s %6.2f\n", k, (t1[k] - t0[k]) * 1000 / hz / logins }' \
  "$BENCH_WORK/threads0" "$BENCH_WORK/threads1" | sort -k2 -nr | head -8
