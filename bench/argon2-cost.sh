#!/usr/bin/env bash
# What one login costs: one Argon2id verification with Warden's parameters (m=19 MiB, t=2, p=1) on
# one thread, SAMPLES timed calls after 20 warm-up calls, in RUNS fresh JVMs (docs/scaling.md).
# The thread's CPU time is the cost; the wall time also shows how busy the machine was.
#   bench/argon2-cost.sh                    (RUNS=3 SAMPLES=60)
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
SAMPLES="${SAMPLES:-60}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
machine_line
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  line=$(java -cp "$cp" dev.warden.bootstrap.bench.Argon2CostBenchmark "$SAMPLES" 2>/dev/null | grep '^RESULT') \
    || die "run $r failed"
  echo "run #$r: ${line#RESULT }"
  echo " ${line#RESULT }" >>"$results"
done
read -r cpu cpumin cpumax <<<"$(field cpu_p50_ms <"$results" | stats)"
read -r wall wallmin wallmax <<<"$(field wall_p50_ms <"$results" | stats)"
echo "SUMMARY Argon2id verify: CPU time p50 $cpu ms [$cpumin-$cpumax], wall time p50 $wall ms [$wallmin-$wallmax]" \
     "over $RUNS JVMs: about $(awk -v m="$cpu" 'BEGIN { printf "%.0f", 1000 / m }') logins/s per free core"
