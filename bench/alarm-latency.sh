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

alarm_bench_start
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  line=$(alarm_bench_run latency "$SAMPLES" "${BENCH_STREAMS:-}" "$BENCH_WORK/run$r.log") || die "run $r failed"
  echo "run #$r: $line"
  echo "$line" >>"$results"
done
echo
read -r p50 p50min p50max <<<"$(field p50_ms <"$results" | stats)"
read -r p99 p99min p99max <<<"$(field p99_ms <"$results" | stats)"
echo "SUMMARY (median over $RUNS runs of $SAMPLES samples, [min-max])"
echo "event-to-alarm latency: p50 $p50 ms [$p50min-$p50max], p99 $p99 ms [$p99min-$p99max]"
