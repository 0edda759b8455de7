#!/usr/bin/env bash
# Shared Signals push throughput and delay (issue 19, item 8): SETs signed and delivered per second to
# one push receiver, and the delay from a session's end to the receiver's 202.
#   bench/ssf-push.sh              20,000 sessions ended at once (SESSIONS), a 20,000 backlog pushed
#                                  (BACKLOG), then 2,000 ended one by one (STEADY)
# Starts Warden in dev mode (Shared Signals on: dev's public URL and generated signing key; topology
# off), registers a receiver, takes a token, creates a push stream for session-revoked to a local
# receiver (bench/SetReceiver.java: answers 202, records each SET's arrival). Then:
#   burst   SESSIONS sessions in 10.1.0.0/16 ended by one DELETE /api/admin/sessions?ip=10.1.0.0/16
#           (ends in batches of 500, each its outbox events): SETs/s = SESSIONS / (last arrival -
#           first end), and the delay of each SET from its session's ended_at; also how long the
#           ends themselves took, the SETs that arrived after the last end, and how far the fan-out
#           (outbox to the stream's queue) fell behind the ends
#   backlog BACKLOG sessions in 10.3.0.0/16 ended while the stream is paused; once all their SETs
#           are queued the stream is enabled: SETs/s = BACKLOG / (last arrival - enable), the
#           pushing alone (read, sign, push, remove), with no ends, fan-out or Kafka relay beside
#           it; and the CPU time per SET of Warden, the receiver and the database's backends
#           meanwhile, which says what an idle box would do when other work shares the cores
#   steady  STEADY sessions in 10.2.0.0/16 ended one by one (DELETE /api/admin/sessions/{id}, 4 at
#           a time): the delay from each session's ended_at to its SET's arrival
# Delays are computed in PostgreSQL from session_history.ended_at and the arrival times (one clock). Each
# result line ends with the load average when it was taken: other work on the box slows all of it.
source "$(dirname "$0")/lib.sh"
RECEIVER_PID=""
trap '[ -z "$RECEIVER_PID" ] || kill "$RECEIVER_PID" 2>/dev/null || true; bench_cleanup' EXIT

SESSIONS="${SESSIONS:-20000}"
STEADY="${STEADY:-2000}"
BACKLOG="${BACKLOG:-20000}"
RECEIVER_PORT="${RECEIVER_PORT:-18099}"
USERS=$(( (SESSIONS + STEADY + BACKLOG + 9) / 10 ))

ensure_built
fresh_db warden_bench_ssf_push
start_server WARDEN_STREAMS=off WARDEN_MANAGEMENT_PORT=0 # any free management port: another Warden may hold 9090
say "seeding $SESSIONS + $STEADY + $BACKLOG sessions ($USERS users x 10)"
sql <<SQL
INSERT INTO users (id, username, password_hash, role, status, failed_attempts, created_at)
SELECT md5('bench-user-' || u)::uuid, 'bench' || lpad(u::text, 7, '0'), 'x', 'USER', 'ACTIVE', 0, now()
FROM generate_series(1, $USERS) u;
INSERT INTO sessions (id, user_id, token_hash, ip_address, user_agent, created_at, last_active_at, expires_at)
SELECT md5('bench-session-' || i)::uuid, md5('bench-user-' || ((i - 1) / 10 + 1))::uuid,
       rtrim(translate(encode(sha256(('bench-token-' || i)::bytea), 'base64'), '+/', '-_'), '='),
       CASE WHEN i <= $SESSIONS THEN '10.1.' WHEN i <= $SESSIONS + $STEADY THEN '10.2.' ELSE '10.3.' END
         || ((i / 250) % 250) || '.' || (i % 250 + 1),
       'bench', now() - interval '1 hour', now() - interval '1 minute', now() + interval '20 hours'
FROM generate_series(1, $SESSIONS + $STEADY + $BACKLOG) i;
SQL
sql -c "VACUUM ANALYZE sessions"

owner=$(login owner "$BENCH_OWNER_PASSWORD")
client=$(curl -fsS -X POST "$BENCH_BASE/api/admin/ssf/clients" -H "Authorization: Bearer $owner" \
  -H 'Content-Type: application/json' -d '{"name":"bench receiver"}')
client_id=$(echo "$client" | json_field clientId); secret=$(echo "$client" | json_field clientSecret)
token=$(curl -fsS -u "$client_id:$secret" -d grant_type=client_credentials "$BENCH_BASE/oauth2/token" | json_field access_token)
[ -n "$token" ] || die "no receiver token"
stream_id=$(curl -fsS -X POST "$BENCH_BASE/ssf/streams" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
  -d "{\"delivery\":{\"method\":\"urn:ietf:rfc:8935\",\"endpoint_url\":\"http://127.0.0.1:$RECEIVER_PORT/events\",
       \"authorization_header\":\"Bearer bench\"},
       \"events_requested\":[\"https://schemas.openid.net/secevent/caep/event-type/session-revoked\"]}" \
  | json_field stream_id) || die "stream not created"
[ -n "$stream_id" ] || die "no stream id"

load() { cut -d' ' -f1-3 /proc/loadavg; }
cpu_ticks() { # cpu_ticks PID...: user + system CPU of these processes, in clock ticks
  for p in "$@"; do awk '{print $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done | awk '{s += $1} END {print s + 0}'
}
cpu_snapshot() { # cpu_snapshot PID...: "pid ticks" per process still running
  for p in "$@"; do awk -v p="$p" '{print p, $14 + $15}' "/proc/$p/stat" 2>/dev/null || true; done
}
set_status() { # set_status enabled|paused
  curl -fsS -o /dev/null -X POST "$BENCH_BASE/ssf/status" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -d "{\"stream_id\":\"$stream_id\",\"status\":\"$1\"}" || die "status $1 refused"
}
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
               FROM bench_arrivals a JOIN session_history s ON s.id = a.session_id WHERE a.kind = '$2')
    SELECT count(*), round(((max(arrived_us) - min(ended_us)) / 1e6)::numeric, 2),
           round((count(*) / ((max(arrived_us) - min(ended_us)) / 1e6))::numeric),
           round((percentile_cont(0.5) WITHIN GROUP (ORDER BY arrived_us - ended_us) / 1e3)::numeric, 1),
           round((percentile_cont(0.99) WITHIN GROUP (ORDER BY arrived_us - ended_us) / 1e3)::numeric, 1),
           round((max(arrived_us - ended_us) / 1e3)::numeric, 1) FROM d"
}

machine_line
say "burst: ending $SESSIONS sessions at once"
receive "$SESSIONS" "$BENCH_WORK/burst.txt"
outbox_before=$(sql -c "SELECT coalesce(max(position), 0) FROM outbox")
ended=$(curl -fsS -X DELETE "$BENCH_BASE/api/admin/sessions?ip=10.1.0.0/16" -H "Authorization: Bearer $owner" | json_field terminated)
wait "$RECEIVER_PID" || true
cat "$BENCH_WORK/receiver.log"
read -r n span rate p50 p99 max <<<"$(delays "$BENCH_WORK/burst.txt" burst)"
read -r ends_took after_last tail <<<"$(sql -F ' ' -c "
  WITH e AS (SELECT extract(epoch FROM max(ended_at)) * 1e6 AS last_us, extract(epoch FROM min(ended_at)) * 1e6 AS first_us
             FROM session_history WHERE ip_address LIKE '10.1.%')
  SELECT round(((e.last_us - e.first_us) / 1e6)::numeric, 2), count(*) FILTER (WHERE a.arrived_us > e.last_us),
         round(((max(a.arrived_us) - e.last_us) / 1e6)::numeric, 2)
  FROM bench_arrivals a, e WHERE a.kind = 'burst' GROUP BY e.last_us, e.first_us")"
echo "BURST: $ended sessions ended by one request; $n SETs received in $span s from the first end: $rate SETs/s;" \
     "delay from each session's end to its 202: p50 $p50 ms, p99 $p99 ms, max $max ms;" \
     "the ends took $ends_took s, $after_last SETs arrived after the last end, the last $tail s after it (load $(load))"
read -r fanned fan_wait fan_last <<<"$(sql -F ' ' -c "
  WITH w AS (SELECT min(ended_at) AS first, max(ended_at) AS last FROM session_history WHERE ip_address LIKE '10.1.%')
  SELECT count(*), round(extract(epoch FROM max(o.ssf_fanned_out_at - o.created_at))::numeric, 2),
         round(extract(epoch FROM max(o.ssf_fanned_out_at) - w.last)::numeric, 2)
  FROM outbox o, w WHERE o.position > $outbox_before GROUP BY w.last")"
echo "  fan-out: $fanned outbox events since the DELETE; the longest from an event's commit to its fan-out batch $fan_wait s;" \
     "the last batch began $fan_last s after the last end"

say "backlog: $BACKLOG sessions ended while the stream is paused, pushed once it is enabled"
set_status paused
curl -fsS -o /dev/null -X DELETE "$BENCH_BASE/api/admin/sessions?ip=10.3.0.0/16" -H "Authorization: Bearer $owner"
for _ in $(seq 1 600); do
  [ "$(sql -c "SELECT count(*) FROM ssf_stream_events WHERE event_type LIKE '%session-revoked'")" -ge "$BACKLOG" ] && break
  sleep 0.5
done
queued=$(sql -c "SELECT count(*) FROM ssf_stream_events WHERE event_type LIKE '%session-revoked'")
for _ in $(seq 1 600); do # the outbox relay's publishing to Kafka done too, so only the push runs
  [ "$(sql -c "SELECT count(*) FROM outbox WHERE published_at IS NULL")" -eq 0 ] && break
  sleep 0.5
done
receive "$BACKLOG" "$BENCH_WORK/backlog.txt"
backends() { sql -c "SELECT pid FROM pg_stat_activity WHERE datname = '$BENCH_DB' AND pid <> pg_backend_pid()"; }
warden_cpu=$(cpu_ticks "$BENCH_SERVER_PID"); db_before=$(cpu_snapshot $(backends))
backlog_load=$(load)
enabled_us=$(date +%s%6N)
set_status enabled
wait "$RECEIVER_PID" || true
tick_ms=$(( 1000 / $(getconf CLK_TCK) ))
# Per backend: what it used since the first snapshot, or all of it when it was opened meanwhile
# (one that closed meanwhile is not counted).
db_used=$(awk 'NR == FNR {before[$1] = $2; next} {s += $2 - ($1 in before ? before[$1] : 0)} END {print s + 0}' \
  <(echo "$db_before") <(cpu_snapshot $(backends)))
cpu_per_set=$(awk -v w=$(( $(cpu_ticks "$BENCH_SERVER_PID") - warden_cpu )) -v d="$db_used" \
  -v r="$(sed -n 's/^receiver cpu_ms //p' "$BENCH_WORK/receiver.log")" -v t="$tick_ms" -v n="$BACKLOG" \
  'BEGIN {printf "Warden %.2f, receiver %.2f, PostgreSQL %.2f, together %.2f ms of CPU per SET", w*t/n, r/n, d*t/n, (w*t+r+d*t)/n}')
cat "$BENCH_WORK/receiver.log"
sql -c "\\copy bench_arrivals (session_id, arrived_us) FROM '$BENCH_WORK/backlog.txt' WITH (DELIMITER ' ')"
sql -c "UPDATE bench_arrivals SET kind = 'backlog' WHERE kind IS NULL"
read -r n drain rate <<<"$(sql -F ' ' -c "
  SELECT count(*), round(((max(arrived_us) - $enabled_us) / 1e6)::numeric, 2),
         round((count(*) / ((max(arrived_us) - $enabled_us) / 1e6))::numeric) FROM bench_arrivals WHERE kind = 'backlog'")"
echo "BACKLOG: $queued SETs queued while paused; $n received in $drain s from the enable: $rate SETs/s (load $backlog_load at the enable);" \
     "$cpu_per_set"

say "steady: ending $STEADY sessions one by one"
receive "$STEADY" "$BENCH_WORK/steady.txt"
sql -c "SELECT id FROM sessions WHERE ip_address LIKE '10.2.%' AND ended_at IS NULL" \
  | xargs -P4 -I{} curl -fsS -o /dev/null -X DELETE "$BENCH_BASE/api/admin/sessions/{}" -H "Authorization: Bearer $owner"
wait "$RECEIVER_PID" || true
cat "$BENCH_WORK/receiver.log"
read -r n span rate p50 p99 max <<<"$(delays "$BENCH_WORK/steady.txt" steady)"
echo "STEADY: $n sessions ended one at a time over $span s ($rate/s); delay from each session's end to its 202:" \
     "p50 $p50 ms, p99 $p99 ms, max $max ms (load $(load))"
