-- GET /api/v4/users?limit=20&sort=name&direction=asc (first page: what a user list screen shows).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = "/api/v4/users?limit=20&sort=name&direction=asc"
function request()
  return wrk.format("GET", path)
end
