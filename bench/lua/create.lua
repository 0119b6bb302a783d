-- POST /api/v4/users with a unique name and address per request.
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
local n = 0
function request()
  n = n + 1
  local id = string.format("%s-t%d-%d", bench.tag, tid or 0, n)
  local body = string.format('{"name": "Bench %s", "email": "%s@bench.example"}', id, id)
  return wrk.format("POST", "/api/v4/users", nil, body)
end
