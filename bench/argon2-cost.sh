#!/usr/bin/env bash
# What one login costs: one Argon2id verification with Warden's parameters (m=19 MiB, t=2, p=1) on
# one thread, SAMPLES timed calls after 20 warm-up calls, in RUNS fresh JVMs (docs/scaling.md).
# The thread's CPU time is the cost; the wall time also shows how busy the machine was.
#   bench/argon2-cost.sh                    (RUNS=3 SAMPLES=60)
#   PER_CPU=1 bench/argon2-cost.sh          the same on each CPU in turn (taskset), because the cores of
#                                           a virtual machine need not be equal (docs/benchmarks.md, section 6)
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
SAMPLES="${SAMPLES:-60}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
machine_line
if [ "${PER_CPU:-0}" = 1 ]; then
  command -v taskset >/dev/null 2>&1 || die "PER_CPU=1 needs taskset (util-linux)"
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    : >"$BENCH_WORK/cpu$cpu"
    for r in $(seq 1 "$RUNS"); do
      line=$(taskset -c "$cpu" java -cp "$cp" dev.warden.bootstrap.bench.Argon2CostBenchmark "$SAMPLES" 2>/dev/null \
             | grep '^RESULT') || die "CPU $cpu, run $r failed"
      echo "CPU $cpu run #$r: ${line#RESULT }"
      echo " ${line#RESULT }" >>"$BENCH_WORK/cpu$cpu"
    done
  done
  for cpu in $(seq 0 $(($(nproc) - 1))); do
    read -r c cmin cmax <<<"$(field cpu_p50_ms <"$BENCH_WORK/cpu$cpu" | stats)"
    echo "SUMMARY CPU $cpu: Argon2id verify CPU time p50 $c ms [$cmin-$cmax] over $RUNS JVMs," \
         "$(awk -v m="$c" 'BEGIN { printf "%.1f", 1000 / m }') hashes/s"
  done
  exit 0
fi
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
