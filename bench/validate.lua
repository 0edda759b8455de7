-- wrk script: GET /api/auth/session with a bearer token, round-robin over the tokens in the
-- file named by WARDEN_BENCH_TOKENS (one a line). Each wrk thread loads this file on its own.
local tokens = {}
for line in io.lines(os.getenv("WARDEN_BENCH_TOKENS")) do
  if #line > 0 then tokens[#tokens + 1] = line end
end
-- Each thread (and each wrk run) starts at its own random place: Lua's generator, unseeded, starts
-- every thread of every run at the same token, so both threads validated the same sessions and each
-- run re-walked the previous one's, already-written ones.
local index = 0

init = function(args)
  local urandom = io.open("/dev/urandom", "rb")
  local a, b, c = urandom:read(3):byte(1, 3)
  urandom:close()
  index = (a * 65536 + b * 256 + c) % #tokens
end

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
