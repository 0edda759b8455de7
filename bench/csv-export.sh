#!/usr/bin/env bash
# The CSV export of every active session (GET /api/admin/sessions, Accept: text/csv) and
# the heap it needs: the export is streamed page by page, so its memory must not grow with the rows.
#   bench/csv-export.sh                        1,000,000 sessions (100,000 users x 10), about 6 minutes
#   SESSIONS=100000 bench/csv-export.sh        a quicker run, for comparing the heap at two sizes
#   HEAP=512m bench/csv-export.sh              the server's -Xmx (default 384m: Warden itself keeps about 120 MB
#                                              live with its embedded broker, plus about 110 MB for the user-agent
#                                              analyzer; the 1,000,000-row file is about as large as the heap)
#   EXPORT_QUERY='sort=username&order=asc'     filters or sort of the export (default: none)
# Seeds the sessions straight into PostgreSQL (as bench/admin-list.sh), starts Warden with -Xmx$HEAP
# (embedded broker, topology off, management port for the heap gauge), then:
#   1. a full GC (jcmd GC.run) and the heap in use after it: the live heap before;
#   2. the export through curl, counting rows and bytes as they arrive, while the heap in use
#      (memory_used_heap_bytes, management port) is sampled every 200 ms: the peak;
#   3. a full GC again and the live heap after.
# The figure: rows, bytes, seconds, and the three heap numbers: the live heap after the export must be
# what it was before, at 100,000 rows as at 1,000,000 (the file, some 300 MB, could not fit beside
# Warden's own heap anyway). Then what the list's capped total would cost each page (EXPLAIN ANALYZE
# of session-count-all), which the export's pages skip.
source "$(dirname "$0")/lib.sh"

SESSIONS="${SESSIONS:-1000000}"
HEAP="${HEAP:-384m}"
EXPORT_QUERY="${EXPORT_QUERY:-}"
MANAGEMENT_PORT="${BENCH_MANAGEMENT_PORT:-19090}"
USERS=$((SESSIONS / 10))

ensure_built
fresh_db "warden_bench_csv_$SESSIONS"
BENCH_SERVER_JAVA_OPTS="-Xmx$HEAP -Xms$HEAP ${BENCH_SERVER_JAVA_OPTS:-}" \
  start_server WARDEN_STREAMS=off WARDEN_MANAGEMENT_PORT="$MANAGEMENT_PORT"
seed_start=$(date +%s)
seed_sessions "$USERS" 10
say "seeded in $(( $(date +%s) - seed_start )) s"
as_owner api/admin/sessions

heap_used() { # bytes of heap in use now
  curl -fsS -H 'Accept: text/plain' "http://127.0.0.1:$MANAGEMENT_PORT/observe/metrics" \
    | awk '/^memory_used_heap_bytes[ {]/ && !seen { printf "%d\n", $NF; seen = 1 }'
}
live_heap() { # bytes in use right after a full GC
  jcmd "$BENCH_SERVER_PID" GC.run >/dev/null
  sleep 1
  heap_used
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f", b / 1048576 }'; }

[ -n "$(heap_used)" ] || die "no memory_used_heap_bytes on the management port $MANAGEMENT_PORT"
# A short export first (JIT, prepared statements), as the list benchmarks warm up.
curl -fsS -o /dev/null -H 'Accept: text/csv' -H "Authorization: Bearer $WARDEN_BENCH_TOKEN" \
  "$BENCH_BASE/api/admin/sessions?userId=$(sql -c "SELECT md5('bench-user-1')::uuid")"
before=$(live_heap)

samples="$BENCH_WORK/heap-samples"
: >"$samples"
( while :; do heap_used >>"$samples" 2>/dev/null || true; sleep 0.2; done ) &
sampler=$!
t0=$(date +%s.%N)
# Records and bytes as they arrive (no field of the seed holds a line break): the file is never stored.
read -r lines bytes < <(curl -fsS -H 'Accept: text/csv' -H "Authorization: Bearer $WARDEN_BENCH_TOKEN" \
     -D "$BENCH_WORK/headers" "$BENCH_BASE/api/admin/sessions?$EXPORT_QUERY" \
  | LC_ALL=C awk '{ b += length($0) + 1 } END { print NR, b + 0 }'; echo "${PIPESTATUS[0]}" >"$BENCH_WORK/curl-status")
t1=$(date +%s.%N)
if [ "$(cat "$BENCH_WORK/curl-status" 2>/dev/null)" != 0 ]; then
  kill "$sampler"
  grep -E 'CSV export|Exception|Error' "$BENCH_WORK/server.log" | tail -5 >&2 || true
  die "the export failed after $((${lines:-1} - 1)) rows"
fi
kill "$sampler" 2>/dev/null; wait "$sampler" 2>/dev/null || true
sleep 0.5
after=$(live_heap)

rows=$((lines - 1))
seconds=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", b - a }')
peak=$(sort -n "$samples" | tail -1)
grep -qi '^content-type: text/csv; charset=utf-8' "$BENCH_WORK/headers" || die "not CSV: $(cat "$BENCH_WORK/headers")"
active=$((SESSIONS + 1)) # and the owner's own session
if [ -z "$EXPORT_QUERY" ] && [ "$rows" != "$active" ]; then die "exported $rows rows of $active active sessions"; fi
if grep -q 'OutOfMemoryError' "$BENCH_WORK/server.log"; then die "OutOfMemoryError in the server log"; fi

machine_line
echo "export: GET /api/admin/sessions?$EXPORT_QUERY with Accept: text/csv; server -Xmx$HEAP"
echo "rows: $rows (seeded $SESSIONS, and the owner's session), bytes: $bytes ($(mib "$bytes") MiB), time: $seconds s," \
     "$(awk -v r="$rows" -v s="$seconds" 'BEGIN { printf "%d", r / s }') rows/s"
echo "heap: live after a full GC $(mib "$before") MiB before, $(mib "$after") MiB after;" \
     "peak in use during the export $(mib "$peak") MiB (of $HEAP; $(wc -l <"$samples") samples every 200 ms)"

# What each page of the walk would cost more with the list's capped total (the export asks for none).
window="now=now();lastActiveAfter=now() - interval '60 minutes';cap=10001"
explain session-count-all "$window" | show_plans
echo "pages of 500: $(( (rows + 499) / 500 )); a JSON page of the list counts up to 10,001 rows (the Execution Time above), the export's pages do not"
