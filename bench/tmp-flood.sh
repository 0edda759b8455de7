#!/usr/bin/env bash
source "$(dirname "$0")/lib.sh"
ensure_built
fresh_db warden_bench_flood
start_server WARDEN_STREAMS=off
owner=$(login owner "$BENCH_OWNER_PASSWORD")
echo "before: $(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $owner" $BENCH_BASE/api/auth/session)"
echo "server fds: $(ls /proc/$BENCH_SERVER_PID/fd | wc -l), limit $(grep 'open files' /proc/$BENCH_SERVER_PID/limits)"
(for i in $(seq 1 30); do echo "t=$i fds=$(ls /proc/$BENCH_SERVER_PID/fd 2>/dev/null | wc -l) threads=$(ls /proc/$BENCH_SERVER_PID/task 2>/dev/null | wc -l)"; sleep 2; done) > /tmp/flood-fds.txt &
python3 - "$BENCH_HTTP_PORT" <<'PY' &
import socket, sys, time, resource
resource.setrlimit(resource.RLIMIT_NOFILE, (20000, 20000))
socks = []
try:
    for i in range(19900):
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
        socks.append(s)
except Exception as e:
    print("client A stopped at", len(socks), e, flush=True)
print("client A holds", len(socks), flush=True)
time.sleep(40)
PY
sleep 15
python3 - "$BENCH_HTTP_PORT" <<'PY' &
import socket, sys, time, resource
resource.setrlimit(resource.RLIMIT_NOFILE, (20000, 20000))
socks = []
try:
    for i in range(2000):
        s = socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=5)
        socks.append(s)
except Exception as e:
    print("client B stopped at", len(socks), e, flush=True)
print("client B holds", len(socks), flush=True)
time.sleep(25)
PY
sleep 12
echo "server fds during: $(ls /proc/$BENCH_SERVER_PID/fd | wc -l)"
echo "during: validation $(curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $owner" $BENCH_BASE/api/auth/session)"
echo "during: login $(curl -s -m 10 -o /dev/null -w '%{http_code}' -X POST $BENCH_BASE/api/auth/login -H 'Content-Type: application/json' -d "{\"username\":\"owner\",\"password\":\"$BENCH_OWNER_PASSWORD\"}")"
sleep 45
sleep 5
echo "after: validation $(curl -s -m 10 -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $owner" $BENCH_BASE/api/auth/session)"
echo "after: login $(curl -s -m 10 -o /dev/null -w '%{http_code}' -X POST $BENCH_BASE/api/auth/login -H 'Content-Type: application/json' -d "{\"username\":\"owner\",\"password\":\"$BENCH_OWNER_PASSWORD\"}")"
cp "$BENCH_WORK/server.log" /tmp/flood-server.log; grep -i -c 'too many open files' "$BENCH_WORK/server.log"
grep -i 'too many open files\|SEVERE\|Exception' "$BENCH_WORK/server.log" | sort | uniq -c | sort -rn | head -8
