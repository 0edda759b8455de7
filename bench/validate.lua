-- wrk script: GET /api/auth/session with a bearer token, round-robin over the tokens in the
-- file named by WARDEN_BENCH_TOKENS (one a line). Each wrk thread loads this file on its own.
local tokens = {}
for line in io.lines(os.getenv("WARDEN_BENCH_TOKENS")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
local index = math.random(#tokens)

request = function()
  index = index % #tokens + 1
  return wrk.format("GET", "/api/auth/session", { ["Authorization"] = "Bearer " .. tokens[index] })
end

done = function(summary, latency, requests)
  local seconds = summary.duration / 1e6
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d rps=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f non2xx=%d socket_errors=%d\n",
    summary.requests, summary.requests / seconds,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, e.status, e.connect + e.read + e.write + e.timeout))
end
