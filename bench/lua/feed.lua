-- GET of an event-feed page after a random position below BENCH_MAX_AFTER (a page that no earlier read may have
-- rendered: the cost of a cold page, where get.lua's one fixed page measures a page read again).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local max_after = assert(tonumber(os.getenv("BENCH_MAX_AFTER")), "BENCH_MAX_AFTER is not set")
local limit = os.getenv("BENCH_LIMIT") or "1000"
function init(args)
  math.randomseed(os.time() + (tid or 0) * 7919)
end
function request()
  return wrk.format("GET", "/api/v4/events?limit=" .. limit .. "&after=" .. math.random(1, max_after))
end
