-- GET /api/v4/users/{id}, ids drawn at random from BENCH_IDS.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local ids = bench.lines(os.getenv("BENCH_IDS"))
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  return wrk.format("GET", "/api/v4/users/" .. ids[math.random(#ids)])
end
