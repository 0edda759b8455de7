#!/usr/bin/env bash
# Figure 3a: event-to-alarm latency through the real alarm topology (AlarmStreams, exactly-once,
# commit interval 50 ms as shipped) on the real embedded KRaft broker, all in one JVM on loopback.
#   bench/alarm-latency.sh                  (RUNS=3 fresh JVMs, SAMPLES=200 users each)
# Per sample: a user's three distinct-IP session.created events are already processed; the 4th is
# produced (after a random 0-150 ms pause) and the clock stops when its warden.alarm.ip-spread.raised
# is consumed with read_committed. Each JVM first pushes 8,000 warm-up events through, uncounted.
# BENCH_STREAMS="poll.ms=10,..." runs the same topology with Kafka Streams overrides (a what-if).
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
SAMPLES="${SAMPLES:-200}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
machine_line; [ -z "${BENCH_STREAMS:-}" ] || echo "Kafka Streams overrides: $BENCH_STREAMS"
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  line=$(timeout 600 java -Xmx1g -Dbench.streams="${BENCH_STREAMS:-}" -cp "$cp" dev.warden.bootstrap.bench.AlarmTopologyBenchmark latency "$SAMPLES" \
         2>"$BENCH_WORK/run$r.log" | grep '^RESULT') || { tail -20 "$BENCH_WORK/run$r.log" >&2; die "run $r failed"; }
  echo "run #$r: ${line#RESULT }"
  echo "${line#RESULT }" >>"$results"
done
echo
read -r p50 p50min p50max <<<"$(field p50_ms <"$results" | stats)"
read -r p99 p99min p99max <<<"$(field p99_ms <"$results" | stats)"
echo "SUMMARY (median over $RUNS runs of $SAMPLES samples, [min-max])"
echo "event-to-alarm latency: p50 $p50 ms [$p50min-$p50max], p99 $p99 ms [$p99min-$p99max]"
