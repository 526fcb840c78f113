-- wrk script: cycles over the paths in the file named by PATHS_FILE (one per line), each wrk
-- thread starting at its own offset, so consecutive requests ask for different pages. PATH_PREFIX,
-- if set, goes before every line (bench/search.sh: "/search?q=" before URL-encoded queries). Prints
-- the 50th, 95th and 99th percentile latency at the end (wrk's --latency table has no 95th).
local file = os.getenv("PATHS_FILE") or error("set PATHS_FILE")
local prefix = os.getenv("PATH_PREFIX") or ""
local paths = {}
for line in io.lines(file) do
  if #line > 0 then paths[#paths + 1] = prefix .. line end
end
if #paths == 0 then error("no paths in " .. file) end

local threads = 0
function setup(thread)
  thread:set("id", threads)
  threads = threads + 1
end

local counter = 0
function init(args)
  counter = ((id or 0) * 7919) % #paths
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end

function done(summary, latency, requests)
  io.write(string.format("p50_ms %.2f\n", latency:percentile(50) / 1000))
  io.write(string.format("p95_ms %.2f\n", latency:percentile(95) / 1000))
  io.write(string.format("p99_ms %.2f\n", latency:percentile(99) / 1000))
end
