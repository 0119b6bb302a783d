-- POST /api/v4/users/{id}/sign_ins without a body (sign-in "now"). Each thread walks its own slice of BENCH_IDS
-- in order, so no two requests in flight address the same user (a user's sign-ins must not go backwards).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local ids = bench.lines(os.getenv("BENCH_IDS"))
local threads_n = tonumber(os.getenv("BENCH_THREADS") or "1")
local i = nil
function request()
  if i == nil then i = (tid or 1) - 1 end
  local id = ids[(i % #ids) + 1]
  i = i + threads_n
  return wrk.format("POST", "/api/v4/users/" .. id .. "/sign_ins")
end
