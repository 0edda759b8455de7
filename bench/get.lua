-- wrk script: the URL given on the command line, with the bearer token in WARDEN_BENCH_TOKEN;
-- prints latency percentiles and how many requests were not 2xx.
local token = os.getenv("WARDEN_BENCH_TOKEN")

request = function()
  return wrk.format("GET", nil, { ["Authorization"] = "Bearer " .. token })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.1f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
