-- Shared by every wrk script of the benchmark (loaded with dofile from each of them).
-- Settings come from the environment so that every Lua state of wrk (main and one per thread) sees them:
--   BENCH_KEY   API key (Authorization: Bearer ...)
--   BENCH_TAG   text that makes names and addresses of this run unique
--   BENCH_IDS   file with one user id per line (scripts that address existing users)
--   BENCH_EMAILS file with one address per line (email filter)
--   BENCH_RATE  if set: total requests per second across all connections (paced, for the projection-lag load)
-- done() prints one line starting with "BENCH " that bench/run parses.
local ffi = require("ffi")
ffi.cdef [[
typedef struct { long tv_sec; long tv_nsec; } bench_timespec;
int clock_gettime(int clk_id, bench_timespec *tp);
]]

bench = {}
bench.key = os.getenv("BENCH_KEY") or ""
bench.tag = os.getenv("BENCH_TAG") or "bench"
bench.rate = tonumber(os.getenv("BENCH_RATE") or "")

function bench.now_ms()
  local t = ffi.new("bench_timespec")
  ffi.C.clock_gettime(1, t) -- CLOCK_MONOTONIC
  return tonumber(t.tv_sec) * 1000 + tonumber(t.tv_nsec) / 1e6
end

function bench.lines(path)
  local out = {}
  local f = assert(io.open(path, "r"), "cannot read " .. tostring(path))
  for line in f:lines() do
    if #line > 0 then out[#out + 1] = line end
  end
  f:close()
  assert(#out > 0, "no lines in " .. path)
  return out
end

wrk.headers["Authorization"] = "Bearer " .. bench.key
wrk.headers["Accept"] = "application/json"

-- main state: number the threads and keep them for done()
local threads = {}
function setup(thread)
  thread:set("tid", #threads + 1)
  table.insert(threads, thread)
end

-- thread state: count every status
counts = {}
function response(status, headers, body)
  counts[status] = (counts[status] or 0) + 1
end

-- pacing: each thread sends rate/threads requests per second (spread over its connections), never more
if bench.rate and bench.rate > 0 then
  local next_at = nil
  function delay()
    local threads_n = tonumber(os.getenv("BENCH_THREADS") or "1")
    local interval = 1000.0 * threads_n / bench.rate
    local now = bench.now_ms()
    if next_at == nil then next_at = now + (tid or 1) * interval / threads_n end
    next_at = math.max(next_at + interval, now)
    return math.floor(next_at - now)
  end
end

function done(summary, latency, requests)
  local agg = {}
  for _, t in ipairs(threads) do
    local c = t:get("counts") or {}
    for status, n in pairs(c) do agg[status] = (agg[status] or 0) + n end
  end
  local statuses, non2xx, s202 = {}, 0, 0
  for status, n in pairs(agg) do
    statuses[#statuses + 1] = status .. ":" .. n
    if status < 200 or status > 299 then non2xx = non2xx + n end
    if status == 202 then s202 = s202 + n end
  end
  table.sort(statuses)
  local e = summary.errors
  local secs = summary.duration / 1e6
  io.write(string.format(
    "BENCH requests=%d duration_s=%.3f rps=%.1f p50_ms=%.3f p90_ms=%.3f p99_ms=%.3f max_ms=%.3f mean_ms=%.3f non2xx=%d s202=%d socket_errors=%d statuses=%s\n",
    summary.requests, secs, summary.requests / secs,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000,
    latency.max / 1000, latency.mean / 1000, non2xx, s202,
    e.connect + e.read + e.write + e.timeout, table.concat(statuses, ",")))
end
