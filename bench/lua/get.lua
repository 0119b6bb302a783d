-- GET of one fixed path, BENCH_PATH (history, as_of, audit log pages: the same request over and over).
dofile(os.getenv("BENCH_LUA_DIR") .. "/common.lua")
local path = assert(os.getenv("BENCH_PATH"), "BENCH_PATH is not set")
function request()
  return wrk.format("GET", path)
end
