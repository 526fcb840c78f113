-- wrk script: paths.lua's cycling over PATHS_FILE, and a count of the answers by status code
-- (wrk itself only counts "Non-2xx or 3xx"). bench/pg-restart.sh reads the "status" lines: a
-- restart of PostgreSQL must never make a page answer 500.
local file = os.getenv("PATHS_FILE") or error("set PATHS_FILE")
local paths = {}
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = line end
end
if #paths == 0 then error("no paths in " .. file) end

local codes = { 200, 301, 302, 304, 404, 429, 500, 502, 503, 504 }
local threads = {}
function setup(thread)
  thread:set("id", #threads)
  threads[#threads + 1] = thread
end

local counter = 0
function init(args)
  counter = ((id or 0) * 7919) % #paths
  for _, code in ipairs(codes) do _G["c" .. code] = 0 end
  c_other = 0
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function response(status, headers, body)
  local name = "c" .. status
  if _G[name] ~= nil then _G[name] = _G[name] + 1 else c_other = c_other + 1 end
end

function done(summary, latency, requests)
  for _, code in ipairs(codes) do
    local n = 0
    for _, thread in ipairs(threads) do n = n + (thread:get("c" .. code) or 0) end
    io.write(string.format("status %d %d\n", code, n))
  end
  local other = 0
  for _, thread in ipairs(threads) do other = other + (thread:get("c_other") or 0) end
  io.write(string.format("status other %d\n", other))
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
end
