#!/usr/bin/env bash
# Side figure: does a response's size alone add latency on a keep-alive connection? Two bare Helidon
# 4.5 servers (TcpNoDelayBenchmark: default socket options, and TCP_NODELAY on) answer N bytes of
# JSON; wrk -c1 measures each size RUNS times for DURATION seconds. Warden's API server is built
# with the default options (TCP_NODELAY off), so the "default" column is what its pages see.
#   bench/tcp-nodelay.sh                    (RUNS=3 DURATION=5 SIZES="2000 4000 8000 12000 16000 32000")
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
DURATION="${DURATION:-5}"
SIZES="${SIZES:-2000 4000 8000 12000 16000 32000}"

ensure_wrk
ensure_built
cp="$(bench_java_classpath)"
[ -n "$cp" ] || die "the benchmark mains did not compile"
mkfifo "$BENCH_WORK/stdin"
java -cp "$cp" dev.warden.bootstrap.bench.TcpNoDelayBenchmark <"$BENCH_WORK/stdin" >"$BENCH_WORK/ports" 2>"$BENCH_WORK/server.log" &
BENCH_SERVER_PID=$!
exec 7>"$BENCH_WORK/stdin" # held open: closing it stops the servers
for _ in $(seq 1 60); do grep -q '^PORTS' "$BENCH_WORK/ports" && break; sleep 0.5; done
read -r _ plain nodelay <"$BENCH_WORK/ports"
[ -n "$nodelay" ] || die "servers did not start"

machine_line
results="$BENCH_WORK/results"
: >"$results"
for r in $(seq 1 "$RUNS"); do
  for size in $SIZES; do
    for mode in default nodelay; do
      port=$plain; [ "$mode" = nodelay ] && port=$nodelay
      line=$(WARDEN_BENCH_TOKEN=none wrk -t1 -c1 -d"${DURATION}s" -s bench/get.lua "http://127.0.0.1:$port/json?size=$size" | grep '^RESULT')
      echo "$size $mode ${line#RESULT }" >>"$results"
    done
  done
done
exec 7>&-
echo "SUMMARY (median over $RUNS runs of each run's median latency, [min-max]; one keep-alive connection)"
printf '%8s  %-28s  %-28s\n' "bytes" "TCP_NODELAY off (default)" "TCP_NODELAY on"
for size in $SIZES; do
  cell() { awk -v s="$size" -v m="$1" '$1 == s && $2 == m' "$results" | field p50_ms | stats \
           | awk '{printf "p50 %s ms [%s-%s]", $1, $2, $3}'; }
  printf '%8s  %-28s  %-28s\n' "$size" "$(cell default)" "$(cell nodelay)"
done
