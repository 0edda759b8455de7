#!/usr/bin/env bash
# What reading a user agent costs (docs/benchmarks.md, "Parsed user agents"): building Yauaa's shared
# analyzer (wall, CPU, heap kept), then in a warm JVM the CPU time of parsing DISTINCT realistic headers
# never seen before (a login from a new browser version) and the same headers again (the cache: a list
# row, an export row, a login from a known browser), in RUNS fresh JVMs.
#   bench/user-agent-parse.sh            (RUNS=3 DISTINCT=2000)
# The benchmark main is adapters-useragent/src/test/java/.../UserAgentParseCostBenchmark.java, compiled
# with javac straight from the working tree's sources against adapters-useragent's dependency jars; no
# build of the project and no database are needed.
source "$(dirname "$0")/lib.sh"

RUNS="${RUNS:-3}"
DISTINCT="${DISTINCT:-2000}"

cp="$(module_benchmark_classpath adapters-useragent \
    adapters-useragent/src/test/java/dev/warden/adapter/useragent/UserAgentParseCostBenchmark.java)"

echo "machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1), load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
results="$BENCH_WORK/results"
benchmark_runs "$RUNS" "$cp" dev.warden.adapter.useragent.UserAgentParseCostBenchmark "$DISTINCT"

summary() { # summary NAME FIELD
  read -r med min max <<<"$(grep " $1 " "$results" | field "$2" | stats)"
  echo "$med [$min-$max]"
}
echo "SUMMARY analyzer build: wall $(summary load wall_ms) ms, CPU $(summary load cpu_ms) ms, heap kept $(summary load heap_mb) MB (median [min-max] over $RUNS JVMs)"
echo "SUMMARY a header never seen (cache miss, warm JVM): CPU p50 $(summary cold cpu_p50_us) us, p99 $(summary cold cpu_p99_us) us, mean $(summary cold cpu_mean_us) us"
echo "SUMMARY a header seen before (cache hit): CPU p50 $(summary cached cpu_p50_us) us, p99 $(summary cached cpu_p99_us) us, mean $(summary cached cpu_mean_us) us"
