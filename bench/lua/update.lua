-- PUT /api/v4/users/{BENCH_USER} with a new name each time (every request appends one UserRenamed event).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.headers["Content-Type"] = "application/json"
local user = os.getenv("BENCH_USER")
local n = 0
function request()
  n = n + 1
  local body = string.format('{"name": "Renamed %s t%d %d"}', bench.tag, tid or 0, n)
  return wrk.format("PUT", "/api/v4/users/" .. user, nil, body)
end
