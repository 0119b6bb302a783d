-- GET of one fixed path, BENCH_PATH (history, as_of, audit log and feed pages: the same request over and over).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = assert(os.getenv("BENCH_PATH"), "BENCH_PATH is not set")
-- BENCH_ACCEPT: the media type asked for, when not JSON (the event feed's CloudEvents batch)
if os.getenv("BENCH_ACCEPT") then wrk.headers["Accept"] = os.getenv("BENCH_ACCEPT") end
function request()
  return wrk.format("GET", path)
end
