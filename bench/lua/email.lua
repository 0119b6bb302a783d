-- GET /api/v4/users?email=<address>, addresses drawn at random from BENCH_EMAILS.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local addresses = bench.lines(os.getenv("BENCH_EMAILS"))
function init(args) math.randomseed(os.time() + (tid or 0) * 7919) end
function request()
  return wrk.format("GET", "/api/v4/users?email=" .. addresses[math.random(#addresses)])
end
