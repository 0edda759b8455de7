#!/usr/bin/env bash
# Figure 3b: events per second through the real alarm topology on the embedded broker.
#   bench/alarm-throughput.sh               (RUNS=3 fresh JVMs, EVENTS=100000 each)
# EVENTS session.created events (EVENTS/4 users x 4 distinct IPs, users interleaved) are produced
# as fast as an idempotent acks=all producer goes; the clock runs from the first send until the
# last of the EVENTS/4 raised alarms has been consumed (read_committed). Each JVM first pushes
# 8,000 warm-up events through, uncounted.
# BENCH_STREAMS="poll.ms=10,..." runs the same topology with Kafka Streams overrides (a what-if).
# COMPARE="num.stream.threads=2" runs, in every round, the shipped settings and then the same plus
# these overrides, back to back: this box's speed drifts by more than most changes are worth, so
# only pairs measured minutes apart say which is faster. Prints both medians and the rounds won.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
EVENTS="${EVENTS:-100000}"

alarm_bench_start

# run_once LABEL OVERRIDES: one fresh JVM; prints its result and appends it to $BENCH_WORK/LABEL
run_once() {
  local label="$1" overrides="$2" line
  line=$(alarm_bench_run throughput "$EVENTS" "$overrides" "$BENCH_WORK/$label-run$r.log") || die "$label run $r failed"
  echo "$label run #$r: $line"
  echo "$line" >>"$BENCH_WORK/$label"
}

summary() { # summary LABEL: median [min-max] of events/s and seconds
  local eps emin emax secs smin smax
  read -r eps emin emax <<<"$(field events_per_s <"$BENCH_WORK/$1" | stats)"
  read -r secs smin smax <<<"$(field seconds <"$BENCH_WORK/$1" | stats)"
  echo "$eps events/s [$emin-$emax] ($EVENTS events, $((EVENTS / 4)) alarms, $secs s [$smin-$smax] first send to last alarm consumed)"
}

: >"$BENCH_WORK/shipped"; : >"$BENCH_WORK/compared"
for r in $(seq 1 "$RUNS"); do
  run_once shipped "${BENCH_STREAMS:-}"
  [ -z "${COMPARE:-}" ] || run_once compared "${BENCH_STREAMS:+$BENCH_STREAMS,}$COMPARE"
done
echo
echo "SUMMARY (median over $RUNS runs, [min-max])"
echo "alarm topology throughput: $(summary shipped)"
if [ -n "${COMPARE:-}" ]; then
  echo "with $COMPARE: $(summary compared)"
  won=$(paste <(field events_per_s <"$BENCH_WORK/shipped") <(field events_per_s <"$BENCH_WORK/compared") \
        | awk '$1 > $2 { n++ } END { print n + 0 }')
  echo "rounds the shipped settings were faster: $won of $RUNS"
fi
