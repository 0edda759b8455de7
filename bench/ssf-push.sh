#!/usr/bin/env bash
# Shared Signals push throughput and delay (issue 19, item 8): SETs signed and delivered per second to
# one push receiver, and the delay from a session's end to the receiver's 202.
#   bench/ssf-push.sh              20,000 sessions ended at once (SESSIONS), then 2,000 one by one
# Starts Warden in dev mode (Shared Signals on: dev's public URL and generated signing key; topology
# off), registers a receiver, takes a token, creates a push stream for session-revoked to a local
# receiver (bench/SetReceiver.java: answers 202, records each SET's arrival). Then:
#   burst   SESSIONS sessions in 10.1.0.0/16 ended by one DELETE /api/admin/sessions?ip=10.1.0.0/16
#           (ends in batches of 500, each its outbox events): SETs/s = SESSIONS / (last arrival -
#           first end), and the delay of each SET from its session's ended_at
#   steady  STEADY sessions in 10.2.0.0/16 ended one by one (DELETE /api/admin/sessions/{id}, 4 at
#           a time): the delay from each session's ended_at to its SET's arrival
# Delays are computed in PostgreSQL from sessions.ended_at and the arrival times (one clock).
source "$(dirname "$0")/lib.sh"
RECEIVER_PID=""
trap '[ -z "$RECEIVER_PID" ] || kill "$RECEIVER_PID" 2>/dev/null || true; bench_cleanup' EXIT

SESSIONS="${SESSIONS:-20000}"
STEADY="${STEADY:-2000}"
RECEIVER_PORT="${RECEIVER_PORT:-18099}"
USERS=$(( (SESSIONS + STEADY) / 10 ))

ensure_built
fresh_db warden_bench_ssf_push
start_server WARDEN_STREAMS=off
say "seeding $SESSIONS + $STEADY sessions ($USERS users x 10)"
sql <<SQL
INSERT INTO users (id, username, password_hash, role, status, failed_attempts, created_at)
SELECT md5('bench-user-' || u)::uuid, 'bench' || lpad(u::text, 7, '0'), 'x', 'USER', 'ACTIVE', 0, now()
FROM generate_series(1, $USERS) u;
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT md5('bench-session-' || i)::uuid, md5('bench-user-' || ((i - 1) / 10 + 1))::uuid,
       rtrim(translate(encode(sha256(('bench-token-' || i)::bytea), 'base64'), '+/', '-_'), '='),
       CASE WHEN i <= $SESSIONS THEN '10.1.' ELSE '10.2.' END || ((i / 250) % 250) || '.' || (i % 250 + 1),
       'bench', now() - interval '1 hour', now() - interval '1 minute', now() + interval '20 hours'
FROM generate_series(1, $SESSIONS + $STEADY) i;
SQL
sql -c "VACUUM ANALYZE sessions"

owner=$(login owner "$BENCH_OWNER_PASSWORD")
client=$(curl -fsS -X POST "$BENCH_BASE/api/admin/ssf/clients" -H "Authorization: Bearer $owner" \
  -H 'Content-Type: application/json' -d '{"name":"bench receiver"}')
client_id=$(echo "$client" | json_field clientId); secret=$(echo "$client" | json_field clientSecret)
token=$(curl -fsS -u "$client_id:$secret" -d grant_type=client_credentials "$BENCH_BASE/oauth2/token" | json_field access_token)
[ -n "$token" ] || die "no receiver token"
curl -fsS -o /dev/null -X POST "$BENCH_BASE/ssf/streams" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"http://127.0.0.1:$RECEIVER_PORT/events\",
       \"authorization_header\":\"Bearer bench\"},
       \"events_requested\":[\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\"]}" \
  || die "stream not created"

receive() { # receive EXPECTED FILE: runs the receiver in the background
  java bench/SetReceiver.java "$RECEIVER_PORT" "$2" "$1" 600 >"$BENCH_WORK/receiver.log" 2>&1 &
  RECEIVER_PID=$!
  for _ in $(seq 1 100); do grep -q listening "$BENCH_WORK/receiver.log" 2>/dev/null && return 0; sleep 0.2; done
  die "receiver did not start"
}
delays() { # delays FILE KIND: loads arrivals, prints the figures
  sql -c "CREATE TABLE IF NOT EXISTS bench_arrivals (kind text, session_id uuid, arrived_us bigint)"
  sql -c "\\copy bench_arrivals (session_id, arrived_us) FROM '$1' WITH (DELIMITER ' ')"
  sql -c "UPDATE bench_arrivals SET kind = '$2' WHERE kind IS NULL"
  sql -F ' ' -c "
    WITH d AS (SELECT a.arrived_us, extract(epoch FROM s.ended_at) * 1e6 AS ended_us
               FROM bench_arrivals a JOIN sessions s ON s.id = a.session_id WHERE a.kind = '$2')
    SELECT count(*), round(((max(arrived_us) - min(ended_us)) / 1e6)::numeric, 2),
           round((count(*) / ((max(arrived_us) - min(ended_us)) / 1e6))::numeric),
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY arrived_us - ended_us) / 1e3)::numeric, 1),
           round((percentile_cont(0.99) WITHIN GROUP (ORDER BY arrived_us - ended_us) / 1e3)::numeric, 1),
           round((max(arrived_us - ended_us) / 1e3)::numeric, 1) FROM d"
}

machine_line
say "burst: ending $SESSIONS sessions at once"
receive "$SESSIONS" "$BENCH_WORK/burst.txt"
ended=$(curl -fsS -X DELETE "$BENCH_BASE/api/admin/sessions?ip=10.1.0.0/16" -H "Authorization: Bearer $owner" | json_field terminated)
wait "$RECEIVER_PID" || true
cat "$BENCH_WORK/receiver.log"
read -r n span rate p50 p99 max <<<"$(delays "$BENCH_WORK/burst.txt" burst)"
echo "BURST: $ended sessions ended by one request; $n SETs received in $span s from the first end: $rate SETs/s;" \
     "delay from each session's end to its 202: p50 $p50 ms, p99 $p99 ms, max $max ms"

say "steady: ending $STEADY sessions one by one"
receive "$STEADY" "$BENCH_WORK/steady.txt"
sql -c "SELECT id FROM sessions WHERE ip_address LIKE '10.2.%' AND ended_at IS NULL" \
  | xargs -P4 -I{} curl -fsS -o /dev/null -X DELETE "$BENCH_BASE/api/admin/sessions/{}" -H "Authorization: Bearer $owner"
wait "$RECEIVER_PID" || true
cat "$BENCH_WORK/receiver.log"
read -r n span rate p50 p99 max <<<"$(delays "$BENCH_WORK/steady.txt" steady)"
echo "STEADY: $n sessions ended one at a time over $span s ($rate/s); delay from each session's end to its 202:" \
     "p50 $p50 ms, p99 $p99 ms, max $max ms"
