#!/usr/bin/env bash
# How fast the one outbox relay publishes (docs/scaling.md): the ceiling on session events per
# second that the single relay lease puts on the whole deployment. Starts Warden (embedded broker,
# WARDEN_STREAMS=off: nothing consumes), then RUNS times: inserts EVENTS pending outbox events in one
# transaction (valid session events, spread over USERS users as their Kafka keys), waits until the
# relay has published all of them, and reports the drain rate from the rows' published_at (each
# relay batch of 200 marks its rows in one statement) and, as a cross-check, from the management
# port's warden_outbox_published_total.
#   bench/relay-throughput.sh            (EVENTS=100000 RUNS=3 USERS=10000)
source "$(dirname "$0")/lib.sh"

EVENTS="${EVENTS:-100000}"
RUNS="${RUNS:-3}"
USERS="${USERS:-10000}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19090}"

ensure_built
fresh_db warden_bench_relay
machine_line
start_server WARDEN_STREAMS=off WARDEN_MANAGEMENT_PORT="$MANAGEMENT_PORT"

published_total() {
  curl -fsS -H 'Accept: text/plain' "http://127.0.0.1:$MANAGEMENT_PORT/observe/metrics" \
    | sed -n 's/^warden_outbox_published_total{[^}]*} \([0-9.E]*\)$/\1/p'
}

rates=()
for run in $(seq 1 "$RUNS"); do
  before=$(published_total)
  first=$(sql -c "SELECT COALESCE(max(position), 0) FROM outbox")
  t0=$(date +%s.%N)
  sql <<SQL
INSERT INTO outbox (event_id, aggregate_key, event_type, payload)
SELECT e, u, 'CREATED', jsonb_build_object(
         'eventId', e::text, 'type', 'CREATED', 'occurredAt', ts, 'sessionId', gen_random_uuid()::text,
         'userId', u::text, 'username', 'relay' || (i % $USERS), 'ipAddress', '10.0.' || (i % 250) || '.' || (i % 199 + 1),
         'userAgent', 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
         'createdAt', ts, 'expiresAt', ts, 'reason', NULL, 'actorId', NULL, 'endedAt', NULL)
FROM (SELECT i, gen_random_uuid() AS e, md5('relay-user-' || (i % $USERS))::uuid AS u,
             to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS ts
      FROM generate_series(1, $EVENTS) i) g;
SQL
  for _ in $(seq 1 1200); do
    pending=$(sql -c "SELECT count(*) FROM outbox WHERE published_at IS NULL")
    [ "$pending" = 0 ] && break
    sleep 0.5
  done
  [ "$pending" = 0 ] || die "the relay did not drain $EVENTS events within 10 minutes ($pending left)"
  t1=$(date +%s.%N)
  read -r span batches <<<"$(sql -F' ' -c "SELECT EXTRACT(EPOCH FROM max(published_at) - min(published_at)),
                                                   count(DISTINCT published_at)
                                            FROM outbox WHERE position > $first")"
  sleep 1
  after=$(published_total)
  rate=$(awk -v n="$EVENTS" -v s="$span" -v b="$batches" 'BEGIN { printf "%.0f", n * (b - 1) / b / s }')
  rates+=("$rate")
  echo "run $run: $EVENTS events drained in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }') s from the insert's start;" \
       "$batches relay batches over ${span} s = $rate events/s; warden_outbox_published_total +$(awk -v a="$before" -v b="$after" 'BEGIN { printf "%.0f", b - a }')"
done
echo "SUMMARY relay events/s median [min-max]: $(printf '%s\n' "${rates[@]}" | stats | awk '{ printf "%s [%s-%s]", $1, $2, $3 }')"
