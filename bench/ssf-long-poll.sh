#!/usr/bin/env bash
# Shared Signals long polls: what waiting polls cost PostgreSQL (issue 19, the long-poll flood).
#   bench/ssf-long-poll.sh        POLLS (200) long polls kept open on one stream, then one on each of
#                                 SPREAD (64) streams, each for WINDOW (30) seconds
# Starts Warden in dev mode (Shared Signals on, topology off), registers a receiver, takes a token and
# creates the poll streams (for account-disabled only, which nothing here causes: the queues stay
# empty and every poll waits its full 30 s). Each poller re-polls as soon as it is answered, and
# after a 429 waits a second. Counted over the window, from PostgreSQL's own statistics:
#   queue reads/s   scans of ssf_stream_events (pg_stat_user_tables idx_scan + seq_scan): the checks
#                   of waiting polls, plus the background (the push job's pending count)
#   commits/s       the database's committed transactions (pg_stat_database xact_commit), everything
#   answers         the pollers' HTTP statuses
# Runs idle (no poller) first, for the background. BENCH_SERVER_CP runs another build (e.g. one before
# the change) side by side. Statistics reach the views within a second or so of each transaction,
# hence the margins around the window. Each result line ends with the load average.
source "$(dirname "$0")/lib.sh"

POLLS="${POLLS:-200}"
SPREAD="${SPREAD:-64}"
WINDOW="${WINDOW:-30}"
PREFIX="https://schemas.openid.net/secevent/"

ensure_built
fresh_db warden_bench_ssf_long_poll
start_server WARDEN_STREAMS=off

owner=$(login owner "$BENCH_OWNER_PASSWORD")
client=$(curl -fsS -X POST "$BENCH_BASE/api/admin/ssf/clients" -H "Authorization: Bearer $owner" \
  -H 'Content-Type: application/json' -d '{"name":"bench receiver"}')
client_id=$(echo "$client" | json_field clientId); secret=$(echo "$client" | json_field clientSecret)
token=$(curl -fsS -u "$client_id:$secret" -d grant_type=client_credentials "$BENCH_BASE/oauth2/token" \
  | json_field access_token)
[ -n "$token" ] || die "no receiver token"
new_stream() {
  curl -fsS -X POST "$BENCH_BASE/ssf/streams" -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "{\"events_requested\":[\"${PREFIX}risc/event-type/account-disabled\"]}" | json_field stream_id
}
streams=()
for _ in $(seq 1 "$SPREAD"); do streams+=("$(new_stream)"); done
[ -n "${streams[0]}" ] || die "no stream"

load() { cut -d' ' -f1-3 /proc/loadavg; }
queue_reads() {
  sql -c "SELECT coalesce(idx_scan, 0) + coalesce(seq_scan, 0) FROM pg_stat_user_tables WHERE relname = 'ssf_stream_events'"
}
commits() { sql -c "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"; }

# poller STREAM UNTIL: long polls until the epoch second UNTIL, one status per line into the answers file
poller() {
  local status
  while [ "$(date +%s)" -lt "$2" ]; do
    status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 40 -X POST "$BENCH_BASE/ssf/poll/$1" \
      -H "Authorization: Bearer $token" -H 'Content-Type: application/json' -d '{"returnImmediately":false}')
    echo "$status" >>"$BENCH_WORK/answers"
    [ "$status" = 200 ] || sleep 1
  done
}

# run LABEL STREAM...: one poller per argument for WINDOW seconds (plus margins), then the figures
run() {
  local label="$1"; shift
  local until=$(( $(date +%s) + WINDOW + 8 )) q0 q1 c0 c1 answers pids=()
  : >"$BENCH_WORK/answers"
  for stream in "$@"; do poller "$stream" "$until" & pids+=($!); done
  sleep 4
  q0=$(queue_reads); c0=$(commits)
  sleep "$WINDOW"
  q1=$(queue_reads); c1=$(commits)
  wait "${pids[@]}" # not the server, also a child of this shell
  answers=$(sort "$BENCH_WORK/answers" | uniq -c | awk '{printf "%s%s:%s", sep, $2, $1; sep=","}')
  echo "RESULT $label pollers=$# queue_reads_per_s=$(( (q1 - q0) / WINDOW )) commits_per_s=$(( (c1 - c0) / WINDOW )) answers=${answers:-none} load=$(load)"
}

say "idle: no poll for $WINDOW s"
q0=$(queue_reads); c0=$(commits); sleep "$WINDOW"; q1=$(queue_reads); c1=$(commits)
echo "RESULT idle pollers=0 queue_reads_per_s=$(( (q1 - q0) / WINDOW )) commits_per_s=$(( (c1 - c0) / WINDOW )) load=$(load)"

say "one stream: $POLLS long polls at once"
one=(); for _ in $(seq 1 "$POLLS"); do one+=("${streams[0]}"); done
run one-stream "${one[@]}"

say "spread: one long poll on each of $SPREAD streams"
run spread "${streams[@]}"
