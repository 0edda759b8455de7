#!/usr/bin/env bash
# Figure 3b: events per second through the real alarm topology on the embedded broker.
#   bench/alarm-throughput.sh               (RUNS=3 fresh JVMs, EVENTS=100000 each)
# EVENTS session.created events (EVENTS/4 users x 4 distinct IPs, users interleaved) are produced
# as fast as an idempotent acks=all producer goes; the clock runs from the first send until the
# last of the EVENTS/4 raised alarms has been consumed (read_committed). Each JVM first pushes
# 8,000 warm-up events through, uncounted.
# BENCH_STREAMS="poll.ms=10,..." runs the same topology with Kafka Streams overrides (a what-if).
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
EVENTS="${EVENTS:-100000}"

ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
machine_line; [ -z "${BENCH_STREAMS:-}" ] || echo "Kafka Streams overrides: $BENCH_STREAMS"
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  line=$(timeout 900 java -Xmx1g -Dbench.streams="${BENCH_STREAMS:-}" -cp "$cp" dev.warden.bootstrap.bench.AlarmTopologyBenchmark throughput "$EVENTS" \
         2>"$BENCH_WORK/run$r.log" | grep '^RESULT') || { tail -20 "$BENCH_WORK/run$r.log" >&2; die "run $r failed"; }
  echo "run #$r: ${line#RESULT }"
  echo "${line#RESULT }" >>"$results"
done
echo
read -r eps emin emax <<<"$(field events_per_s <"$results" | stats)"
read -r secs smin smax <<<"$(field seconds <"$results" | stats)"
echo "SUMMARY (median over $RUNS runs, [min-max])"
echo "alarm topology throughput: $eps events/s [$emin-$emax] ($EVENTS events, $((EVENTS / 4)) alarms, $secs s [$smin-$smax] first send to last alarm consumed)"
